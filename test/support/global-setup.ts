import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { contractLogPath } from './contract/contract-summary';

declare global {
  var __EMBEDDED_PG__: EmbeddedPostgres | undefined;
}

/**
 * Runs once in Jest's parent process. Tests use TEST_DATABASE_URL when it is set, else one
 * embedded PGlite shared by all workers; never DATABASE_URL, so that a developer's own
 * database is not written by a test run. Migrations run here once: parallel runs would race.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  process.env.RESPONSE_CONTRACT_LOG = contractLogPath();
  const testUrl = process.env.TEST_DATABASE_URL?.trim();
  if (testUrl) {
    process.env.DATABASE_URL = testUrl;
  } else {
    const pg = await startEmbeddedPostgres({ maxConnections: 40 });
    globalThis.__EMBEDDED_PG__ = pg;
    process.env.DATABASE_URL = pg.url;
    // Per app instance; (apps alive at once) × 4 stays below the 40 the server accepts.
    process.env.DB_POOL_MAX = '4';
  }
  const ds = await new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    migrations,
    migrationsTransactionMode: 'each',
  }).initialize();
  await ds.runMigrations();
  await ds.destroy();
}
