import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { isEmbeddedServer } from '../../src/database/named-statement';
import { createTestApp } from '../support/test-app';

/**
 * ADR 0024: on real PostgreSQL the app's connections keep one generic plan per named statement
 * (`plan_cache_mode = force_generic_plan`), so that a hot statement is not planned again on
 * every request; on the embedded PGlite (no named statements) the setting stays PostgreSQL's.
 */
describe("the app's connections", () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('keep generic plans for named statements on a real server, and only there', async () => {
    const [row] = await app
      .get(DataSource)
      .query<{ plan_cache_mode: string }[]>('SHOW plan_cache_mode');
    const embedded = await isEmbeddedServer(process.env.DATABASE_URL!);
    expect(row.plan_cache_mode).toBe(embedded ? 'auto' : 'force_generic_plan');
  });
});
