import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { TestIdp } from '../support/oidc/test-idp';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { bearer, LOGIN, ME, REFRESH } from './helpers';

const REDIRECT_URI = 'https://lotse.test/api/v1/auth/oidc/callback';
const CLIENT_ID = 'lotse';
const CLIENT_SECRET = 'a-client-secret-of-lotse-at-the-test-idp-0123456789';
const OIDC = '/api/v1/auth/oidc';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('single sign-on over OpenID Connect (ADR 0018), against a real provider', () => {
  let app: NestFastifyApplication;
  let idp: TestIdp;
  let admin: TestUser;
  let lead: TestUser;
  let jobcenterId: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({ env: { OIDC_REDIRECT_URI: REDIRECT_URI } });
    http = httpOf(app);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    idp = await TestIdp.start([
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        backchannel_logout_uri: `http://127.0.0.1:${port}${OIDC}/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
    ]);
    admin = await createUser(app, { roles: [Role.Admin] });
    jobcenterId = (await createOrganisation(app, OrganisationKind.Jobcenter)).id;
    lead = await createUser(app, { roles: [Role.JobcenterLead], organisationId: jobcenterId });
    const configured = await http.post(
      admin.authHeader,
      `/api/v1/organisations/${jobcenterId}/identity-provider`,
      {
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        rolesClaim: 'groups',
        roleMapping: [
          { value: 'fallmanagement', role: Role.Caseworker },
          { value: 'leitung', role: Role.JobcenterLead },
        ],
      },
    );
    expect(configured.status).toBe(201);
  });

  afterAll(async () => {
    await idp?.close();
    await app?.close();
  });

  /** Starts at Lotse, signs in at the provider; the callback's query and the browser cookie. */
  async function throughProvider(account: string, organisationId = jobcenterId) {
    const start = await http.get('anonymous', `${OIDC}/${organisationId}/login`);
    expect(start.status).toBe(302);
    const cookie = /lotse_oidc=([^;]+)/.exec(String(start.headers['set-cookie']))![1];
    const browser = idp.browser();
    const back = await idp.signIn(browser, start.headers.location, account);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    return {
      query: back.search,
      cookie,
      browser,
      authorizationUrl: new URL(start.headers.location),
    };
  }

  function callback(query: string, cookie: string | undefined) {
    const headers: Record<string, string> = cookie ? { Cookie: `lotse_oidc=${cookie}` } : {};
    return http.get('anonymous', `${OIDC}/callback${query}`, { headers });
  }

  /** A fresh caseworker of the jobcenter linked to a fresh subject holding `groups`. */
  async function linkedPerson(groups: string[] = ['fallmanagement']) {
    const user = await createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterId });
    const subject = `person-${randomUUID()}`;
    idp.groups.set(subject, groups);
    const linked = await http.post(
      lead.authHeader,
      `/api/v1/organisations/${jobcenterId}/identity-links`,
      { userId: user.userId, subject },
    );
    expect(linked.status).toBe(201);
    return { user, subject, linkId: linked.body.id as string };
  }

  /** What `GET /me` answers to the access token: 200 while its session lives. */
  async function meStatus(accessToken: unknown): Promise<number> {
    return (await http.get(bearer(String(accessToken)), ME)).status;
  }

  /** The provider's back-channel logout post: a form with the logout token. */
  function backchannelLogout(logoutToken: string) {
    const body = new URLSearchParams({ logout_token: logoutToken }).toString();
    return http.post('anonymous', `${OIDC}/backchannel-logout`, body, { headers: FORM });
  }

  async function failureReasons(subject: string): Promise<string[]> {
    const rows = await app.get(DataSource).query<{ reason: string }[]>(
      `SELECT details->>'reason' AS reason FROM audit_events
          WHERE action = 'auth.login' AND outcome = 'failure' AND details->>'subject' = $1`,
      [subject],
    );
    return rows.map((r) => r.reason);
  }

  it('start: discovery, then a redirect with state, nonce and PKCE (S256) to the provider', async () => {
    const start = await http.get('anonymous', `${OIDC}/${jobcenterId}/login`);
    expect(start.status).toBe(302);
    const url = new URL(start.headers.location);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const param of ['state', 'nonce', 'code_challenge']) {
      expect(url.searchParams.get(param)?.length).toBeGreaterThanOrEqual(43);
    }
    expect(String(start.headers['set-cookie'])).toMatch(
      /lotse_oidc=[\w-]{43}; Path=\/api\/v1\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax; Secure/,
    );
  });

  it('an organisation without an identity provider has no single sign-on (404)', async () => {
    const other = await createOrganisation(app, OrganisationKind.Provider);
    expect((await http.get('anonymous', `${OIDC}/${other.id}/login`)).status).toBe(404);
  });

  it('code flow with PKCE end to end: Lotse issues its own tokens, which work and refresh', async () => {
    const { user, subject } = await linkedPerson();
    const { query, cookie } = await throughProvider(subject);
    const done = await callback(query, cookie);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await http.get(bearer(done.body.accessToken as string), ME);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.userId, roles: [Role.Caseworker] });
    const refreshed = await http.post('anonymous', REFRESH, {
      refreshToken: done.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    // The code and the state work once.
    expect((await callback(query, cookie)).status).toBe(401);
  });

  it('group mapping: the roles follow the groups at the provider, audited', async () => {
    const { user, subject } = await linkedPerson(['leitung', 'unbekannte-gruppe']);
    const { query, cookie } = await throughProvider(subject);
    const done = await callback(query, cookie);
    expect(done.status).toBe(200);
    const me = await http.get(bearer(done.body.accessToken as string), ME);
    expect(me.body.roles).toEqual([Role.JobcenterLead]);
    const [event] = await app
      .get(DataSource)
      .query<{ details: { via: string; roles: string[] } }[]>(
        `SELECT details FROM audit_events WHERE action = 'user.update' AND resource_id = $1`,
        [user.userId],
      );
    expect(event.details).toMatchObject({ via: 'sso', roles: [Role.JobcenterLead] });
  });

  it('no mapped group: no member, refused', async () => {
    const { subject } = await linkedPerson(['kantine']);
    const { query, cookie } = await throughProvider(subject);
    const done = await callback(query, cookie);
    expect(done.status).toBe(403);
    expect(done.body.type).toBe('urn:lotse:problem:sso-roles-refused');
    expect(await failureReasons(subject)).toEqual(['no_role']);
  });

  it('a mapping to a role that does not fit the organisation kind is refused: when configured, and at sign-in', async () => {
    const refused = await http.patch(
      admin.authHeader,
      `/api/v1/organisations/${jobcenterId}/identity-provider`,
      { roleMapping: [{ value: 'betrieb', role: Role.Admin }] },
      { ifMatch: await etag() },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:lotse:problem:role-not-allowed');

    // A row that holds one anyway (written before the check, or by hand) refuses the sign-in.
    const ds = app.get(DataSource);
    const [before] = await ds.query<{ role_mapping: unknown }[]>(
      `SELECT role_mapping FROM identity_providers WHERE organisation_id = $1`,
      [jobcenterId],
    );
    await ds.query(
      `UPDATE identity_providers SET role_mapping = role_mapping || '[{"value":"betrieb","role":"admin"}]'::jsonb,
              version = version + 1 WHERE organisation_id = $1`,
      [jobcenterId],
    );
    try {
      const { user, subject } = await linkedPerson(['fallmanagement', 'betrieb']);
      const { query, cookie } = await throughProvider(subject);
      const done = await callback(query, cookie);
      expect(done.status).toBe(403);
      expect(done.body.type).toBe('urn:lotse:problem:sso-roles-refused');
      expect(await failureReasons(subject)).toEqual(['role_not_allowed']);
      const [row] = await ds.query<{ roles: string }[]>(
        `SELECT roles::text FROM users WHERE id = $1`,
        [user.userId],
      );
      expect(row.roles).toBe('{caseworker}');
    } finally {
      await ds.query(
        `UPDATE identity_providers SET role_mapping = $2::jsonb, version = version + 1 WHERE organisation_id = $1`,
        [jobcenterId, JSON.stringify(before.role_mapping)],
      );
    }
  });

  describe('refused sign-ins', () => {
    it('a wrong state', async () => {
      const { subject } = await linkedPerson();
      const { query, cookie } = await throughProvider(subject);
      const params = new URLSearchParams(query);
      params.set('state', 'x'.repeat(43));
      const done = await callback(`?${params}`, cookie);
      expect(done.status).toBe(401);
      expect(done.body.type).toBe('urn:lotse:problem:sso-login-failed');
      // …and the real state, now that it was not used, still works: nothing was consumed.
      expect((await callback(query, cookie)).status).toBe(200);
    });

    it('the callback in another browser (no or another binding cookie)', async () => {
      const { subject } = await linkedPerson();
      const first = await throughProvider(subject);
      expect((await callback(first.query, undefined)).status).toBe(401);
      const second = await throughProvider(subject);
      expect((await callback(second.query, 'y'.repeat(43))).status).toBe(401);
    });

    it.each([
      ['a wrong nonce', (c: Record<string, unknown>) => ({ ...c, nonce: 'another-nonce' })],
      ['a wrong audience', (c: Record<string, unknown>) => ({ ...c, aud: 'another-client' })],
      ['a wrong issuer', (c: Record<string, unknown>) => ({ ...c, iss: 'https://idp.evil.test' })],
      [
        'an expired ID token',
        (c: Record<string, unknown>) => ({
          ...c,
          iat: Math.floor(Date.now() / 1000) - 3600,
          exp: Math.floor(Date.now() / 1000) - 600,
        }),
      ],
    ])('%s in a correctly signed ID token', async (_what, claims) => {
      const { subject } = await linkedPerson();
      const { query, cookie } = await throughProvider(subject);
      idp.tamperNextIdToken({ claims });
      const done = await callback(query, cookie);
      expect(done.status).toBe(401);
      expect(done.body.type).toBe('urn:lotse:problem:sso-login-failed');
    });

    it('an ID token signed with another key', async () => {
      const { subject } = await linkedPerson();
      const { query, cookie } = await throughProvider(subject);
      idp.tamperNextIdToken({ foreignKey: true });
      expect((await callback(query, cookie)).status).toBe(401);
    });

    it('the untampered control of the same path succeeds', async () => {
      const { subject } = await linkedPerson();
      const { query, cookie } = await throughProvider(subject);
      idp.tamperNextIdToken({ claims: (c) => c });
      expect((await callback(query, cookie)).status).toBe(200);
    });
  });

  describe('linking', () => {
    it('an unknown subject is refused and recorded, not linked by email; the lead links it, then it signs in', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterId });
      // The subject even looks like the user's email address: never a reason to link.
      const subject = user.email;
      idp.groups.set(subject, ['fallmanagement']);
      const first = await throughProvider(subject);
      const refused = await callback(first.query, first.cookie);
      expect(refused.status).toBe(403);
      expect(refused.body.type).toBe('urn:lotse:problem:sso-account-not-linked');
      expect(refused.body.detail).toContain(subject);
      expect(await failureReasons(subject)).toEqual(['unlinked_subject']);

      const linked = await http.post(
        lead.authHeader,
        `/api/v1/organisations/${jobcenterId}/identity-links`,
        { userId: user.userId, subject },
      );
      expect(linked.status).toBe(201);
      const second = await throughProvider(subject);
      const done = await callback(second.query, second.cookie);
      expect(done.status).toBe(200);
      const me = await http.get(bearer(done.body.accessToken as string), ME);
      expect(me.body.id).toBe(user.userId);
    });

    it("an admin's link is an approval request, carried out when the lead approves", async () => {
      const user = await createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterId });
      const subject = `person-${randomUUID()}`;
      idp.groups.set(subject, ['fallmanagement']);
      const asked = await http.post(
        admin.authHeader,
        `/api/v1/organisations/${jobcenterId}/identity-links`,
        { userId: user.userId, subject },
      );
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ kind: 'identity_link.create', identitySubject: subject });
      const early = await throughProvider(subject);
      expect((await callback(early.query, early.cookie)).status).toBe(403);

      const approved = await http.post(
        lead.authHeader,
        `/api/v1/approval-requests/${asked.body.id}/approve`,
        {},
      );
      expect(approved.status).toBe(200);
      const later = await throughProvider(subject);
      expect((await callback(later.query, later.cookie)).status).toBe(200);
      // The link is audited once, when the lead's approval carried it out.
      const events = await app
        .get(DataSource)
        .query<{ details: Record<string, unknown> }[]>(
          `SELECT details FROM audit_events WHERE action = 'identity_link.create' AND details->>'subject' = $1`,
          [subject],
        );
      expect(events).toHaveLength(1);
      expect(events[0].details).toMatchObject({ organisationId: jobcenterId, userId: user.userId });
    });

    it('unlinking ends the sessions begun through the link on their next request', async () => {
      const { subject, linkId } = await linkedPerson();
      const { query, cookie } = await throughProvider(subject);
      const done = await callback(query, cookie);
      expect(done.status).toBe(200);
      const unlinked = await http.delete(lead.authHeader, `/api/v1/identity-links/${linkId}`);
      expect(unlinked.status).toBe(204);
      expect(await meStatus(done.body.accessToken)).toBe(401);
    });
  });

  describe('back-channel logout', () => {
    it('signing out at the provider ends the Lotse session on its next request', async () => {
      const { subject } = await linkedPerson();
      const other = await linkedPerson();
      const { query, cookie, browser } = await throughProvider(subject);
      const mine = await callback(query, cookie);
      const theirs = await throughProvider(other.subject).then((t) => callback(t.query, t.cookie));
      expect(mine.status).toBe(200);
      expect(theirs.status).toBe(200);

      await idp.signOut(browser);

      expect(await meStatus(mine.body.accessToken)).toBe(401);
      expect(
        (await http.post('anonymous', REFRESH, { refreshToken: mine.body.refreshToken })).status,
      ).toBe(401);
      // Another person's session at the same provider goes on.
      expect(await meStatus(theirs.body.accessToken)).toBe(200);
    });

    it('a logout token signed with another key, or for another client, is refused and ends nothing', async () => {
      const { subject } = await linkedPerson();
      const t = await throughProvider(subject);
      const done = await callback(t.query, t.cookie);
      for (const token of [
        await idp.signLogoutToken(CLIENT_ID, { sub: subject }, true),
        await idp.signLogoutToken('another-client', { sub: subject }),
        await idp.signLogoutToken(CLIENT_ID, { sub: subject, nonce: 'n' }),
        await idp.signLogoutToken(CLIENT_ID, { sub: subject, events: {} }),
      ]) {
        const res = await backchannelLogout(token);
        expect(res.status).toBe(400);
        expect(res.body.type).toBe('urn:lotse:problem:invalid-logout-token');
      }
      expect(await meStatus(done.body.accessToken)).toBe(200);
      const valid = await backchannelLogout(await idp.signLogoutToken(CLIENT_ID, { sub: subject }));
      expect(valid.status).toBe(204);
      expect(await meStatus(done.body.accessToken)).toBe(401);
    });

    it('a form body is refused on every other route (415)', async () => {
      const res = await http.post('anonymous', LOGIN, 'email=a%40b.de&password=x', {
        headers: FORM,
      });
      expect(res.status).toBe(415);
    });
  });

  describe('password sign-in switched off', () => {
    it('refuses the right password with password-login-disabled; wrong passwords stay invalid-credentials', async () => {
      const org = await createOrganisation(app, OrganisationKind.Provider);
      const worker = await createUser(app, {
        roles: [Role.ProviderWorker],
        organisationId: org.id,
      });
      const create = await http.post(
        admin.authHeader,
        `/api/v1/organisations/${org.id}/identity-provider`,
        {
          issuer: idp.issuer,
          clientId: CLIENT_ID,
          rolesClaim: 'groups',
          roleMapping: [{ value: 'sozialarbeit', role: Role.ProviderWorker }],
          passwordLogin: false,
        },
      );
      expect(create.status).toBe(201);
      expect(create.body).not.toHaveProperty('clientSecret');
      expect(create.body).toMatchObject({ passwordLogin: false, clientSecretSet: false });
      const right = await http.post('anonymous', LOGIN, {
        email: worker.email,
        password: worker.password,
      });
      expect(right.status).toBe(403);
      expect(right.body.type).toBe('urn:lotse:problem:password-login-disabled');
      const wrong = await http.post('anonymous', LOGIN, {
        email: worker.email,
        password: 'nicht das Passwort 2026',
      });
      expect(wrong.status).toBe(401);
    });
  });

  async function etag(): Promise<string> {
    const res = await http.get(
      admin.authHeader,
      `/api/v1/organisations/${jobcenterId}/identity-provider`,
    );
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('clientSecret');
    expect(res.body.clientSecretSet).toBe(true);
    return res.headers.etag;
  }
});
