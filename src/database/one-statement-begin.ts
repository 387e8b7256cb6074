import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { transactionDepthOf } from '../common/database/typeorm-seam';

const LEVELS: ReadonlySet<string> = new Set<IsolationLevel>([
  'READ UNCOMMITTED',
  'READ COMMITTED',
  'REPEATABLE READ',
  'SERIALIZABLE',
]);

type Query = PostgresQueryRunner['query'];
type StartTransaction = (this: PostgresQueryRunner, level?: IsolationLevel) => Promise<void>;

let installed = false;

/**
 * TypeORM 1.1 opens a transaction with an isolation level as two statements, `START
 * TRANSACTION` and then `SET TRANSACTION ISOLATION LEVEL …`: one round trip to PostgreSQL more
 * than needed on every consent-checked read (BENCHMARKS.md, CPU profile). This makes the
 * outermost `startTransaction(level)` send `START TRANSACTION ISOLATION LEVEL …` instead: the
 * same transaction, one statement. Everything else (savepoints, events, the transaction state)
 * stays TypeORM's own. Pinned to TypeORM's internals (what it reads past TypeORM's types, it
 * reads through `typeorm-seam.ts`): `test/database/one-statement-begin.spec.ts` fails if a new
 * version breaks it.
 */
export function beginInOneStatement(): void {
  if (installed) return;
  installed = true;
  const proto = PostgresQueryRunner.prototype;
  const start = Object.getOwnPropertyDescriptor(proto, 'startTransaction')?.value as
    StartTransaction | undefined;
  if (typeof start !== 'function' || !/START TRANSACTION/.test(start.toString())) {
    throw new Error('TypeORM internals changed: review src/database/one-statement-begin.ts');
  }
  proto.startTransaction = async function (
    this: PostgresQueryRunner,
    isolationLevel?: IsolationLevel,
  ): Promise<void> {
    const depth = transactionDepthOf(this);
    // A default level in the options, a savepoint, or an unknown level: TypeORM's own way
    // (which also rejects the unknown level).
    if (
      !isolationLevel ||
      !LEVELS.has(isolationLevel) ||
      depth > 0 ||
      this.dataSource.options.isolationLevel
    ) {
      return start.call(this, isolationLevel);
    }
    const previous = Object.getOwnPropertyDescriptor(this, 'query');
    const own = this.query.bind(this) as (...args: Parameters<Query>) => ReturnType<Query>;
    this.query = ((...args: Parameters<Query>) => {
      const [sql, ...rest] = args;
      return sql === 'START TRANSACTION'
        ? own(`START TRANSACTION ISOLATION LEVEL ${isolationLevel}`, ...rest)
        : own(...args);
    }) as Query;
    try {
      await start.call(this, undefined);
    } finally {
      // Back to what it was: the prototype's method, or a wrapper set on this runner.
      if (previous) Object.defineProperty(this, 'query', previous);
      else delete (this as { query?: Query }).query;
    }
  };
}
