import type { Response } from 'supertest';

/**
 * What no response may carry (SECURITY item 27): stack frames, ORM and driver names, SQL, source
 * or install paths, connection errors.
 */
export const LEAK =
  /at \S+\.(ts|js)\b|\.(ts|js):\d+:\d+|QueryFailedError|EntityNotFound|TypeORM|\bpg-protocol\b|SELECT .* FROM|INSERT INTO|UPDATE \S+ SET|DELETE FROM|node_modules|\/src\/|\/work\/|\/home\/|ECONNREFUSED|ETIMEDOUT|violates .* constraint|duplicate key value|invalid input syntax|relation "|column "/i;

/** The reasons a response breaks the rules; empty when it keeps them. */
export function violationsOf(res: Response, expectedStatus?: number): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (expectedStatus !== undefined && res.status !== expectedStatus) {
    problems.push(`status ${res.status}, expected ${expectedStatus}`);
  }
  if (res.status >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) problems.push(`content-type "${type}"`);
    const body = res.body as Record<string, unknown> | undefined;
    if (
      typeof body?.type !== 'string' ||
      typeof body.title !== 'string' ||
      body.status !== res.status
    ) {
      problems.push('not a problem (type, title, status)');
    }
  }
  const leak = LEAK.exec(res.text ?? '');
  if (leak) problems.push(`leaks "${leak[0]}"`);
  return problems;
}
