import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { API_PREFIX } from '../../src/app.setup';
import { routeInventory } from '../../src/auth/route-inventory';
import { Role } from '../../src/auth/role';
import { currentTotp } from '../../src/mfa/totp';
import { createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { auditRowsOf, bearer, login, ME, REFRESH } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const VERIFY = '/api/v1/auth/mfa/verify';
const ENROL = '/api/v1/auth/mfa/enrolment';
const CONFIRM = '/api/v1/auth/mfa/enrolment/confirm';
const ACCOUNT_LIMIT = 5;

/** A code of `secret` for another 30-second step than `code` (the next one). */
function nextCode(secret: string): string {
  return currentTotp(secret, Math.floor(Date.now() / 1000) + 30);
}

/** MFA for local accounts (docs/security.md item 14, ADR 0017), over HTTP. */
describe('MFA', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      env: { LOGIN_ATTEMPTS_PER_ACCOUNT: String(ACCOUNT_LIMIT), LOGIN_ATTEMPTS_PER_SOURCE: '1000' },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function challengeOf(user: TestUser): Promise<Response> {
    const res = await login(http, user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('accessToken');
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(res.body.mfaToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.expiresIn).toBe(300);
    return res;
  }

  /** Enrols `user` over HTTP; returns the secret and the recovery codes. */
  async function enrol(user: TestUser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const { mfaToken } = (await challengeOf(user)).body as { mfaToken: string };
    const started = await http.post('anonymous', ENROL, { mfaToken });
    expect(started.status).toBe(200);
    const secret = started.body.secret as string;
    const done = await http.post('anonymous', CONFIRM, { mfaToken, code: currentTotp(secret) });
    expect(done.status).toBe(200);
    return { secret, recoveryCodes: done.body.recoveryCodes as string[] };
  }

  it('asks an admin without a second factor to set one up, and the enrolment signs them in', async () => {
    const admin = await createUser(app, { roles: [Role.Admin] });
    const challenge = await challengeOf(admin);
    expect(challenge.body.enrolmentRequired).toBe(true);
    const mfaToken = challenge.body.mfaToken as string;

    // Verifying needs an enrolled factor: the admin has none yet.
    expectProblem(
      await http.post('anonymous', VERIFY, { mfaToken, code: '123456' }),
      401,
      'invalid-mfa-code',
    );

    const started = await http.post('anonymous', ENROL, { mfaToken });
    expect(started.status).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const secret = started.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/Lotse:${encodeURIComponent(admin.email)}?secret=${secret}&issuer=Lotse`,
    );
    // The secret is sealed at rest: neither the table nor the audit trail holds it.
    const [row] = await app
      .get(DataSource)
      .query<{ text: string }[]>(
        'SELECT to_jsonb(f)::text AS text FROM mfa_factors f WHERE user_id = $1',
        [admin.userId],
      );
    expect(row.text).not.toContain(secret);

    const wrong = await http.post('anonymous', CONFIRM, {
      mfaToken,
      code: nextCode(secret) === '000000' ? '111111' : '000000',
    });
    expectProblem(wrong, 401, 'invalid-mfa-code');
    const done = await http.post('anonymous', CONFIRM, { mfaToken, code: currentTotp(secret) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(new Set(done.body.recoveryCodes).size).toBe(10);
    const me = await http.get(bearer(done.body.accessToken), ME);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(admin.userId);
    expect(
      (await http.post('anonymous', REFRESH, { refreshToken: done.body.refreshToken })).status,
    ).toBe(200);

    // The challenge worked once.
    expectProblem(await http.post('anonymous', ENROL, { mfaToken }), 401, 'invalid-mfa-challenge');
    const text = JSON.stringify(await auditRowsOf(app, admin.userId));
    expect(text).not.toContain(secret);
    expect(text).toContain('auth.mfa_challenge');
  });

  it('requires the code of an enrolled auditor, refuses a replayed code, and accepts a recovery code once', async () => {
    const auditor = await createUser(app, { roles: [Role.Auditor] });
    const { secret, recoveryCodes } = await enrol(auditor);

    const second = await challengeOf(auditor);
    expect(second.body.enrolmentRequired).toBe(false);
    // The enrolment's code was used: the same time step does not open another sign-in.
    const replay = await http.post('anonymous', VERIFY, {
      mfaToken: second.body.mfaToken,
      code: currentTotp(secret),
    });
    expectProblem(replay, 401, 'invalid-mfa-code');
    const byNext = await http.post('anonymous', VERIFY, {
      mfaToken: second.body.mfaToken,
      code: nextCode(secret),
    });
    expect(byNext.status).toBe(200);
    expect((await http.get(bearer(byNext.body.accessToken), ME)).status).toBe(200);

    const third = await challengeOf(auditor);
    const recovered = await http.post('anonymous', VERIFY, {
      mfaToken: third.body.mfaToken,
      recoveryCode: recoveryCodes[0].toLowerCase(),
    });
    expect(recovered.status).toBe(200);
    const fourth = await challengeOf(auditor);
    const again = await http.post('anonymous', VERIFY, {
      mfaToken: fourth.body.mfaToken,
      recoveryCode: recoveryCodes[0],
    });
    expectProblem(again, 401, 'invalid-mfa-code');
    // Enrolling again is refused while a factor exists.
    expectProblem(
      await http.post('anonymous', ENROL, { mfaToken: fourth.body.mfaToken }),
      409,
      'mfa-already-enrolled',
    );
  });

  const requirementOf = (organisationId: string) =>
    `/api/v1/organisations/${organisationId}/mfa-requirement`;

  it('signs a caseworker in directly, unless their organisation requires a second factor', async () => {
    const caseworker = await createUser(app, { roles: [Role.Caseworker] });
    const lead = await createUser(app, {
      roles: [Role.JobcenterLead],
      organisationId: caseworker.organisationId,
    });
    const direct = await login(http, caseworker.email, caseworker.password);
    expect(direct.status).toBe(200);
    expect(direct.body.accessToken).toBeDefined();
    expect(direct.body).not.toHaveProperty('mfaToken');

    // The organisation's lead turns the requirement on: the next sign-in is a challenge.
    const on = await http.put(lead, requirementOf(caseworker.organisationId), { required: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ required: true });
    const challenged = await challengeOf(caseworker);
    expect(challenged.body.enrolmentRequired).toBe(true);
    // …and off again: a caseworker signs in with the password alone.
    await http
      .put(lead, requirementOf(caseworker.organisationId), { required: false })
      .expect(200, { required: false });
    expect(
      (await login(http, caseworker.email, caseworker.password)).body.accessToken,
    ).toBeDefined();
    const changes = (await auditRowsOf(app, lead.userId)).filter(
      (row) => row.action === 'organisation.update',
    );
    expect(changes.map((row) => [row.outcome, row.resource_id, row.details])).toEqual([
      [
        'success',
        caseworker.organisationId,
        expect.objectContaining({ fields: ['mfaRequired'], mfaRequired: true }),
      ],
      [
        'success',
        caseworker.organisationId,
        expect.objectContaining({ fields: ['mfaRequired'], mfaRequired: false }),
      ],
    ]);
  });

  it('lets an admin require a second factor of any organisation; a lead only of their own', async () => {
    const worker = await createUser(app, { roles: [Role.ProviderWorker] });
    const admin = await createUser(app, { roles: [Role.Admin] });
    const otherLead = await createUser(app, { roles: [Role.ProviderLead] });
    const path = requirementOf(worker.organisationId);
    expectProblem(await http.put(otherLead, path, { required: true }), 404, 'not-found');
    expectProblem(await http.put(worker, path, { required: true }), 403, 'forbidden');
    expectProblem(await http.put('anonymous', path, { required: true }), 401, 'unauthorized');
    expectProblem(await http.put(admin, path, { required: 'yes' }), 400, 'validation-error');
    expectProblem(await http.put(admin, path, {}), 400, 'validation-error');
    // Nothing changed by the refusals: the worker still signs in with the password alone.
    expect((await login(http, worker.email, worker.password)).body.accessToken).toBeDefined();
    await http.put(admin, path, { required: true }).expect(200, { required: true });
    await challengeOf(worker);
    // Sending the state it has changes nothing and records nothing.
    await http.put(admin, path, { required: true }).expect(200, { required: true });
    const changes = (await auditRowsOf(app, admin.userId)).filter(
      (row) => row.action === 'organisation.update',
    );
    expect(changes).toHaveLength(1);
    expect(changes[0].details).toMatchObject({
      organisationId: worker.organisationId,
      mfaRequired: true,
    });
  });

  it('opens no route with an MFA challenge token, and no session before the second factor', async () => {
    const admin = await createUser(app, { roles: [Role.Admin] });
    const { mfaToken } = (await challengeOf(admin)).body as { mfaToken: string };
    const routes = routeInventory(app, API_PREFIX).filter((r) => r.access !== 'public');
    expect(routes.length).toBeGreaterThan(40);
    for (const { route } of routes) {
      const [method, path] = route.split(' ');
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const res = await http.send(
        bearer(mfaToken),
        verb,
        url,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
    expectProblem(
      await http.post('anonymous', REFRESH, { refreshToken: mfaToken }),
      401,
      'invalid-refresh-token',
    );
    // The pending session is no session: nothing signs in with it.
    const [pending] = await app
      .get(DataSource)
      .query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM sessions s JOIN refresh_tokens t ON t.session_id = s.id WHERE s.user_id = $1',
        [admin.userId],
      );
    expect(pending.count).toBe(1); // the factory's own session only
  });

  it('throttles wrong codes per account like passwords', async () => {
    const admin = await createUser(app, { roles: [Role.Admin] });
    const { secret } = await enrol(admin);
    const { mfaToken } = (await challengeOf(admin)).body as { mfaToken: string };
    const good = nextCode(secret);
    const bad = good === '000000' ? '111111' : '000000';
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expectProblem(
        await http.post('anonymous', VERIFY, { mfaToken, code: bad }),
        401,
        'invalid-mfa-code',
      );
    }
    // A new challenge does not reset the count: it is the account's.
    const { mfaToken: fresh } = (await challengeOf(admin)).body as { mfaToken: string };
    const res = await http.post('anonymous', VERIFY, { mfaToken: fresh, code: good });
    expectProblem(res, 429, 'too-many-requests');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an expired challenge', async () => {
    const admin = await createUser(app, { roles: [Role.Admin] });
    const { mfaToken } = (await challengeOf(admin)).body as { mfaToken: string };
    await app
      .get(DataSource)
      .query(
        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND mfa_pending",
        [admin.userId],
      );
    expectProblem(await http.post('anonymous', ENROL, { mfaToken }), 401, 'invalid-mfa-challenge');
  });
});
