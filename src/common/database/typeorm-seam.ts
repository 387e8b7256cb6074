import { Client, Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The TypeORM seam: the one file that reaches past the public types of TypeORM 1.1 and of the
 * pg pool it keeps (docs/architecture/0014-typed-disclosure-and-audit-catalogue.md, "Library
 * seams"). Each accessor checks at run time what it reads and throws if a new version moved
 * it; `test/database/one-statement-begin.spec.ts` and `test/e2e/metrics.spec.ts` fail then.
 * The only other such place is the PGlite seam, `pglite-batching.ts`; `npm run lint` refuses
 * a double cast (`as unknown as`) anywhere else in `src/`.
 */

const CHANGED = 'TypeORM internals changed: review src/common/database/typeorm-seam.ts';

/** How many transactions the runner has open, nested ones included (TypeORM keeps it protected). */
export function transactionDepthOf(runner: PostgresQueryRunner): number {
  const depth = (runner as unknown as { transactionDepth?: unknown }).transactionDepth;
  if (typeof depth !== 'number') throw new Error(CHANGED);
  return depth;
}

/**
 * The pg pool of a PostgreSQL data source, or undefined (another driver, or one that keeps its
 * pool elsewhere: then the pool's metrics are missing, which `test/e2e/metrics.spec.ts` sees).
 */
export function postgresPoolOf(dataSource: DataSource): Pool | undefined {
  const driver = dataSource.driver;
  const master: unknown = driver instanceof PostgresDriver ? driver.master : undefined;
  return master instanceof Pool ? master : undefined;
}

type ConnectCallback = (err: Error | undefined, client: PoolClient, release: () => void) => void;

/**
 * Calls `started` whenever somebody asks the pool for a connection, and the function it returns
 * once the connection is lent (or the request failed). TypeORM asks with a callback, others with
 * a promise; pg's overloads do not let a wrapper be typed as either, hence the seam.
 */
export function timePoolConnects(pool: Pool, started: () => () => void): void {
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<PoolClient> | void;
  (pool as unknown as { connect: typeof connect }).connect = (cb?: ConnectCallback) => {
    const done = started();
    if (!cb) return (connect() as Promise<PoolClient>).finally(done);
    return connect((err, client, release) => {
      done();
      cb(err, client, release);
    });
  };
}

type AnyQuery = (this: Client, ...args: unknown[]) => unknown;

/**
 * Makes `clientClass` (a subclass of pg's Client) send a query whose text `nameOf` names as a
 * named prepared statement, `{ name, text, values }`, and every other query unchanged. pg's
 * overloads of `query` do not let an override be typed, hence the seam. The base query is
 * looked up on every call, so that a wrapper put on `Client.prototype.query` later (the tests'
 * statement count) still sees every statement.
 */
export function nameStatementsOf(
  clientClass: typeof Client,
  nameOf: (text: string) => string | undefined,
): void {
  const base = (): AnyQuery => (Client.prototype as unknown as { query: AnyQuery }).query;
  (clientClass.prototype as unknown as { query: AnyQuery }).query = function (
    this: Client,
    ...args: unknown[]
  ): unknown {
    const [config, values, callback] = args;
    const name = typeof config === 'string' ? nameOf(config) : undefined;
    if (name === undefined) return base().apply(this, args);
    const named = { name, text: config, values: Array.isArray(values) ? values : [] };
    const onDone = Array.isArray(values) ? callback : values;
    return onDone === undefined ? base().call(this, named) : base().call(this, named, onDone);
  };
}
