import type { QueryRunner } from 'typeorm';
import { JOB_SCHEMA } from '../common/database/job-schema';
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

/**
 * Gives the app's role the schema of the job queues (`pgboss`), created here if missing: the role
 * may not create a schema, and pg-boss creates and migrates its tables at start (as the role, which
 * may use and create in the schema). Whatever pg-boss already made in it as the owner (an app that
 * ran before DB_APP_ROLE) passes to the role too, which needs the owner to be a member of the role.
 */
export async function grantJobSchema(runner: QueryRunner, role: string): Promise<void> {
  if (!ROLE_NAME.test(role))
    throw new Error(`DB_APP_ROLE ${JSON.stringify(role)} is not a role name`);
  const r = quote(role);
  const s = quote(JOB_SCHEMA);
  await runner.startTransaction();
  try {
    // The schema stays the owner's (making it the role's would need membership in the role);
    // the role may use it and create in it, so pg-boss makes its tables as the role.
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await runner.query(`GRANT USAGE, CREATE ON SCHEMA ${s} TO ${r}`);
    const owned = (await runner.query(
      `SELECT format('ALTER %s %s OWNER TO ${r}',
                     CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, c.oid::regclass) AS statement
         FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v')
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO ${r}', p.oid::regprocedure)
         FROM pg_proc p WHERE p.pronamespace = $1::regnamespace
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO ${r}', t.oid::regtype)
         FROM pg_type t WHERE t.typnamespace = $1::regnamespace AND t.typtype = 'e'`,
      [JOB_SCHEMA],
    )) as { statement: string }[];
    for (const { statement } of owned) await runner.query(statement);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
