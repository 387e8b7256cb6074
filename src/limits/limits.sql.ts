/**
 * The counting of one hit as SQL, for a statement of another module that counts a hit together
 * with its own work (ADR 0024: the access guard finds the principal and counts its request in
 * one round trip). `rate_limit_counters` stays this module's: the caller gets the statement as a
 * data-modifying CTE body and reads only its `RETURNING` columns, those of `CountedHit`
 * (limit-store.ts): `hits`, `"windowLeftMs"`, `"blockedLeftMs"`, and the counted `key`.
 */
export interface HitSqlArguments {
  /** The stored key (LimitStore.storedKey), an SQL text expression. */
  key: string;
  /** The window in ms, the limit, the block in ms (see LimitStore): SQL integer expressions. */
  ttl: string;
  limit: string;
  block: string;
}

/**
 * One statement, atomic under the row lock of ON CONFLICT, on the database's clock: every
 * instance sees the same count. The same text as PostgresLimitStore.increment's own statement.
 */
export function countHitSql({ key, ttl, limit, block }: HitSqlArguments): string {
  return `
  INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at, blocked_until)
  VALUES (${key}, 1, now() + make_interval(secs => ${ttl} / 1000.0),
          CASE WHEN ${block} > 0 AND 1 > ${limit} THEN now() + make_interval(secs => ${block} / 1000.0) END)
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
      WHEN ${block} > 0 AND (CASE WHEN c.window_ends_at <= now() OR c.blocked_until IS NOT NULL
                            THEN 1 ELSE c.hits + 1 END) > ${limit}
        THEN now() + make_interval(secs => ${block} / 1000.0)
      END
  RETURNING key, hits,
            (extract(epoch FROM window_ends_at - now()) * 1000)::float8 AS "windowLeftMs",
            coalesce(extract(epoch FROM blocked_until - now()) * 1000, 0)::float8 AS "blockedLeftMs"`;
}
