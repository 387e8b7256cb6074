import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/test-app';

// Guards src/database/one-statement-begin.ts: a transaction with an isolation level is opened
// by one statement and really runs at that level; nested transactions still use savepoints.
describe('transactions opened in one statement', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    dataSource = app.get(DataSource);
  });
  afterAll(() => app.close());

  const isolation = "SELECT current_setting('transaction_isolation') AS level";

  it.each(['REPEATABLE READ', 'SERIALIZABLE', 'READ COMMITTED'] as const)(
    'runs a transaction at %s',
    async (level) => {
      const rows = await dataSource.transaction(level, (manager) =>
        manager.query<{ level: string }[]>(isolation),
      );
      expect(rows).toEqual([{ level: level.toLowerCase() }]);
    },
  );

  it('sends one statement to start and keeps savepoints for nested transactions', async () => {
    const runner = dataSource.createQueryRunner();
    const statements: string[] = [];
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      statements.push(sql);
      return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof runner.query;
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.startTransaction('REPEATABLE READ');
      const [inner] = (await runner.query(isolation)) as { level: string }[];
      await runner.commitTransaction();
      await runner.commitTransaction();
      expect(inner.level).toBe('repeatable read');
    } finally {
      await runner.release();
    }
    expect(statements).toEqual([
      'START TRANSACTION ISOLATION LEVEL REPEATABLE READ',
      'SAVEPOINT typeorm_1',
      isolation,
      'RELEASE SAVEPOINT typeorm_1',
      'COMMIT',
    ]);
  });

  it('still rejects an isolation level PostgreSQL does not know', async () => {
    await expect(
      dataSource.transaction('SNAPSHOT' as 'SERIALIZABLE', () => Promise.resolve()),
    ).rejects.toThrow();
  });
});
