import { Pool } from 'pg';
import { uniqueName } from '../factories/unique';

// Guards src/database/pglite-batching.ts: on the embedded database, concurrent connections
// share one PGlite session, and without batching their extended-protocol messages interleave
// (wrong rows, "portal does not exist"). On real PostgreSQL this simply holds.
describe('concurrent connections to the test database', () => {
  let pool: Pool;
  const table = uniqueName('concurrency').replace(/\W/g, '_').toLowerCase();

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
    pool.on('error', () => undefined);
    await pool.query(`CREATE TABLE ${table} (id int PRIMARY KEY, v text NOT NULL)`);
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  it('answers every parameterised query with its own rows, transactions included', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 600 }, async (_, i) => {
        if (i % 6 === 0) {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(`INSERT INTO ${table} VALUES ($1, $2)`, [i, `v${i}`]);
            const { rows } = await client.query(`SELECT v FROM ${table} WHERE id = $1`, [i]);
            await client.query('COMMIT');
            return rows[0]?.v === `v${i}`;
          } finally {
            client.release();
          }
        }
        const { rows } = await pool.query('SELECT $1::int AS n, $2::text AS s', [i, `s${i}`]);
        return rows[0]?.n === i && rows[0]?.s === `s${i}`;
      }),
    );
    expect(outcomes.filter((ok) => !ok)).toHaveLength(0);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(rows[0].n).toBe(100);
  });
});
