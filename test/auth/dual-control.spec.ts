import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import {
  createOrganisation,
  createUser,
  TEST_PASSWORD,
  type TestUser,
} from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { auditRowsOf, bearer, etagOf, login, ME } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const ACTIVATE = '/api/v1/auth/activate';
const USERS = '/api/v1/users';
const REQUESTS = '/api/v1/approval-requests';
const CODE_FORMAT = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/;
const KEY_PATTERN = /lotse_[a-z2-7]{10}_[A-Za-z0-9_-]{43}/;
const CODE_PATTERN = /[A-Z2-7]{4}(-[A-Z2-7]{4}){7}/;
const NEW_PASSWORD = 'Ein selbst gewähltes Passwort 2027';

interface RequestBody {
  id: string;
  organisationId: string;
  kind: string;
  status: string;
  resultId: string | null;
}

/**
 * Issue 13, hole 2: no single operator account can, alone, come to read case content, whether
 * directly, through a credential it creates, or through a password it sets (ADR 0008). What
 * grants access inside an organisation is its lead's, or waits for the lead's approval (or a
 * second admin's where it has none); the credential goes to the approver, never the asker.
 */
describe('dual control for operator admins', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let secondAdmin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    secondAdmin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => {
    await app.close();
  });

  const keysOf = (organisationId: string) => `/api/v1/organisations/${organisationId}/api-keys`;
  const email = () => `${randomUUID()}@dual-control.lotse.invalid`;
  const approve = (id: string, as: TestUser) => http.post(as, `${REQUESTS}/${id}/approve`, {});
  const askForMember = (organisationId: string, roles: Role[], as = world.admin) =>
    http.post(as, USERS, { organisationId, email: email(), displayName: 'Neue Person', roles });
  const activate = (code: string, newPassword = NEW_PASSWORD) =>
    http.post('anonymous', ACTIVATE, { code, newPassword });
  const sql = <T>(query: string, params: unknown[] = []) =>
    app.get(DataSource).query<T>(query, params);

  /** A 202 with the request as body and its URL in Location; no credential anywhere in it. */
  function expectRequested(
    res: { status: number; body: unknown; headers: Record<string, string>; text: string },
    kind: string,
  ): RequestBody {
    expect(res.status).toBe(202);
    const body = res.body as RequestBody;
    expect(body).toMatchObject({ kind, status: 'pending', resultId: null });
    expect(res.headers.location).toBe(`${REQUESTS}/${body.id}`);
    expect(res.text).not.toMatch(KEY_PATTERN);
    expect(res.text).not.toMatch(CODE_PATTERN);
    return body;
  }

  describe('an API key the admin asks for', () => {
    it('is only a request: no key exists, none is shown, until the provider lead approves', async () => {
      const before = await sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM api_keys WHERE organisation_id = $1',
        [world.providerP1],
      );
      const res = await http.post(world.admin, keysOf(world.providerP1), {
        name: 'Fachverfahren',
        scopes: [ApiKeyScope.ReferralsRead],
      });
      const request = expectRequested(res, 'api_key.create');
      expect(res.body).toMatchObject({
        organisationId: world.providerP1,
        requestedBy: world.admin.userId,
        newApiKey: { name: 'Fachverfahren', scopes: ['referrals:read'], expiresAt: null },
      });
      const after = await sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM api_keys WHERE organisation_id = $1',
        [world.providerP1],
      );
      expect(after).toEqual(before);

      const approved = await approve(request.id, world.leadP1).expect(200);
      expect(approved.headers['cache-control']).toBe('no-store');
      const key = (approved.body as { apiKey: { key: string; id: string; createdBy: string } })
        .apiKey;
      expect(key.key).toMatch(KEY_PATTERN);
      expect(key.createdBy).toBe(world.leadP1.userId);
      const current = await http
        .get({ Authorization: `ApiKey ${key.key}` }, '/api/v1/api-keys/current')
        .expect(200);
      expect(current.body).toMatchObject({ organisationId: world.providerP1 });

      // The admin who asked sees the decision, never the key.
      const seen = await http.get(world.admin, `${REQUESTS}/${request.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        status: 'approved',
        decidedBy: world.leadP1.userId,
        resultId: key.id,
      });
      expect(seen.text).not.toContain(key.key);
      const list = await http.get(world.admin, REQUESTS, { query: { limit: 100 } });
      expect(list.text).not.toContain(key.key);
    });

    it('is made by the provider lead at once (201) for their own organisation', async () => {
      const res = await http.post(world.leadP1, keysOf(world.providerP1), {
        name: 'Eigenes System',
        scopes: [ApiKeyScope.ReportsWrite],
      });
      expect(res.status).toBe(201);
      expect((res.body as { key: string }).key).toMatch(KEY_PATTERN);
      await http
        .post(world.leadP1, keysOf(world.providerP2), {
          name: 'Fremd',
          scopes: [ApiKeyScope.ReportsWrite],
        })
        .expect(404);
    });
  });

  describe('deciding a request', () => {
    it('the admin who asked can never approve or reject it (403), and nothing happens', async () => {
      const request = expectRequested(
        await askForMember(world.jobcenterB, [Role.Caseworker]),
        'user.create',
      );
      const own = await approve(request.id, world.admin);
      expectProblem(own, 403, 'cannot-decide-own-request');
      expectProblem(
        await http.post(world.admin, `${REQUESTS}/${request.id}/reject`, {}),
        403,
        'cannot-decide-own-request',
      );
      const denials = (await auditRowsOf(app, world.admin.userId)).filter(
        (e) => e.request_id === own.headers['x-request-id'],
      );
      expect(denials.map((e) => [e.action, e.outcome])).toEqual([['access.denied', 'denied']]);
      const seen = await http.get(world.admin, `${REQUESTS}/${request.id}`);
      expect(seen.body).toMatchObject({ status: 'pending' });
    });

    it('a second admin approves where the organisation has no active lead, and gets the code', async () => {
      const request = expectRequested(
        await askForMember(world.jobcenterB, [Role.Caseworker]),
        'user.create',
      );
      const res = await approve(request.id, secondAdmin).expect(200);
      const body = res.body as {
        user: { id: string; passwordSet: boolean; roles: string[] };
        activation: { code: string; userId: string; purpose: string };
      };
      expect(body.user).toMatchObject({ passwordSet: false, roles: ['caseworker'] });
      expect(body.activation).toMatchObject({ userId: body.user.id, purpose: 'activation' });
      expect(body.activation.code).toMatch(CODE_FORMAT);
      const seen = await http.get(world.admin, `${REQUESTS}/${request.id}`);
      expect(seen.text).not.toContain(body.activation.code);
    });

    it('where the organisation has an active lead, only that lead decides (another admin: 403)', async () => {
      const request = expectRequested(
        await askForMember(world.jobcenterA, [Role.Caseworker]),
        'user.create',
      );
      expectProblem(await approve(request.id, secondAdmin), 403, 'not-an-approver');
      // A lead of another organisation does not see it at all.
      await approve(request.id, world.leadP1).expect(404);
      await http.get(world.leadP1, `${REQUESTS}/${request.id}`).expect(404);
      const res = await approve(request.id, world.leadA).expect(200);
      expect((res.body as { activation: { code: string } }).activation.code).toMatch(CODE_FORMAT);
    });

    it('in the operator organisation, a new admin needs a second admin', async () => {
      const request = expectRequested(
        await askForMember(world.admin.organisationId, [Role.Admin]),
        'user.create',
      );
      expectProblem(await approve(request.id, world.admin), 403, 'cannot-decide-own-request');
      await approve(request.id, secondAdmin).expect(200);
    });

    it('rejecting, withdrawing and expiring close a request; a closed one cannot be decided (409)', async () => {
      const rejected = expectRequested(
        await askForMember(world.providerP1, [Role.ProviderWorker]),
        'user.create',
      );
      const res = await http.post(world.leadP1, `${REQUESTS}/${rejected.id}/reject`, {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', decidedBy: world.leadP1.userId });
      expectProblem(await approve(rejected.id, world.leadP1), 409, 'approval-request-closed');

      const withdrawn = expectRequested(
        await askForMember(world.providerP1, [Role.ProviderWorker]),
        'user.create',
      );
      expectProblem(
        await http.post(secondAdmin, `${REQUESTS}/${withdrawn.id}/withdraw`, {}),
        403,
        'not-your-request',
      );
      await http.post(world.admin, `${REQUESTS}/${withdrawn.id}/withdraw`, {}).expect(200);
      expectProblem(await approve(withdrawn.id, world.leadP1), 409, 'approval-request-closed');

      const expired = expectRequested(
        await askForMember(world.providerP1, [Role.ProviderWorker]),
        'user.create',
      );
      await sql(
        "UPDATE approval_requests SET expires_at = now() - interval '1 second' WHERE id = $1",
        [expired.id],
      );
      const seen = await http.get(world.leadP1, `${REQUESTS}/${expired.id}`);
      expect(seen.body).toMatchObject({ status: 'expired' });
      expectProblem(await approve(expired.id, world.leadP1), 409, 'approval-request-closed');
      const users = await sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM users WHERE email = ANY($1)',
        [
          [rejected, withdrawn, expired].map(
            (r) => (r as unknown as { newUser: { email: string } }).newUser.email,
          ),
        ],
      );
      expect(users).toEqual([{ n: 0 }]);
    });

    it('lists pending requests first, and a lead only their own organisation’s', async () => {
      const organisation = await createOrganisation(app, OrganisationKind.Provider);
      const lead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: organisation.id,
      });
      const first = expectRequested(
        await askForMember(organisation.id, [Role.ProviderWorker]),
        'user.create',
      );
      const second = expectRequested(
        await askForMember(organisation.id, [Role.ProviderWorker]),
        'user.create',
      );
      await http.post(lead, `${REQUESTS}/${second.id}/reject`, {}).expect(200);
      const third = expectRequested(
        await askForMember(organisation.id, [Role.ProviderWorker]),
        'user.create',
      );
      const res = await http.get(lead, REQUESTS).expect(200);
      expect((res.body as { items: RequestBody[] }).items.map((r) => r.id)).toEqual([
        third.id,
        first.id,
        second.id,
      ]);
      const pending = await http
        .get(lead, REQUESTS, { query: { status: 'pending', limit: 1 } })
        .expect(200);
      expect((pending.body as { items: RequestBody[] }).items.map((r) => r.id)).toEqual([third.id]);
      const foreign = await http
        .get(lead, REQUESTS, { query: { organisationId: world.providerP1 } })
        .expect(200);
      expect((foreign.body as { items: unknown[] }).items).toEqual([]);
    });
  });

  describe('new members', () => {
    it('an admin can no longer choose a password for them (400), and gets a request instead', async () => {
      const withPassword = await http.post(world.admin, USERS, {
        organisationId: world.providerP1,
        email: email(),
        displayName: 'Mit Passwort',
        roles: [Role.ProviderLead],
        initialPassword: TEST_PASSWORD,
      });
      expectProblem(withPassword, 400, 'validation-error');
      expectRequested(await askForMember(world.providerP1, [Role.ProviderLead]), 'user.create');
    });

    it('a lead creates one at once (201), without a password, who activates with the code', async () => {
      const address = email();
      const res = await http.post(world.leadP1, USERS, {
        organisationId: world.providerP1,
        email: address,
        displayName: 'Sam Sozialarbeit',
        roles: [Role.ProviderWorker],
      });
      expect(res.status).toBe(201);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.body as { id: string; passwordSet: boolean; activation: { code: string } };
      expect(res.headers.location).toBe(`${USERS}/${body.id}`);
      expect(body.passwordSet).toBe(false);
      expect((await login(http, address, TEST_PASSWORD)).status).toBe(401);

      // The policy applies, also against the user's own address.
      expectProblem(await activate(body.activation.code, 'kurz'), 400, 'validation-error');
      const own = await activate(body.activation.code, `${address.split('@')[0]} und mehr`);
      expectProblem(own, 400, 'validation-error');
      await activate(body.activation.code).expect(204);
      expect((await login(http, address, NEW_PASSWORD)).status).toBe(200);
      const user = await http.get(world.leadP1, `${USERS}/${body.id}`);
      expect(user.body).toMatchObject({ passwordSet: true });
    });

    it('a lead cannot create or see members of another organisation (404), nor misfit roles (422)', async () => {
      await askForMember(world.providerP2, [Role.ProviderWorker], world.leadP1).expect(404);
      await http.get(world.leadP1, `${USERS}/${world.workerP2.userId}`).expect(404);
      const list = await http.get(world.leadP1, USERS, { query: { limit: 100 } }).expect(200);
      const organisations = (list.body as { items: { organisation: { id: string } }[] }).items.map(
        (u) => u.organisation.id,
      );
      expect(new Set(organisations)).toEqual(new Set([world.providerP1]));
      expectProblem(
        await askForMember(world.providerP1, [Role.Caseworker], world.leadP1),
        422,
        'role-not-allowed',
      );
    });
  });

  describe('activation codes', () => {
    async function freshCode(): Promise<{ code: string; email: string; userId: string }> {
      const address = email();
      const res = await http
        .post(world.leadA, USERS, {
          organisationId: world.jobcenterA,
          email: address,
          displayName: 'Code',
          roles: [Role.Caseworker],
        })
        .expect(201);
      const body = res.body as { id: string; activation: { code: string } };
      return { code: body.activation.code, email: address, userId: body.id };
    }

    it('work once; a used, expired, voided or made-up code gets one answer (401)', async () => {
      const used = await freshCode();
      await activate(used.code).expect(204);
      const again = expectProblem(
        await activate(used.code, 'Noch ein anderes Passwort 2028'),
        401,
        'invalid-activation-code',
      );

      const expired = await freshCode();
      await sql(
        "UPDATE activation_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1",
        [expired.userId],
      );
      const late = expectProblem(await activate(expired.code), 401, 'invalid-activation-code');

      const voided = await freshCode();
      await http.post(world.leadA, `${USERS}/${voided.userId}/password`, {}).expect(200);
      const replaced = expectProblem(await activate(voided.code), 401, 'invalid-activation-code');

      const madeUp = expectProblem(
        await activate('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH'),
        401,
        'invalid-activation-code',
      );
      const texts = [again, late, replaced, madeUp].map(({ detail, title }) => ({ detail, title }));
      expect(new Set(texts.map((t) => JSON.stringify(t))).size).toBe(1);
      expect((await login(http, expired.email, NEW_PASSWORD)).status).toBe(401);
    });

    it('accept the code in any case and with spaces instead of dashes', async () => {
      const fresh = await freshCode();
      await activate(fresh.code.toLowerCase().replace(/-/g, ' ')).expect(204);
      expect((await login(http, fresh.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('of a disabled user do not work', async () => {
      const fresh = await freshCode();
      await http
        .patch(
          world.leadA,
          `${USERS}/${fresh.userId}`,
          { active: false },
          { ifMatch: await etagOf(http, `${USERS}/${fresh.userId}`, world.leadA.authHeader) },
        )
        .expect(200);
      expectProblem(await activate(fresh.code), 401, 'invalid-activation-code');
    });

    it('are stored only as a hash, and never reach the audit trail', async () => {
      const fresh = await freshCode();
      const normalised = fresh.code.replace(/-/g, '');
      const stored = await sql<{ text: string }[]>(
        'SELECT to_jsonb(c)::text AS text FROM activation_codes c WHERE user_id = $1',
        [fresh.userId],
      );
      expect(stored[0].text).not.toContain(normalised);
      await activate(fresh.code).expect(204);
      const audit = await sql<{ text: string }[]>(
        "SELECT coalesce(string_agg(to_jsonb(e)::text, ''), '') AS text FROM audit_events e WHERE resource_id = $1 OR actor_id::text = $1",
        [fresh.userId],
      );
      expect(audit[0].text).not.toContain(fresh.code);
      expect(audit[0].text).not.toContain(normalised);
      expect(audit[0].text).toContain('user.activate');
    });
  });

  describe('password resets', () => {
    it('an admin cannot set a password (400); the reset waits for the lead, and the code goes to the lead', async () => {
      const victim = await createUser(app, {
        roles: [Role.ProviderWorker],
        organisationId: world.providerP1,
      });
      expectProblem(
        await http.post(world.admin, `${USERS}/${victim.userId}/password`, {
          newPassword: 'Vom Admin gewählt 2026 !',
        }),
        400,
        'validation-error',
      );
      const res = await http.post(world.admin, `${USERS}/${victim.userId}/password`, {});
      const request = expectRequested(res, 'user.reset_password');
      expect(res.body).toMatchObject({ targetUserId: victim.userId });
      // Nothing happened yet: the old password and the session still work.
      expect((await login(http, victim.email, TEST_PASSWORD)).status).toBe(200);
      await http.get(victim, ME).expect(200);

      const approved = await approve(request.id, world.leadP1).expect(200);
      const code = (approved.body as { activation: { code: string; purpose: string } }).activation;
      expect(code.purpose).toBe('password_reset');
      expect((await login(http, victim.email, TEST_PASSWORD)).status).toBe(401);
      await http.get(victim, ME).expect(401);
      await activate(code.code).expect(204);
      expect((await login(http, victim.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('a lead resets their own member at once and gets the code', async () => {
      const member = await createUser(app, {
        roles: [Role.ProviderWorker],
        organisationId: world.providerP1,
      });
      const res = await http.post(world.leadP1, `${USERS}/${member.userId}/password`).expect(200);
      expect(res.body).toMatchObject({ userId: member.userId, purpose: 'password_reset' });
      expect((await login(http, member.email, TEST_PASSWORD)).status).toBe(401);
      await http.get(member, ME).expect(401);
      await http.post(world.leadP1, `${USERS}/${world.workerP2.userId}/password`, {}).expect(404);
    });

    it('of the only lead goes to a second admin, not to the lead (who cannot sign in)', async () => {
      const organisation = await createOrganisation(app, OrganisationKind.Provider);
      const lead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: organisation.id,
      });
      const request = expectRequested(
        await http.post(world.admin, `${USERS}/${lead.userId}/password`, {}),
        'user.reset_password',
      );
      expectProblem(await approve(request.id, lead), 403, 'not-an-approver');
      await approve(request.id, secondAdmin).expect(200);
    });
  });

  describe('changing users', () => {
    it('an admin removes roles, renames and disables alone; adding roles and re-enabling wait', async () => {
      const user = await createUser(app, {
        roles: [Role.ProviderWorker, Role.Auditor],
        organisationId: world.providerP1,
      });
      const path = `${USERS}/${user.userId}`;
      const patch = async (body: object) =>
        http.patch(world.admin, path, body, {
          ifMatch: await etagOf(http, path, world.admin.authHeader),
        });

      const removed = await patch({ roles: [Role.ProviderWorker], displayName: 'Umbenannt' });
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ roles: ['provider_worker'], displayName: 'Umbenannt' });

      const asked = await patch({ roles: [Role.ProviderLead] });
      const request = expectRequested(asked, 'user.update');
      expect(asked.body).toMatchObject({
        targetUserId: user.userId,
        userChange: { addRoles: ['provider_lead'], reactivate: false },
      });
      // provider_worker (not in the new list) is removed now; provider_lead waits.
      const now = await http.get(world.admin, path);
      expect(now.body).toMatchObject({ roles: [] });

      await patch({ active: false }).then((r) => expect(r.status).toBe(200));
      await http.get(user, ME).expect(401);
      const reenable = expectRequested(await patch({ active: true }), 'user.update');

      await approve(request.id, world.leadP1).expect(200);
      await approve(reenable.id, world.leadP1).expect(200);
      const after = await http.get(world.admin, path);
      expect(after.body).toMatchObject({ roles: ['provider_lead'], active: true });
    });

    it('a lead changes their own members at once, but cannot demote or disable themselves', async () => {
      const user = await createUser(app, {
        roles: [Role.Caseworker],
        organisationId: world.jobcenterA,
      });
      const path = `${USERS}/${user.userId}`;
      const res = await http.patch(
        world.leadA,
        path,
        { roles: [Role.Caseworker, Role.JobcenterLead] },
        { ifMatch: await etagOf(http, path, world.leadA.authHeader) },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ roles: ['caseworker', 'jobcenter_lead'] });
      const self = `${USERS}/${world.leadA.userId}`;
      expectProblem(
        await http.patch(
          world.leadA,
          self,
          { roles: [Role.Caseworker] },
          { ifMatch: await etagOf(http, self, world.leadA.authHeader) },
        ),
        422,
        'cannot-lock-yourself-out',
      );
    });
  });

  describe('onboarding a new organisation', () => {
    it('creates its first lead without a password; the admin gets the code once', async () => {
      const leadAddress = email();
      const res = await http.post(world.admin, '/api/v1/organisations', {
        kind: OrganisationKind.Provider,
        name: `Neuer Träger ${randomUUID()}`,
        firstLead: { email: leadAddress.toUpperCase(), displayName: 'Erste Leitung' },
      });
      expect(res.status).toBe(201);
      const body = res.body as {
        id: string;
        firstLead: { id: string; email: string; roles: string[]; activation: { code: string } };
      };
      expect(body.firstLead).toMatchObject({ email: leadAddress, roles: ['provider_lead'] });
      await activate(body.firstLead.activation.code).expect(204);
      const signedIn = await login(http, leadAddress, NEW_PASSWORD);
      expect(signedIn.status).toBe(200);
      const lead = bearer((signedIn.body as { accessToken: string }).accessToken);
      // From now on the lead manages the members; the admin's asks wait for the lead.
      await http
        .post(lead, USERS, {
          organisationId: body.id,
          email: email(),
          displayName: 'X',
          roles: [Role.ProviderWorker],
        })
        .expect(201);
      const asked = expectRequested(
        await askForMember(body.id, [Role.ProviderWorker]),
        'user.create',
      );
      expectProblem(await approve(asked.id, secondAdmin), 403, 'not-an-approver');
    });

    it('refuses a first lead for the operator (400) and without one makes no user', async () => {
      const operator = await http.post(world.admin, '/api/v1/organisations', {
        kind: OrganisationKind.Operator,
        name: `Betrieb ${randomUUID()}`,
        firstLead: { email: email(), displayName: 'Nein' },
      });
      expectProblem(operator, 400, 'validation-error');
      const plain = await http
        .post(world.admin, '/api/v1/organisations', {
          kind: OrganisationKind.Jobcenter,
          name: `Jobcenter ${randomUUID()}`,
        })
        .expect(201);
      expect(plain.body).toMatchObject({ firstLead: null });
    });
  });

  describe('what the lead sees of the operator', () => {
    it('every admin action inside their organisation, and nothing of others', async () => {
      const organisation = await createOrganisation(app, OrganisationKind.Provider);
      const lead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: organisation.id,
      });
      const member = await createUser(app, {
        roles: [Role.ProviderWorker],
        organisationId: organisation.id,
      });
      const asked = expectRequested(
        await askForMember(organisation.id, [Role.ProviderWorker]),
        'user.create',
      );
      await http.post(world.admin, `${REQUESTS}/${asked.id}/withdraw`, {}).expect(200);
      const keyAsk = expectRequested(
        await http.post(world.admin, keysOf(organisation.id), {
          name: 'K',
          scopes: [ApiKeyScope.ReportsWrite],
        }),
        'api_key.create',
      );
      const approved = await approve(keyAsk.id, lead).expect(200);
      const keyId = (approved.body as { apiKey: { id: string } }).apiKey.id;
      await http.post(world.admin, `/api/v1/api-keys/${keyId}/revoke`, {}).expect(200);
      const memberPath = `${USERS}/${member.userId}`;
      await http
        .patch(
          world.admin,
          memberPath,
          { active: false },
          { ifMatch: await etagOf(http, memberPath, world.admin.authHeader) },
        )
        .expect(200);
      await http.post(world.admin, `${USERS}/${member.userId}/password`, {}).expect(202);
      const orgPath = `/api/v1/organisations/${organisation.id}`;
      await http
        .patch(
          world.admin,
          orgPath,
          { name: `Umbenannt ${randomUUID()}` },
          { ifMatch: await etagOf(http, orgPath, world.admin.authHeader) },
        )
        .expect(200);
      // Elsewhere: must not show up.
      await askForMember(world.providerP2, [Role.ProviderWorker]).expect(202);

      const res = await http
        .get(lead, `${orgPath}/operator-actions`, { query: { limit: 100 } })
        .expect(200);
      const items = (
        res.body as {
          items: { action: string; actorId: string; details: { organisationId: string } }[];
        }
      ).items;
      expect(items.map((e) => e.action)).toEqual([
        'organisation.update',
        'approval.request',
        'user.update',
        'api_key.revoke',
        'approval.request',
        'approval.withdraw',
        'approval.request',
      ]);
      expect(new Set(items.map((e) => e.actorId))).toEqual(new Set([world.admin.userId]));
      expect(new Set(items.map((e) => e.details.organisationId))).toEqual(
        new Set([organisation.id]),
      );
      expect(res.text).not.toMatch(KEY_PATTERN);

      const page = await http
        .get(lead, `${orgPath}/operator-actions`, { query: { limit: 3 } })
        .expect(200);
      const next = (page.body as { nextCursor: string }).nextCursor;
      const rest = await http
        .get(lead, `${orgPath}/operator-actions`, { query: { limit: 100, cursor: next } })
        .expect(200);
      expect((rest.body as { items: unknown[] }).items).toHaveLength(items.length - 3);

      await http.get(world.leadP1, `${orgPath}/operator-actions`).expect(404);
      await http.get(world.admin, `${orgPath}/operator-actions`).expect(403);
    });
  });
});
