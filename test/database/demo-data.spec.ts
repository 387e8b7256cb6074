import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DemoDataService } from '../../src/demo-data/demo-data.service';
import { DEMO_ORGANISATIONS } from '../../src/demo-data/demo-world';
import { OrganisationKind } from '../../src/identity/organisation.entity';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { uniqueName } from '../factories/unique';
import { createTestApp } from '../support/test-app';

describe('demo data', () => {
  let app: NestFastifyApplication;

  afterEach(async () => {
    await app?.close();
  });

  it('seeds the demo organisations once; seeding again creates nothing', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    const demo = app.get(DemoDataService);
    await demo.seed();
    const again = await demo.seed();
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(DEMO_ORGANISATIONS.map((o) => o.name));
    const organisations = app.get(OrganisationsService);
    for (const { kind, name } of DEMO_ORGANISATIONS) {
      const { organisation, created } = await organisations.ensure(kind, name);
      expect(created).toBe(false);
      expect(organisation.kind).toBe(kind);
    }
  });

  it('creates an organisation once under concurrent calls for the same name', async () => {
    app = await createTestApp();
    const name = uniqueName('Jobcenter Parallel');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.get(OrganisationsService).ensure(OrganisationKind.Jobcenter, name),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.organisation.id)).size).toBe(1);
  });

  it('does not seed at start on a database it did not start itself', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    expect(await app.get(DemoDataService).seedIfFreshEmbedded()).toBeUndefined();
  });

  it('refuses to seed in production', async () => {
    app = await createTestApp({ env: { NODE_ENV: 'production' } });
    await expect(app.get(DemoDataService).seed()).rejects.toThrow(/never seeded/);
  });
});
