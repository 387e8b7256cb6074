import { Client } from 'pg';

type AnyQuery = (this: Client, ...args: unknown[]) => unknown;

/**
 * Records every statement this process sends to PostgreSQL while `during` runs (the app under
 * test runs in-process): the round-trip budget of a request (ADR 0024) as a test, not a timing.
 * Test apps run no background jobs (JOBS_INTERVAL_MS=0), so what is recorded is the request's.
 */
export async function statementsDuring(during: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const proto = Client.prototype as unknown as { query: AnyQuery };
  const original = proto.query;
  proto.query = function (this: Client, ...args: unknown[]): unknown {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (typeof text === 'string') texts.push(text.replace(/\s+/g, ' ').trim());
    return original.apply(this, args);
  };
  try {
    await during();
  } finally {
    proto.query = original;
  }
  return texts;
}

/**
 * The statements of the access guard (session liveness, API key, rate limit), recognised by the
 * tables they name: they run before every route and have a budget of their own.
 */
const GUARD_TABLES = /\b(?:FROM|JOIN|INTO|UPDATE)\s+"?(?:sessions|api_keys|rate_limit_counters)\b/i;

/** `statementsDuring` without the guard's statements: the route's own. */
export async function routeStatementsDuring(during: () => Promise<unknown>): Promise<string[]> {
  return (await statementsDuring(during)).filter((text) => !GUARD_TABLES.test(text));
}
