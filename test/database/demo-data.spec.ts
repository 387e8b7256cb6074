import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DemoDataService } from '../../src/demo-data/demo-data.service';
import { DEMO_ORGANISATIONS } from '../../src/demo-data/demo-world';
import { OrganisationsService } from '../../src/identity/organisations.service';
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

  it('does not seed at start on a database it did not start itself', async () => {
    app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    expect(await app.get(DemoDataService).seedIfFreshEmbedded()).toBeUndefined();
  });

  it('refuses to seed in production', async () => {
    app = await createTestApp({ env: { NODE_ENV: 'production' } });
    await expect(app.get(DemoDataService).seed()).rejects.toThrow(/never seeded/);
  });
});
