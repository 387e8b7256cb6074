import type { QueryRunner } from 'typeorm';
import { ROLE_NAME } from '../config/environment.schema';

/**
 * Tables whose rows the app may not change freely (docs/operations/audit-trail.md, "Roles and
 * grants"): the trail is read and appended, the sealer's queue and head are worked by the app,
 * and the migrations table is only read (readiness compares it with the code). Every other
 * table of the schema: SELECT, INSERT, UPDATE, DELETE; its triggers guard what is immutable.
 */
export const RESTRICTED_TABLES: Readonly<Record<string, string>> = {
  audit_events: 'SELECT, INSERT',
  audit_seals: 'SELECT, INSERT',
  audit_pending: 'SELECT, INSERT, DELETE',
  audit_chain_head: 'SELECT, UPDATE',
  migrations: 'SELECT',
};
const DEFAULT_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Gives the app's least-privilege role exactly the privileges above on every table of the
 * current schema (revoking anything else first, so that a second run changes nothing), and
 * USAGE on the schema and its sequences. Runs as the owner after the migrations, in one
 * transaction; the role itself (LOGIN, not the owner, no CREATE) is created by the operator.
 * Returns the number of tables granted.
 */
export async function grantAppRole(runner: QueryRunner, role: string): Promise<number> {
  if (!ROLE_NAME.test(role))
    throw new Error(`DB_APP_ROLE ${JSON.stringify(role)} is not a role name`);
  const [{ owner, schema }] = (await runner.query(
    'SELECT current_user AS owner, current_schema() AS schema',
  )) as { owner: string; schema: string }[];
  if (owner === role) throw new Error('DB_APP_ROLE must not be the role that runs the migrations');
  const [exists] = (await runner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
    role,
  ])) as unknown[];
  if (!exists) throw new Error(`DB_APP_ROLE ${role} does not exist: create it first (LOGIN)`);
  const tables = (await runner.query(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
    [schema],
  )) as { name: string }[];
  const r = quote(role);
  await runner.startTransaction();
  try {
    await runner.query(`GRANT USAGE ON SCHEMA ${quote(schema)} TO ${r}`);
    for (const { name } of tables) {
      const t = `${quote(schema)}.${quote(name)}`;
      await runner.query(`REVOKE ALL ON TABLE ${t} FROM ${r}`);
      await runner.query(
        `GRANT ${RESTRICTED_TABLES[name] ?? DEFAULT_PRIVILEGES} ON TABLE ${t} TO ${r}`,
      );
    }
    await runner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${quote(schema)} TO ${r}`);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
  return tables.length;
}
