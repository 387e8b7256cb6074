import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { beginInOneStatement } from './one-statement-begin';
import { NamingClient } from './named-statement';
import { TypeOrmNestLogger } from './typeorm-logger';

export interface DatabaseConnectionSettings {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  queryTimeoutMs: number;
  migrationsRun: boolean;
  /**
   * Send the texts marked with `namedStatement` as named prepared statements (ADR 0024). Only on
   * real PostgreSQL: never on the embedded PGlite (one shared session).
   */
  namedStatements?: boolean;
}

/** The one definition of how Lotse talks to PostgreSQL: app, CLI and tests share it. */
export function dataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  beginInOneStatement();
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsRun: settings.migrationsRun,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // PGlite has no extensions; gen_random_uuid() is core since PostgreSQL 13.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logger: new TypeOrmNestLogger(),
    logging: ['warn', 'migration'],
    maxQueryExecutionTime: 1000,
    extra: {
      ...(settings.namedStatements ? { Client: NamingClient } : {}),
      max: settings.poolMax,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // Client-side bound, so that a request never waits forever on a half-open connection.
      query_timeout: settings.queryTimeoutMs,
      keepAlive: true,
    },
  };
}
