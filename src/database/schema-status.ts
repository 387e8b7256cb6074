import type { DataSource } from 'typeorm';
import { hasSqlState } from '../common/database/postgres-errors';

export interface SchemaStatus {
  /** Migrations of this code that the database has applied. */
  applied: number;
  /** Migrations of this code the database has not applied yet, oldest first. */
  pending: string[];
  /** Migrations the database has applied that this code does not know (a newer release ran). */
  unknown: string[];
}

/**
 * Compares the migrations this code ships with those recorded in the database, read-only (the
 * app's least-privilege role may only SELECT the migrations table). A database without the
 * table has every migration pending.
 */
export async function schemaStatus(dataSource: DataSource): Promise<SchemaStatus> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  let recorded: string[];
  try {
    const rows: { name: string }[] = await dataSource.query(`SELECT "name" FROM "${table}"`);
    recorded = rows.map((r) => r.name);
  } catch (error) {
    if (hasSqlState(error, '42P01')) recorded = [];
    else throw error;
  }
  const done = new Set(recorded);
  const ours = new Set(known);
  return {
    applied: known.filter((name) => done.has(name)).length,
    pending: known.filter((name) => !done.has(name)),
    unknown: recorded.filter((name) => !ours.has(name)),
  };
}
