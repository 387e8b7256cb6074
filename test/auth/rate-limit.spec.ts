import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createApiKey, createOrganisation, createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { ME } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const LIMIT = 5;
const EXPENSIVE_LIMIT = 2;
const HEALTH = ['/api/v1/health/live', '/api/v1/health/ready'];

function expectLimitHeaders(res: Response, remaining: number): void {
  expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
  expect(res.headers['ratelimit-remaining']).toBe(String(remaining));
  const reset = Number(res.headers['ratelimit-reset']);
  expect(reset).toBeGreaterThanOrEqual(1);
  expect(reset).toBeLessThanOrEqual(60);
}

function expectThrottled(res: Response): void {
  const body = expectProblem(res, 429, 'too-many-requests');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(body.retryAfter).toBe(retryAfter);
  expectLimitHeaders(res, 0);
}

/** The per-principal rate limit on every route (docs/security.md item 22). */
describe('rate limit', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let x: TestUser;
  let y: TestUser;

  beforeAll(async () => {
    // The proxy is trusted so that X-Forwarded-For can stand for different source addresses.
    app = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        RATE_LIMIT_EXPENSIVE_PER_MINUTE: String(EXPENSIVE_LIMIT),
        TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1',
      },
    });
    http = httpOf(app);
    x = await createUser(app, { roles: [Role.Caseworker] });
    y = await createUser(app, { roles: [Role.Caseworker] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a user 429 with Retry-After past the limit, while another user goes on', async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get(x, ME);
      expect(res.status).toBe(200);
      expectLimitHeaders(res, LIMIT - i);
    }
    // Both users at once: X is over its limit, Y has its own count.
    const [overX, firstY] = await Promise.all([http.get(x, ME), http.get(y, ME)]);
    expectThrottled(overX);
    expect(firstY.status).toBe(200);
    expectLimitHeaders(firstY, LIMIT - 1);
    // From another address X is still the same principal.
    const elsewhere = await http.get(x, ME, { headers: { 'X-Forwarded-For': '203.0.113.77' } });
    expectThrottled(elsewhere);
  });

  it('limits expensive routes more strictly, on top of the general limit', async () => {
    const auditor = await createUser(app, { roles: [Role.Auditor] });
    const verify = () => http.get(auditor.authHeader, '/api/v1/audit-events/verify');
    for (let i = 1; i <= EXPENSIVE_LIMIT; i++) {
      const res = await verify();
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe(String(EXPENSIVE_LIMIT));
      expect(res.headers['ratelimit-remaining']).toBe(String(EXPENSIVE_LIMIT - i));
    }
    const over = expectProblem(await verify(), 429, 'too-many-requests');
    expect(over.detail).toMatch(/requests/);
    // The general limit still has room: other routes answer, and counted every call.
    const me = await http.get(auditor.authHeader, ME);
    expect(me.status).toBe(200);
    expectLimitHeaders(me, LIMIT - EXPENSIVE_LIMIT - 2);
  });

  it('counts an API key as its own principal', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const key = await createApiKey(app, { organisationId: provider.id });
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get(key, '/api/v1/api-keys/current');
      expect(res.status).toBe(200);
      expectLimitHeaders(res, LIMIT - i);
    }
    expectThrottled(await http.get(key, '/api/v1/api-keys/current'));
  });

  it('keys anonymous callers, and callers with bad credentials, by their address', async () => {
    const a = { 'X-Forwarded-For': '198.51.100.1' };
    const b = { 'X-Forwarded-For': '198.51.100.2' };
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.get('anonymous', ME, { headers: a });
      expect(res.status).toBe(401);
      expectLimitHeaders(res, LIMIT - i);
    }
    expectThrottled(await http.get('anonymous', ME, { headers: a }));
    // A bad token is no principal: it counts against the address and is refused there too.
    expectThrottled(await http.get({ Authorization: 'Bearer a.b.c' }, ME, { headers: a }));

    const fromB = await http.get('anonymous', ME, { headers: b });
    expect(fromB.status).toBe(401);
    expectLimitHeaders(fromB, LIMIT - 1);
    const badFromB = await http.get({ Authorization: 'Bearer a.b.c' }, ME, { headers: b });
    expectProblem(badFromB, 401, 'unauthorized');
    expectLimitHeaders(badFromB, LIMIT - 2);
  });

  it('never limits the health probes, which a platform calls often from one address', async () => {
    const probe = { 'X-Forwarded-For': '198.51.100.9' };
    for (let i = 1; i <= 3 * LIMIT; i++) {
      for (const path of HEALTH) {
        const res = await http.get('anonymous', path, { headers: probe });
        expect(res.status).toBe(200);
        expect(res.headers['ratelimit-limit']).toBeUndefined();
      }
    }
    // ...and do not count against the address's limit for other routes.
    const other = await http.get('anonymous', ME, { headers: probe });
    expectProblem(other, 401, 'unauthorized');
    expectLimitHeaders(other, LIMIT - 1);
  });
});
