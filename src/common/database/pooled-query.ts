import { performance } from 'node:perf_hooks';
import type { Pool, QueryResult } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { postgresPoolOf } from './typeorm-seam';

/** Runs one statement outside any transaction and returns what `DataSource.query` returns. */
export type PooledQuery = <T = unknown>(text: string, params?: unknown[]) => Promise<T>;

const QUERIES = new WeakMap<DataSource, PooledQuery>();

/**
 * `dataSource.query(text, params)` for the hot statements (ADR 0024, "The request pipeline"):
 * on a connection of the pg pool TypeORM keeps, without a query runner per statement (its creation,
 * the before/after-query broadcast and the logger calls cost about a third of a short
 * statement's Node CPU). The rest stays as TypeORM does it: a failure is the same
 * `QueryFailedError` (so `postgres-errors.ts` reads it alike), a statement slower than
 * `maxQueryExecutionTime` is logged as slow through TypeORM's logger, and the result is shaped
 * alike (`[rows, rowCount]` for UPDATE and DELETE, rows otherwise). Without a pg pool (another
 * driver) it is `dataSource.query` itself. For statements outside a transaction only: a
 * transaction's statements go through its `EntityManager`.
 */
export function pooledQueryOf(dataSource: DataSource): PooledQuery {
  let query = QUERIES.get(dataSource);
  if (!query) {
    const pool = postgresPoolOf(dataSource);
    query = pool
      ? viaPool(dataSource, pool)
      : <T>(text: string, params?: unknown[]) => dataSource.query<T>(text, params);
    QUERIES.set(dataSource, query);
  }
  return query;
}

function viaPool(dataSource: DataSource, pool: Pool): PooledQuery {
  const slowAfterMs = dataSource.options.maxQueryExecutionTime;
  return async <T>(text: string, params: unknown[] = []): Promise<T> => {
    // As TypeORM's runner: a connection that cannot be had fails with the pool's own error; a
    // failed statement as `QueryFailedError`, and its connection goes back to the pool (pg's
    // `pool.query` would destroy it, and its prepared statements with it). A broken
    // connection is not queryable any more, and the pool drops it on release.
    const client = await pool.connect();
    let released = false;
    const release = (error?: Error): void => {
      if (released) return;
      released = true;
      client.removeListener('error', release);
      client.release(error);
    };
    // The connection dying while lent (the server went away): given back with the error, so
    // that the pool drops it; the pending statement fails on its own.
    client.on('error', release);
    const started = performance.now();
    let raw: QueryResult;
    try {
      raw = await client.query(text, params);
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, text, params);
      throw new QueryFailedError(text, params, error as Error);
    } finally {
      release();
    }
    const elapsed = performance.now() - started;
    if (slowAfterMs && elapsed > slowAfterMs) {
      dataSource.logger.logQuerySlow(Math.round(elapsed), text, params);
    }
    return (
      raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows
    ) as T;
  };
}
