import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { fetchKeysetPage, type KeysetOrder } from '../../src/common/pagination/keyset';
import { Organisation } from '../../src/identity/organisation.entity';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { IdentityModule } from '../../src/identity/identity.module';
import { uniqueName } from '../factories/unique';
import { createTestApp } from '../support/test-app';

describe('keyset pagination against the database', () => {
  let app: NestFastifyApplication;
  let prefix: string;
  let names: string[];

  beforeAll(async () => {
    app = await createTestApp({ extra: { imports: [IdentityModule] } });
    prefix = uniqueName('Keyset');
    // Names in an order PostgreSQL and JavaScript agree on: fixed-width digits.
    names = Array.from({ length: 7 }, (_, i) => `${prefix} ${String(i).padStart(2, '0')}`);
    const organisations = app.get(OrganisationsService);
    for (const name of [...names].reverse())
      await organisations.ensure(OrganisationKind.Provider, name);
  });
  afterAll(async () => {
    await app.close();
  });

  async function walk(direction: 'ASC' | 'DESC', limit: number): Promise<string[][]> {
    const repo = app.get(DataSource).getRepository(Organisation);
    const order: KeysetOrder<Organisation> = {
      list: 'test-organisations',
      keys: [
        { column: 'o.name', value: (o) => o.name },
        { column: 'o.id', value: (o) => o.id },
      ],
      direction,
    };
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const qb = repo.createQueryBuilder('o').where('o.name LIKE :p', { p: `${prefix}%` });
      const page = await fetchKeysetPage(qb, order, { limit, cursor });
      pages.push(page.items.map((o) => o.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('pages forwards in key order, the last page without a next cursor', async () => {
    expect(await walk('ASC', 3)).toEqual([names.slice(0, 3), names.slice(3, 6), names.slice(6)]);
  });

  it('pages backwards with DESC', async () => {
    const reversed = [...names].reverse();
    expect(await walk('DESC', 3)).toEqual([
      reversed.slice(0, 3),
      reversed.slice(3, 6),
      reversed.slice(6),
    ]);
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const pages = await walk('ASC', 7);
    expect(pages).toEqual([names]);
  });
});
