import { Client } from 'pg';
import { nameStatementsOf } from '../common/database/typeorm-seam';
import { statementNameOf } from '../common/database/statement-names';

// The names themselves live in the shared kernel, so that every module may name its statements
// (a module importing the database module would close a cycle through its entity list).
export { namedStatement, statementNameOf } from '../common/database/statement-names';

/**
 * The pool's client class on real PostgreSQL: a query whose text was marked with
 * `namedStatement` goes out as a named prepared statement (`pg` parses it once per connection
 * and keeps the name); every other query exactly as before.
 */
export class NamingClient extends Client {}
nameStatementsOf(NamingClient, statementNameOf);

/**
 * Whether the server at `url` is the embedded PGlite, whose one shared session cannot hold
 * per-connection prepared statements. Asked once at start.
 */
export async function isEmbeddedServer(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>('SELECT version() AS v');
    return /PGlite|emscripten|wasm/i.test(rows[0]?.v ?? '');
  } finally {
    await client.end();
  }
}
