import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The server settings without which a commit PostgreSQL acknowledged can be lost (fsync,
 * synchronous_commit) or a page torn (full_page_writes) in a crash: docs/security.md item 35.
 * `synchronous_commit` may be any value but `off`: `local` and the replica levels all flush the
 * local WAL before the commit returns.
 */
export function durabilityProblems(settings: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const name of ['fsync', 'full_page_writes'])
    if (settings[name] !== 'on') problems.push(`${name}=${settings[name] ?? 'unknown'}`);
  const commit = settings.synchronous_commit;
  if (commit === undefined || commit === 'off')
    problems.push(`synchronous_commit=${commit ?? 'unknown'}`);
  return problems;
}

export class UndurableDatabaseError extends Error {
  constructor(problems: string[]) {
    super(
      `Refusing to start: the database would lose acknowledged writes in a crash (${problems.join(', ')}). ` +
        'Turn these settings on in postgresql.conf (or for the role), then start again.',
    );
    this.name = 'UndurableDatabaseError';
  }
}

/**
 * Checks the connected server's durability settings at start and refuses to start on a server
 * that would lose acknowledged writes. The embedded PGlite runs with fsync off by design: for
 * it, a warning. Production cannot run on it anyway (the configuration requires DATABASE_URL
 * and forbids PGLITE_DATA_DIR), and tests of production behaviour boot on it.
 */
@Injectable()
export class DurabilityCheck implements OnModuleInit {
  private readonly logger = new Logger(DurabilityCheck.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const rows = await this.dataSource.query<{ name: string; setting: string; version: string }[]>(
      `SELECT name, setting, version() AS version FROM pg_settings
       WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')`,
    );
    const problems = durabilityProblems(Object.fromEntries(rows.map((r) => [r.name, r.setting])));
    if (problems.length === 0) return;
    if (rows.some((r) => r.version.includes('PGlite'))) {
      this.logger.warn(
        `The embedded database is not crash-safe (${problems.join(', ')}): development and tests only.`,
      );
      return;
    }
    const error = new UndurableDatabaseError(problems);
    this.logger.error(error.message);
    throw error;
  }
}
