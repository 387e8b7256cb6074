import type { ThrottlerStorage } from '@nestjs/throttler';
import { DomainError } from '../common/problem/domain-error';

/** What the throttler wants to know of one counted hit (not exported by the package's index). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The one store of every counted limit (login throttles, the per-principal rate limit, the
 * stricter limit of expensive routes), shared by all instances of a deployment: PostgreSQL by
 * default, Redis when `REDIS_URL` is set (ADR 0017). It is `@nestjs/throttler`'s storage
 * interface, so the throttler guards and the access guard's rate limit count in the same place.
 *
 * Both stores count the same way, in one atomic step on the store's clock:
 * - a fixed window of `ttl` ms opens with the first hit of a key; each hit adds one;
 * - with `blockDuration` > 0 (login throttles), the hit past `limit` blocks the key for
 *   `blockDuration` ms; blocked hits are not counted; after the block a new window starts;
 * - with `blockDuration` = 0 (rate limits), every hit counts, and the key is over its limit
 *   until its window ends.
 */
export abstract class LimitStore implements ThrottlerStorage {
  abstract increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord>;

  /**
   * Which store this is, for the start-up log line; and, for `postgresql`, that a statement of
   * another module may count a hit itself, with `countHitSql` (limits.sql.ts) and `storedKey`.
   */
  abstract readonly store: 'postgresql' | 'redis';

  /** The key a limit key is stored under: the deployment's prefix (LIMIT_KEY_PREFIX) and it. */
  abstract storedKey(key: string): string;
}

/** What a store answers for one hit, in milliseconds on the store's clock. */
export interface CountedHit {
  hits: number;
  windowLeftMs: number;
  blockedLeftMs: number;
}

/** The throttler's record from a counted hit (seconds, rounded up, as the throttler reports). */
export function toRecord(
  hit: CountedHit,
  limit: number,
  blockDuration: number,
): ThrottlerStorageRecord {
  const timeToExpire = Math.max(1, Math.ceil(hit.windowLeftMs / 1000));
  if (blockDuration > 0) {
    const blocked = hit.blockedLeftMs > 0;
    return {
      totalHits: hit.hits,
      timeToExpire,
      isBlocked: blocked,
      timeToBlockExpire: blocked ? Math.max(1, Math.ceil(hit.blockedLeftMs / 1000)) : 0,
    };
  }
  const over = hit.hits > limit;
  return {
    totalHits: hit.hits,
    timeToExpire,
    isBlocked: over,
    timeToBlockExpire: over ? timeToExpire : 0,
  };
}

/** The shared store does not answer (Redis down): limits cannot be checked, so nothing passes. */
export class LimitsUnavailable extends DomainError {
  readonly kind = 'service-unavailable';
  readonly status = 503;
  readonly title = 'Service Unavailable';

  constructor() {
    super('The service cannot check its limits right now. Please retry shortly.');
  }
}
