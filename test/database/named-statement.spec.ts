import { Client } from 'pg';
import {
  isEmbeddedServer,
  namedStatement,
  NamingClient,
  statementNameOf,
} from '../../src/database/named-statement';
import { statementsDuring } from '../support/statement-count';

/** ADR 0024: hot statements are named prepared statements on real PostgreSQL, never on PGlite. */
describe('named statements', () => {
  const url = process.env.DATABASE_URL!;
  const HOT = namedStatement('test_named_statement_probe', 'SELECT $1::int + 1 AS n');

  it('knows a text by its name, and refuses one name for two texts or a bad name', () => {
    expect(statementNameOf(HOT)).toBe('test_named_statement_probe');
    expect(statementNameOf('SELECT 1')).toBeUndefined();
    expect(() => namedStatement('test_named_statement_probe', 'SELECT 2')).toThrow(/two different/);
    expect(() => namedStatement('Bad Name', 'SELECT 3')).toThrow(/not a statement name/);
  });

  it('tells the embedded database from a real server', async () => {
    expect(await isEmbeddedServer(url)).toBe(!process.env.TEST_DATABASE_URL);
  });

  it('prepares a marked text once per connection on a real server, and leaves others unnamed', async () => {
    if (await isEmbeddedServer(url)) return; // PGlite: never named (one shared session)
    const client = new NamingClient({ connectionString: url });
    await client.connect();
    try {
      // The tests' statement count sees named statements too.
      const seen = await statementsDuring(() => client.query(HOT, [41]));
      expect(seen).toEqual([HOT]);
      expect((await client.query<{ n: number }>(HOT, [1])).rows[0].n).toBe(2);
      await client.query('SELECT $1::int AS other', [1]);
      const { rows } = await client.query<{ name: string }>(
        'SELECT name FROM pg_prepared_statements ORDER BY name',
      );
      expect(rows.map((r) => r.name)).toEqual(['test_named_statement_probe']);
      // A plain client sends the same text unnamed.
      const plain = new Client({ connectionString: url });
      await plain.connect();
      await plain.query(HOT, [1]);
      const none = await plain.query('SELECT count(*)::int AS n FROM pg_prepared_statements');
      await plain.end();
      expect(none.rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  });
});
