import { Client } from 'pg';
import { instantAsText } from '../../src/referrals/referral-rows';

/*
 * The list writes its instants as the database's text (referral-rows.ts); every other read
 * writes a `Date` that `pg` parsed. The two must be the same characters: microseconds truncated
 * to milliseconds, UTC, `Date#toISOString`'s form, whatever the session's time zone.
 */
describe('an instant as text', () => {
  it('is exactly what toISOString writes of the Date pg parses', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      // Only this transaction's zone: on PGlite every connection shares one session, and a
      // session-wide SET would change how other test files' statements render timestamps.
      await db.query('BEGIN');
      await db.query("SET LOCAL TIME ZONE 'Europe/Berlin'");
      const instants = [
        '2026-12-07 00:00:00+00',
        '2026-03-29 01:59:59.999999+00',
        '2026-10-25 00:30:00.0005+00',
        '2026-06-30 23:59:59.123456+02',
        '2030-01-01 12:00:00.1+00',
        '2031-05-05 08:00:00.289+00',
        '1999-12-31 23:59:59.999+00',
      ];
      const { rows } = await db.query<{ at: Date; text: string }>(
        `SELECT t AS at, ${instantAsText('t')} AS text
           FROM unnest($1::timestamptz[]) AS u(t)`,
        [instants],
      );
      expect(rows).toHaveLength(instants.length);
      for (const row of rows) expect(row.text).toBe(row.at.toISOString());
      // And for many instants with random microseconds.
      const random = await db.query<{ at: Date; text: string }>(
        `SELECT t AS at, ${instantAsText('t')} AS text
           FROM (SELECT timestamptz '2026-01-01 00:00:00+00'
                        + (random() * 1e13)::bigint * interval '1 microsecond' AS t
                   FROM generate_series(1, 2000)) s`,
      );
      for (const row of random.rows) expect(row.text).toBe(row.at.toISOString());
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
  });
});
