import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { CLUSTER_ENV, freePort, PgCluster } from './pg-cluster';

declare global {
  var __RELIABILITY_PG__: PgCluster | undefined;
}

export const RELIABILITY_DB = 'lotse_reliability';
const APP_ENTRY = resolve(__dirname, '../../../dist/src/main.js');

/**
 * Starts the suite's own PostgreSQL cluster, creates the database and migrates it once. Test
 * files find it through env: TEST_DATABASE_URL (the in-process app that builds test data) and
 * RELIABILITY_PG_CLUSTER (the cluster to crash). The app under test is the built one.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(APP_ENTRY)) {
    throw new Error(`${APP_ENTRY} is missing: npm run test:reliability builds it first`);
  }
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'silent';
  const started = Date.now();
  const cluster = PgCluster.create(await freePort());
  globalThis.__RELIABILITY_PG__ = cluster;
  // Should Jest exit without its global teardown (a crash in between), still remove it.
  process.once('exit', () => globalThis.__RELIABILITY_PG__?.destroy());
  try {
    const admin = new Client({ connectionString: `${cluster.url}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${RELIABILITY_DB}`);
    await admin.end();
    const url = `${cluster.url}/${RELIABILITY_DB}`;
    const ds = await new DataSource({
      type: 'postgres',
      url,
      migrations,
      migrationsTransactionMode: 'each',
    }).initialize();
    await ds.runMigrations();
    await ds.destroy();
    process.env[CLUSTER_ENV] = JSON.stringify(cluster.info);
    process.env.TEST_DATABASE_URL = url;
    process.env.DATABASE_URL = url;
    process.env.DB_POOL_MAX = '4';
    process.stdout.write(
      `\nthrowaway PostgreSQL on 127.0.0.1:${cluster.info.port} in ${cluster.info.dir} (${Date.now() - started} ms)\n`,
    );
  } catch (error) {
    cluster.destroy();
    globalThis.__RELIABILITY_PG__ = undefined;
    throw error;
  }
}
