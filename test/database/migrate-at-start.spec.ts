import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/test-app';
import { httpOf } from '../support/http';

describe('migrations at start', () => {
  const apps: NestFastifyApplication[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('let two instances start at once and release the migration lock', async () => {
    apps.push(
      ...(await Promise.all([
        createTestApp({ env: { DB_MIGRATIONS_RUN: 'true' } }),
        createTestApp({ env: { DB_MIGRATIONS_RUN: 'true' } }),
      ])),
    );
    for (const app of apps) {
      expect((await httpOf(app).get('anonymous', '/api/v1/health/ready')).status).toBe(200);
      const ds = app.get(DataSource);
      expect(await ds.showMigrations()).toBe(false);
    }
    const locks: { n: number }[] = await apps[0]
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 5350746`,
      );
    expect(locks[0].n).toBe(0);
  });
});
