/** SQL text → statement name, for the texts the code marked with `namedStatement`. */
const NAMES = new Map<string, string>();
const TEXTS = new Map<string, string>();
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Marks a constant SQL text as a hot statement (ADR 0024): on real PostgreSQL every pooled
 * connection parses and plans it once, under `name`, and then only binds and executes it. On the
 * embedded database (PGlite: all connections share one session, where two connections preparing
 * the same name collide) it stays an ordinary unnamed statement. Returns the text unchanged, so
 * it is used like any other SQL string; names are unique, one text per name. In the shared
 * kernel, so that every module may mark its statements without importing the database module
 * (which imports every module's entities); `src/database/named-statement.ts` sends them.
 */
export function namedStatement(name: string, text: string): string {
  if (!NAME.test(name)) throw new Error(`namedStatement: "${name}" is not a statement name`);
  const known = TEXTS.get(name);
  if (known !== undefined) {
    if (known !== text) throw new Error(`namedStatement: "${name}" names two different texts`);
    // The first string of this text: its hash is known, so the client's lookup of the name by
    // text does not hash a text built anew per request (the list page builds its SQL per call).
    return known;
  }
  TEXTS.set(name, text);
  NAMES.set(text, name);
  return text;
}

/** The name a text was marked with (tests, the benchmark's statement count). */
export function statementNameOf(text: string): string | undefined {
  return NAMES.get(text);
}
