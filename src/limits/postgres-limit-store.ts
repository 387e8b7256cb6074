import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LimitStore, toRecord, type CountedHit, type ThrottlerStorageRecord } from './limit-store';
import { countHitSql } from './limits.sql';
import { namedStatement } from '../common/database/statement-names';

/** Ended windows and blocks are deleted by each instance this often. */
const SWEEP_INTERVAL_MS = 60_000;

// $1 key, $2 ttl ms, $3 limit, $4 block ms (see LimitStore).
const INCREMENT = namedStatement(
  'limits_count_hit',
  countHitSql({ key: '$1', ttl: '$2', limit: '$3', block: '$4' }),
);

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
      this.storedKey(key),
      ttl,
      limit,
      blockDuration,
    ]);
    return toRecord(hit, limit, blockDuration);
  }

  storedKey(key: string): string {
    return `${this.keyPrefix}:${key}`;
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
