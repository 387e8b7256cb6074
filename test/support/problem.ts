import type { Response } from 'supertest';

/** Asserts the RFC 9457 shape every error response of Lotse has, and returns the body. */
export function expectProblem(
  res: Response,
  status: number,
  kind: string,
): Record<string, unknown> {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:lotse:problem:${kind}`, status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(typeof body.instance).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|SELECT |node_modules|\/work\//);
  return body;
}
