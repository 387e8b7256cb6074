import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { dataSourceOptions } from '../../src/database/typeorm-options';

describe('migrations', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource({
      ...dataSourceOptions({
        url: process.env.DATABASE_URL!,
        poolMax: 2,
        connectTimeoutMs: 5000,
        queryTimeoutMs: 30000,
        migrationsRun: false,
      }),
      logger: 'simple-console',
      logging: false,
    }).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('match the entities exactly (no schema drift)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query.trim())).toEqual([]);
  });

  it('have all run on the test database', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('are all registered in migrations/index.ts, in timestamp order', () => {
    const files = readdirSync(join(__dirname, '../../migrations'))
      .filter((f) => /^\d{13}-[A-Z]\w+\.ts$/.test(f))
      .sort();
    const registered = migrations.map((m) => {
      const name = m.name;
      const [, base, ts] = /^(\w+?)(\d{13})$/.exec(name) ?? [];
      return `${ts}-${base}.ts`;
    });
    expect(registered).toEqual(files);
  });
});
