import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { configOrExit, loadDotEnvFile } from '../config/app-config';
import { grantAppRole, grantJobSchema } from './app-role';
import { runMigrationsExclusively } from './run-migrations';
import { schemaStatus } from './schema-status';
import { dataSourceOptions } from './typeorm-options';

const USAGE = `Usage: node dist/src/database/migrate.js [--check]
  (no option)  apply pending migrations as the schema owner, then, if DB_APP_ROLE is set,
               grant that role what the app needs (docs/operations/guide.md, "Migrations")
  --check      apply nothing; list pending migrations and exit 3 if there are any`;

function fail(line: string, code = 1): never {
  process.stderr.write(`${line}\n`);
  process.exit(code);
}

/**
 * The migration step of a deployment: one process, compiled (no ts-node, no src/), run before
 * the app starts with DB_MIGRATIONS_RUN=false. Takes the same advisory lock as an app that
 * migrates at start, so two steps (or a step and an app) never migrate at once.
 */
async function main(args: string[]): Promise<void> {
  const check = args.includes('--check');
  if (args.some((a) => a !== '--check')) fail(USAGE, 2);
  loadDotEnvFile();
  const config = configOrExit(process.env, undefined, { migrationsOnly: true });
  const url = config.database.url;
  if (!url) fail('DATABASE_URL is required: migrations run against a PostgreSQL server');
  const dataSource = new DataSource(
    dataSourceOptions({ ...config.database, url, migrationsRun: false }),
  );
  try {
    await dataSource.initialize();
    const before = await schemaStatus(dataSource);
    if (check) {
      for (const name of before.pending) process.stdout.write(`pending: ${name}\n`);
      process.stdout.write(`${before.applied} applied, ${before.pending.length} pending\n`);
      if (before.pending.length > 0) process.exitCode = 3;
      return;
    }
    const applied = await runMigrationsExclusively(dataSource);
    for (const m of applied) process.stdout.write(`applied: ${m.name}\n`);
    const after = await schemaStatus(dataSource);
    process.stdout.write(
      `migrations: ${applied.length} applied now, ${after.applied} in all, ${after.pending.length} pending\n`,
    );
    if (config.database.appRole) {
      const runner = dataSource.createQueryRunner();
      try {
        const tables = await grantAppRole(runner, config.database.appRole);
        process.stdout.write(
          `granted ${config.database.appRole} its privileges on ${tables} tables\n`,
        );
        await grantJobSchema(runner, config.database.appRole);
        process.stdout.write(`gave ${config.database.appRole} the job queues' schema pgboss\n`);
      } finally {
        await runner.release();
      }
    }
  } catch (error) {
    fail(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

void main(process.argv.slice(2));
