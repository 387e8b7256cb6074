import type { DataSource, Migration } from 'typeorm';

// Any constant shared by all instances of Lotse; names the lock in pg_locks.
const MIGRATION_LOCK_KEY = 5_350_746;

/**
 * Runs pending migrations while holding a session advisory lock, so that several instances
 * starting at once migrate one after another instead of racing (TypeORM takes no lock).
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
