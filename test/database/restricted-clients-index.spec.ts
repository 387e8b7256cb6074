import { Client } from 'pg';
import { clientRestricted } from '../../src/confidentiality/restriction';

/**
 * Every referral list leaves out the referrals of restricted clients (ADR 0020) with the
 * `clientRestricted` condition. At 100,000 clients PostgreSQL answered it by scanning all of
 * them once per page (ADR 0024, BENCHMARKS.md); the partial index of the restricted clients
 * must be what it reads. With sequential scans off the planner picks the cheapest index: ours
 * when it exists, the primary key (a full index scan) when it does not.
 */
describe('the restricted clients index', () => {
  it('serves the restriction condition of the referral lists', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('SET LOCAL enable_seqscan = off');
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT r.id FROM referrals r WHERE NOT ${clientRestricted('r.client_id')}`,
      );
      await db.query('ROLLBACK');
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/clients_restricted_idx/);
    } finally {
      await db.end();
    }
  });
});
