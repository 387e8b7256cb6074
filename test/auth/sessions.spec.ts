import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { REFRESH_REUSE_GRACE_SECONDS } from '../../src/identity/sessions.service';
import {
  createApiKey,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
  type TestUser,
} from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import {
  auditRowsOf,
  bearer,
  decodeJwt,
  etagOf,
  login,
  LOGOUT,
  ME,
  REFRESH,
  withoutRequestIds,
} from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const NEW_PASSWORD = 'Nordsee Leuchtturm Fahrradkette';

/** Server-side sessions (docs/security.md B16): whatever ends a session refuses its next request. */
describe('sessions', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    admin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => {
    await app.close();
  });

  const me = (accessToken: string) => http.get(bearer(accessToken), ME);
  const refresh = (refreshToken: string) => http.post('anonymous', REFRESH, { refreshToken });
  const expectGone = async (accessToken: string) =>
    expectProblem(await me(accessToken), 401, 'unauthorized');
  const expectRefreshRefused = async (refreshToken: string) =>
    expectProblem(await refresh(refreshToken), 401, 'invalid-refresh-token');

  /** Moves the rotation of the session's used tokens `seconds` into the past. */
  async function ageRotation(sessionId: string, seconds: number): Promise<void> {
    await app.get(DataSource).query(
      `UPDATE refresh_tokens SET used_at = used_at - make_interval(secs => $2)
          WHERE session_id = $1 AND used_at IS NOT NULL`,
      [sessionId, seconds],
    );
  }

  async function patchAsAdmin(path: string, body: Record<string, unknown>) {
    const etag = await etagOf(http, path, admin.authHeader);
    const res = await http.patch(admin, path, body, { ifMatch: etag });
    expect(res.status).toBe(200);
    return res;
  }

  it('signs in over HTTP, and the access token opens /me', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const res = await login(http, user.email, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const meRes = await me(res.body.accessToken);
    expect(meRes.status).toBe(200);
    expect(meRes.body).toMatchObject({ id: user.userId, email: user.email, roles: ['caseworker'] });
    expect(meRes.body.permissions).toEqual(expect.arrayContaining(['profile.read', 'session.end']));
    expect(meRes.body).not.toHaveProperty('passwordHash');
  });

  describe('logout', () => {
    it('refuses the same access token on the very next request, and its refresh token', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const other = await login(http, user.email, user.password);
      const res = await http.post(user, LOGOUT);
      expect(res.status).toBe(204);
      await expectGone(user.accessToken);
      await expectRefreshRefused(user.refreshToken);
      // Logging out twice is no longer possible: the token is dead.
      expectProblem(await http.post(user, LOGOUT), 401, 'unauthorized');
      // Only this session ended: the user's other session goes on.
      expect((await me(other.body.accessToken)).status).toBe(200);
    });
  });

  describe('refresh', () => {
    it('rotates: each refresh token works once and hands out a new pair', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const first = await refresh(user.refreshToken);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-store');
      expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      expect(decodeJwt(first.body.accessToken).payload.sid).toBe(user.sessionId);
      expect((await me(first.body.accessToken)).status).toBe(200);

      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);
      expect((await me(second.body.accessToken)).status).toBe(200);
    });

    it('ends the whole family when a used refresh token comes back', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const first = await refresh(user.refreshToken);
      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);
      expect((await me(second.body.accessToken)).status).toBe(200);

      // The thief (or the owner) replays an already exchanged token, after the grace window.
      await ageRotation(user.sessionId, REFRESH_REUSE_GRACE_SECONDS + 1);
      await expectRefreshRefused(first.body.refreshToken);

      // Newest refresh token, newest access token and all older ones are dead.
      await expectRefreshRefused(second.body.refreshToken);
      await expectGone(second.body.accessToken);
      await expectGone(first.body.accessToken);
      await expectGone(user.accessToken);

      const reuse = (await auditRowsOf(app, user.userId)).filter(
        (r) => r.action === 'auth.refresh_reuse',
      );
      expect(reuse).toHaveLength(1);
      expect(reuse[0]).toMatchObject({ outcome: 'denied', resource_id: user.sessionId });
      // Attributed to the user's organisation, so that its data protection officer sees it.
      const [row] = await app
        .get(DataSource)
        .query<{ organisation_id: string }[]>(
          "SELECT organisation_id FROM audit_events WHERE action = 'auth.refresh_reuse' AND actor_id = $1",
          [user.userId],
        );
      expect(row.organisation_id).toBe(user.organisationId);
    });

    it('gives 4 concurrent exchanges of one token the same new refresh token, and the session lives', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const results = await Promise.all([1, 2, 3, 4].map(() => refresh(user.refreshToken)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const successors = new Set(results.map((r) => r.body.refreshToken as string));
      expect(successors.size).toBe(1);
      expect(successors.has(user.refreshToken)).toBe(false);
      // One rotation happened: the session has two tokens, the old one used, the new one not.
      const tokens = await app
        .get(DataSource)
        .query<{ used: boolean }[]>(
          'SELECT used_at IS NOT NULL AS used FROM refresh_tokens WHERE session_id = $1 ORDER BY created_at',
          [user.sessionId],
        );
      expect(tokens.map((t) => t.used)).toEqual([true, false]);
      // Every caller holds a working access token, and the one new refresh token goes on.
      for (const res of results) {
        expect(decodeJwt(res.body.accessToken).payload.sid).toBe(user.sessionId);
        expect((await me(res.body.accessToken)).status).toBe(200);
      }
      const next = await refresh([...successors][0]);
      expect(next.status).toBe(200);
      expect((await me(next.body.accessToken)).status).toBe(200);
      const reuse = (await auditRowsOf(app, user.userId)).filter(
        (r) => r.action === 'auth.refresh_reuse',
      );
      expect(reuse).toEqual([]);
    });

    it('ends the family when the rotated token comes back after the grace window', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const first = await refresh(user.refreshToken);
      expect(first.status).toBe(200);
      await ageRotation(user.sessionId, REFRESH_REUSE_GRACE_SECONDS + 1);
      await expectRefreshRefused(user.refreshToken);
      await expectRefreshRefused(first.body.refreshToken);
      await expectGone(first.body.accessToken);
    });

    it('ends the family when the rotated token comes back within the window after its successor was used', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const first = await refresh(user.refreshToken);
      const second = await refresh(first.body.refreshToken);
      expect(second.status).toBe(200);
      await expectRefreshRefused(user.refreshToken);
      await expectGone(second.body.accessToken);
    });

    it('stores the successor only sealed: neither it nor its hash is readable in the row', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const first = await refresh(user.refreshToken);
      const [row] = await app
        .get(DataSource)
        .query<{ sealed: Buffer }[]>(
          'SELECT successor_sealed AS sealed FROM refresh_tokens WHERE session_id = $1 AND used_at IS NOT NULL',
          [user.sessionId],
        );
      const successor = first.body.refreshToken as string;
      const raw = Buffer.from(successor, 'base64url');
      expect(row.sealed.length).toBeGreaterThan(0);
      for (const encoding of ['hex', 'base64', 'base64url', 'latin1'] as const) {
        expect(row.sealed.toString(encoding)).not.toContain(successor);
        expect(row.sealed.toString(encoding)).not.toContain(raw.toString(encoding));
      }
    });

    it('refuses unknown and malformed refresh tokens', async () => {
      await expectRefreshRefused('x'.repeat(43));
      const res = await http.post('anonymous', REFRESH, { refreshToken: 'a.b.c' });
      expectProblem(res, 400, 'validation-error');
      expectProblem(await http.post('anonymous', REFRESH, {}), 400, 'validation-error');
    });

    it('gives a rotated refresh token the idle limit (1 h), not the session lifetime', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const res = await refresh(user.refreshToken);
      expect(res.status).toBe(200);
      const [row] = await app.get(DataSource).query<{ seconds: number }[]>(
        `SELECT extract(epoch FROM t.expires_at - now())::float8 AS seconds
           FROM refresh_tokens t WHERE t.session_id = $1 AND t.used_at IS NULL`,
        [user.sessionId],
      );
      expect(row.seconds).toBeGreaterThan(3500);
      expect(row.seconds).toBeLessThanOrEqual(3600);
    });
  });

  describe('admin disables a user', () => {
    it('refuses their unexpired token on the next request, and their login like a wrong password', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      expect((await me(user.accessToken)).status).toBe(200);

      const patched = await patchAsAdmin(`/api/v1/users/${user.userId}`, { active: false });
      expect(patched.body.active).toBe(false);

      await expectGone(user.accessToken);
      await expectRefreshRefused(user.refreshToken);

      const disabled = await login(http, user.email, user.password);
      const wrong = await login(http, admin.email, 'not the password of the admin');
      expectProblem(disabled, 401, 'invalid-credentials');
      expectProblem(wrong, 401, 'invalid-credentials');
      expect(withoutRequestIds(disabled.body)).toEqual(withoutRequestIds(wrong.body));
      expect(disabled.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    });

    it('does not revive the old sessions when the user is enabled again (by their lead)', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const lead = await createUser(app, {
        roles: [Role.JobcenterLead],
        organisationId: user.organisationId,
      });
      await patchAsAdmin(`/api/v1/users/${user.userId}`, { active: false });
      const path = `/api/v1/users/${user.userId}`;
      await http
        .patch(lead, path, { active: true }, { ifMatch: await etagOf(http, path, lead.authHeader) })
        .expect(200);
      await expectGone(user.accessToken);
      await expectRefreshRefused(user.refreshToken);
      expect((await login(http, user.email, user.password)).status).toBe(200);
    });

    it('applies a change of roles on the next request', async () => {
      const other = await createUser(app, { roles: [Role.Admin, Role.Auditor] });
      expect((await http.get(other, '/api/v1/users?limit=1')).status).toBe(200);
      await patchAsAdmin(`/api/v1/users/${other.userId}`, { roles: [Role.Auditor] });
      expectProblem(await http.get(other, '/api/v1/users?limit=1'), 403, 'forbidden');
    });
  });

  describe('admin deactivates an organisation', () => {
    it("refuses its users' tokens, their logins and its API keys", async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      const lead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: provider.id,
      });
      const key = await createApiKey(app, { organisationId: provider.id, admin });
      expect((await me(lead.accessToken)).status).toBe(200);
      expect((await http.get(key, '/api/v1/api-keys/current')).status).toBe(200);

      const res = await patchAsAdmin(`/api/v1/organisations/${provider.id}`, { active: false });
      expect(res.body.active).toBe(false);

      await expectGone(lead.accessToken);
      await expectRefreshRefused(lead.refreshToken);
      expectProblem(await http.get(key, '/api/v1/api-keys/current'), 401, 'unauthorized');
      expectProblem(await login(http, lead.email, lead.password), 401, 'invalid-credentials');
    });
  });

  describe('a password reset', () => {
    async function resetByLead(user: TestUser): Promise<string> {
      const lead = await createUser(app, {
        roles: [Role.JobcenterLead],
        organisationId: user.organisationId,
      });
      const res = await http.post(lead, `/api/v1/users/${user.userId}/password`, {});
      expect(res.status).toBe(200);
      return (res.body as { code: string }).code;
    }

    it('ends every session and the old password; the password chosen with the code works', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const second = await login(http, user.email, user.password);
      expect(second.status).toBe(200);

      const code = await resetByLead(user);

      await expectGone(user.accessToken);
      await expectGone(second.body.accessToken);
      await expectRefreshRefused(user.refreshToken);
      await expectRefreshRefused(second.body.refreshToken);
      expectProblem(await login(http, user.email, user.password), 401, 'invalid-credentials');
      await http
        .post('anonymous', '/api/v1/auth/activate', { code, newPassword: NEW_PASSWORD })
        .expect(204);
      expect((await login(http, user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses a weak new password with 400 naming the field, and keeps the code usable', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const code = await resetByLead(user);
      const res = await http.post('anonymous', '/api/v1/auth/activate', {
        code,
        newPassword: 'Password123!',
      });
      const body = expectProblem(res, 400, 'validation-error');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(['newPassword']);
      await http
        .post('anonymous', '/api/v1/auth/activate', { code, newPassword: NEW_PASSWORD })
        .expect(204);
    });
  });

  describe('a user changes their own password', () => {
    it('refuses a wrong current password with 422 and changes nothing', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const res = await http.post(user, '/api/v1/me/password', {
        currentPassword: 'not my password at all',
        newPassword: NEW_PASSWORD,
      });
      expectProblem(res, 422, 'wrong-current-password');
      expect((await me(user.accessToken)).status).toBe(200);
      expect((await login(http, user.email, user.password)).status).toBe(200);
      expectProblem(await login(http, user.email, NEW_PASSWORD), 401, 'invalid-credentials');
    });

    it('ends the other sessions, keeps this one, and the new password signs in', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const other = await login(http, user.email, user.password);
      expect(other.status).toBe(200);

      const res = await http.post(user, '/api/v1/me/password', {
        currentPassword: user.password,
        newPassword: NEW_PASSWORD,
      });
      expect(res.status).toBe(204);

      await expectGone(other.body.accessToken);
      await expectRefreshRefused(other.body.refreshToken);
      expect((await me(user.accessToken)).status).toBe(200);
      const rotated = await refresh(user.refreshToken);
      expect(rotated.status).toBe(200);

      expectProblem(await login(http, user.email, user.password), 401, 'invalid-credentials');
      expect((await login(http, user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses a weak new password with 400 naming the field', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const res = await http.post(user, '/api/v1/me/password', {
        currentPassword: user.password,
        newPassword: 'kurz',
      });
      const body = expectProblem(res, 400, 'validation-error');
      expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(['newPassword']);
    });
  });

  describe('audit trail', () => {
    it('records login success and failure, refresh reuse and logout with the request id', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const failed = await login(http, user.email, 'not the right password');
      expect(failed.status).toBe(401);
      const ok = await login(http, user.email, user.password);
      expect(ok.status).toBe(200);
      const rotated = await refresh(ok.body.refreshToken);
      expect(rotated.status).toBe(200);
      await ageRotation(decodeJwt(ok.body.accessToken).payload.sid as string, 60);
      const reused = await refresh(ok.body.refreshToken);
      expect(reused.status).toBe(401);
      const out = await http.post(user, LOGOUT);
      expect(out.status).toBe(204);

      const rows = await auditRowsOf(app, user.userId);
      const of = (res: { headers: Record<string, string> }) =>
        rows.filter((r) => r.request_id === res.headers['x-request-id']);
      expect(of(failed)).toMatchObject([
        { action: 'auth.login', outcome: 'failure', details: { reason: 'wrong_password' } },
      ]);
      expect(of(ok)).toMatchObject([
        {
          action: 'auth.login',
          outcome: 'success',
          resource_id: decodeJwt(ok.body.accessToken).payload.sid,
        },
      ]);
      expect(of(reused)).toMatchObject([
        { action: 'auth.refresh_reuse', outcome: 'denied', resource_id: of(ok)[0].resource_id },
      ]);
      expect(of(out)).toMatchObject([
        { action: 'auth.logout', outcome: 'success', resource_id: user.sessionId },
      ]);
      // No password, hash or token ever lands in the trail.
      const text = JSON.stringify(rows);
      expect(text).not.toContain(user.password);
      expect(text).not.toContain(ok.body.refreshToken);
      expect(text).not.toContain('argon2');
    });

    it('records a login for an unknown account as anonymous', async () => {
      const requestId = `unknown-login-${Date.now()}`;
      const res = await login(http, `${requestId}@nowhere.invalid`, 'whatever it might be', {
        'X-Request-Id': requestId,
      });
      expect(res.status).toBe(401);
      const rows = await app
        .get(DataSource)
        .query<{ actor_kind: string; actor_id: string | null; details: unknown }[]>(
          `SELECT actor_kind::text AS actor_kind, actor_id, details FROM audit_events WHERE request_id = $1`,
          [requestId],
        );
      expect(rows).toEqual([
        { actor_kind: 'anonymous', actor_id: null, details: { reason: 'unknown_account' } },
      ]);
      expect(JSON.stringify(rows)).not.toContain('nowhere.invalid');
    });
  });
});
