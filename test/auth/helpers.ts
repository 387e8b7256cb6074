import type { INestApplication } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { HttpActor, TestHttp } from '../support/http';

export const LOGIN = '/api/v1/auth/login';
export const REFRESH = '/api/v1/auth/refresh';
export const LOGOUT = '/api/v1/auth/logout';
export const ME = '/api/v1/me';

export function bearer(accessToken: string): { Authorization: string } {
  return { Authorization: `Bearer ${accessToken}` };
}

export function login(
  http: TestHttp,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return http.post('anonymous', LOGIN, { email, password }, { headers });
}

/** A problem body without the members that differ on every request. */
export function withoutRequestIds(body: unknown): Record<string, unknown> {
  const rest = { ...(body as Record<string, unknown>) };
  delete rest.requestId;
  delete rest.instance;
  return rest;
}

/** The ETag of a versioned resource, read with GET as a client would. */
export async function etagOf(http: TestHttp, path: string, actor: HttpActor): Promise<string> {
  const res = await http.get(actor, path);
  expect(res.status).toBe(200);
  const etag = res.headers.etag;
  expect(etag).toMatch(/^"\d+"$/);
  return etag;
}

export interface AuditRow {
  action: string;
  outcome: string;
  actor_id: string | null;
  request_id: string | null;
  resource_id: string | null;
  details: Record<string, unknown> | null;
}

/** The audit events whose actor is `actorId`, oldest first. */
export function auditRowsOf(app: INestApplication, actorId: string): Promise<AuditRow[]> {
  return app
    .get(DataSource)
    .query<AuditRow[]>(
      'SELECT action, outcome::text AS outcome, actor_id, request_id, resource_id, details FROM audit_events WHERE actor_id = $1 ORDER BY id',
      [actorId],
    );
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with exactly this header and payload, HMAC-SHA256-signed with `secret`. */
export function signHs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string,
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
