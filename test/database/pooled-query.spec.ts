import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { pooledQueryOf } from '../../src/common/database/pooled-query';
import { hasSqlState } from '../../src/common/database/postgres-errors';
import { postgresPoolOf } from '../../src/common/database/typeorm-seam';
import { isEmbeddedServer, namedStatement } from '../../src/database/named-statement';
import { uniqueName } from '../factories/unique';
import { createTestApp } from '../support/test-app';

// Guards src/common/database/pooled-query.ts: the hot statements' way past TypeORM's query
// runner answers exactly as `DataSource.query` does (ADR 0024, "The request pipeline").
describe('pooled query', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    dataSource = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('goes to the pg pool, not through a query runner', () => {
    expect(postgresPoolOf(dataSource)).toBeDefined();
    expect(pooledQueryOf(dataSource)).toBe(pooledQueryOf(dataSource));
  });

  it('answers a query, an UPDATE, a DELETE and an INSERT as DataSource.query does', async () => {
    const table = uniqueName('pooled_query')
      .replace(/[^A-Za-z0-9]/g, '_')
      .toLowerCase();
    const query = pooledQueryOf(dataSource);
    await dataSource.query(`CREATE TABLE ${table} (n int)`);
    // Each statement runs on the same three rows, once each way.
    const fresh = () =>
      dataSource.query(`DELETE FROM ${table}; INSERT INTO ${table} VALUES (1), (2), (3)`);
    try {
      for (const sql of [
        `SELECT n FROM ${table} WHERE n >= $1 ORDER BY n`,
        `UPDATE ${table} SET n = n + 10 WHERE n > $1 RETURNING n`,
        `DELETE FROM ${table} WHERE n > $1 RETURNING n`,
        `INSERT INTO ${table} VALUES ($1) RETURNING n`,
        `WITH up AS (UPDATE ${table} SET n = 0 WHERE n = $1 RETURNING n) SELECT count(*)::int AS c FROM up`,
      ]) {
        await fresh();
        const expected: unknown = await dataSource.query(sql, [1]);
        await fresh();
        const actual = await query(sql, [1]);
        expect([sql, actual]).toEqual([sql, expected]);
      }
      await fresh();
      expect(await query(`UPDATE ${table} SET n = n WHERE n > $1`, [1])).toEqual([[], 2]);
    } finally {
      await dataSource.query(`DROP TABLE ${table}`);
    }
  });

  it('fails as QueryFailedError with the driver error, and keeps the connection', async () => {
    const pool = postgresPoolOf(dataSource)!;
    const before = pool.totalCount;
    const failure = await pooledQueryOf(dataSource)('SELECT 1 / $1::int', [0]).catch((e) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(hasSqlState(failure, '22012')).toBe(true);
    expect(pool.totalCount).toBe(before);
    expect(await pooledQueryOf(dataSource)('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('sends a marked text as the pool’s client sends it (named on a real server)', async () => {
    const text = namedStatement('test_pooled_query_probe', 'SELECT $1::int * 2 AS n');
    const names: (string | undefined)[] = [];
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: Client, ...args: unknown[]): unknown {
      const [config] = args;
      if (config === text || (config as { text?: unknown } | null)?.text === text) {
        names.push(typeof config === 'string' ? undefined : (config as { name?: string }).name);
      }
      return original.apply(this, args);
    };
    try {
      expect(await pooledQueryOf(dataSource)(text, [21])).toEqual([{ n: 42 }]);
    } finally {
      proto.query = original;
    }
    const embedded = await isEmbeddedServer(process.env.DATABASE_URL!);
    expect(names).toEqual([embedded ? undefined : 'test_pooled_query_probe']);
  });
});
