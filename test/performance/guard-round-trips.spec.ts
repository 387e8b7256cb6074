import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createApiKey, createOrganisation, createUser } from '../factories/identity';
import { login, LOGOUT, ME } from '../auth/helpers';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { statementsDuring } from '../support/statement-count';
import { createTestApp } from '../support/test-app';

/*
 * The round-trip budget of the access guard (ADR 0024): with limits counted in the database
 * (the default), a request with a credential costs the guard one statement, which finds the
 * principal (live session, active user and organisation, roles; or usable API key) and counts
 * the request for it; then the route's own statements follow. And what that one statement must
 * keep deciding: a session ended, a user deactivated or their roles changed take effect on the
 * very next request, and a request is counted for the user, the key or the source address.
 */

/** What the guard reads and writes: the principal's tables and the limit's counters. */
const PRINCIPAL = /\b(?:FROM|JOIN) sessions\b|\bFROM api_keys k\b/;
const COUNTER = /\brate_limit_counters\b/;

/** The guard's statements of one request, and the route's (all the others). */
async function split(
  request: () => Promise<unknown>,
): Promise<{ guard: string[]; route: string[] }> {
  const texts = await statementsDuring(request);
  const isGuard = (t: string) => PRINCIPAL.test(t) || COUNTER.test(t);
  return { guard: texts.filter(isGuard), route: texts.filter((t) => !isGuard(t)) };
}

describe('round trips of the access guard', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the user of a live session and counts the request in one statement', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    let res: Response | undefined;
    const { guard, route } = await split(async () => {
      res = await http.get(user, ME);
    });
    expect(res?.status).toBe(200);
    expect(res?.headers['ratelimit-remaining']).toBeDefined();
    expect(guard).toHaveLength(1);
    expect(guard[0]).toMatch(PRINCIPAL);
    expect(guard[0]).toMatch(COUNTER);
    // GET /me reads the user (TypeORM's two statements); nothing of the guard's left over.
    expect(route).toHaveLength(2);
    expect(route.every((t) => /FROM "users" "User"/.test(t))).toBe(true);
  });

  it('finds a usable API key and counts the request in one statement', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const key = await createApiKey(app, { organisationId: provider.id });
    // The first use also records last_used_at: in the same statement.
    for (let i = 0; i < 2; i++) {
      const texts = await statementsDuring(() =>
        http.get(key, '/api/v1/api-keys/current').expect(200),
      );
      expect(texts).toHaveLength(2);
      expect(texts[0]).toMatch(PRINCIPAL);
      expect(texts[0]).toMatch(COUNTER);
      expect(texts[1]).toMatch(/FROM "api_keys" "ApiKey"/);
    }
    const [used] = await app
      .get(DataSource)
      .query<{ last_used_at: Date | null }[]>('SELECT last_used_at FROM api_keys WHERE id = $1', [
        key.id,
      ]);
    expect(used.last_used_at).not.toBeNull();
  });

  it('refuses an ended session, a deactivated user, and changed roles on the next request', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const other = await login(http, user.email, user.password);
    expect(other.status).toBe(200);
    const second = { Authorization: `Bearer ${other.body.accessToken as string}` };
    expect((await http.get(user, ME)).status).toBe(200);

    expect((await http.post(user, LOGOUT)).status).toBe(204);
    expectProblem(await http.get(user, ME), 401, 'unauthorized');

    // The roles are read on every request: a caseworker made auditor has the auditor's rights.
    const db = app.get(DataSource);
    await db.query(`UPDATE users SET roles = '{auditor}' WHERE id = $1`, [user.userId]);
    const asAuditor = await http.get(second, ME);
    expect(asAuditor.status).toBe(200);
    expect(asAuditor.body.roles).toEqual(['auditor']);
    expect(asAuditor.body.permissions).toContain('audit.read');

    await db.query('UPDATE users SET active = false WHERE id = $1', [user.userId]);
    expectProblem(await http.get(second, ME), 401, 'unauthorized');
  });

  it('refuses a revoked API key on its next request', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const key = await createApiKey(app, { organisationId: provider.id });
    await http.get(key, '/api/v1/api-keys/current').expect(200);
    await app
      .get(DataSource)
      .query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [key.id]);
    expectProblem(await http.get(key, '/api/v1/api-keys/current'), 401, 'unauthorized');
  });
});

describe('counting in the guard’s one statement', () => {
  const LIMIT = 3;
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1',
      },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const remaining = (res: Response) => res.headers['ratelimit-remaining'];

  it('counts a user’s requests and answers 429 at limit + 1', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get(user, ME);
      expect(res.status).toBe(200);
      expect(remaining(res)).toBe(String(LIMIT - i));
    }
    const over = expectProblem(await http.get(user, ME), 429, 'too-many-requests');
    expect(over.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('counts an ended session’s token by its address, not for the user', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const other = await login(http, user.email, user.password, {
      'X-Forwarded-For': '198.51.100.40',
    });
    const second = { Authorization: `Bearer ${other.body.accessToken as string}` };
    expect((await http.post(user, LOGOUT)).status).toBe(204); // the user's 1st request
    const from = { headers: { 'X-Forwarded-For': '198.51.100.41' } };
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get(user, ME, from);
      expectProblem(res, 401, 'unauthorized');
      expect(remaining(res)).toBe(String(LIMIT - i));
    }
    expectProblem(await http.get(user, ME, from), 429, 'too-many-requests');
    // The user's live session still has its own count: one request (the logout) so far.
    const live = await http.get(second, ME, from);
    expect(live.status).toBe(200);
    expect(remaining(live)).toBe(String(LIMIT - 2));
  });

  it('counts an API key as its own principal, and a wrong secret by its address', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const key = await createApiKey(app, { organisationId: provider.id });
    // The right prefix with a wrong secret is no principal: it must not use up the key's limit.
    const wrong = { Authorization: `ApiKey ${key.key.slice(0, -4)}AAAA` };
    const from = { headers: { 'X-Forwarded-For': '198.51.100.42' } };
    const refused = await http.get(wrong, '/api/v1/api-keys/current', from);
    expectProblem(refused, 401, 'unauthorized');
    expect(remaining(refused)).toBe(String(LIMIT - 1));
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get(key, '/api/v1/api-keys/current', from);
      expect(res.status).toBe(200);
      expect(remaining(res)).toBe(String(LIMIT - i));
    }
    expectProblem(await http.get(key, '/api/v1/api-keys/current', from), 429, 'too-many-requests');
  });
});
