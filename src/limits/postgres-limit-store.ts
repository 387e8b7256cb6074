import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LimitStore, toRecord, type CountedHit, type ThrottlerStorageRecord } from './limit-store';

/** Ended windows and blocks are deleted by each instance this often. */
const SWEEP_INTERVAL_MS = 60_000;

// One statement, atomic under the row lock of ON CONFLICT, on the database's clock: every
// instance sees the same count. $1 key, $2 ttl ms, $3 limit, $4 block ms (see LimitStore).
const INCREMENT = `
  INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at, blocked_until)
  VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0),
          CASE WHEN $4 > 0 AND 1 > $3 THEN now() + make_interval(secs => $4 / 1000.0) END)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE
      WHEN c.blocked_until > now() THEN c.hits
      WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL THEN 1
      ELSE c.hits + 1 END,
    window_ends_at = CASE
      WHEN c.blocked_until > now() THEN c.window_ends_at
      WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL THEN excluded.window_ends_at
      ELSE c.window_ends_at END,
    blocked_until = CASE
      WHEN c.blocked_until > now() THEN c.blocked_until
      WHEN $4 > 0 AND (CASE WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL
                            THEN 1 ELSE c.hits + 1 END) > $3
        THEN now() + make_interval(secs => $4 / 1000.0)
      END
  RETURNING hits,
            (extract(epoch FROM window_ends_at - now()) * 1000)::float8 AS "windowLeftMs",
            coalesce(extract(epoch FROM blocked_until - now()) * 1000, 0)::float8 AS "blockedLeftMs"`;

/**
 * Limits counted in PostgreSQL (the default, and the embedded PGlite): one upsert per counted
 * request in `rate_limit_counters`, an UNLOGGED table (no WAL: counters may be lost in a
 * crash, which costs at most one window of counting, and a commit of them waits for no disk).
 */
export class PostgresLimitStore extends LimitStore implements OnApplicationShutdown {
  readonly store = 'postgresql';
  private readonly logger = new Logger('Limits');
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyPrefix: string,
  ) {
    super();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<ThrottlerStorageRecord> {
    const [hit] = await this.dataSource.query<CountedHit[]>(INCREMENT, [
      `${this.keyPrefix}:${key}`,
      ttl,
      limit,
      blockDuration,
    ]);
    return toRecord(hit, limit, blockDuration);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private async sweep(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM rate_limit_counters
          WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
      );
    } catch (error) {
      this.logger.warn(`Sweeping ended limit windows failed: ${(error as Error).message}`);
    }
  }
}
