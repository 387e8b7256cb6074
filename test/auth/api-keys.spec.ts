import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import {
  createApiKey,
  createOrganisation,
  createUser,
  type TestApiKey,
  type TestUser,
} from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { auditRowsOf } from './helpers';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

const CURRENT = '/api/v1/api-keys/current';
const KEY_FORMAT = /^lotse_[a-z2-7]{10}_[A-Za-z0-9_-]{43}$/;
const DTO_FIELDS = [
  'createdAt',
  'createdBy',
  'expiresAt',
  'id',
  'lastUsedAt',
  'name',
  'organisationId',
  'prefix',
  'revokedAt',
  'scopes',
];

/** API keys of provider systems (docs/security.md B18). */
describe('API keys', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let admin: TestUser;
  let provider: { id: string };
  let otherProvider: { id: string };

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    admin = await createUser(app, { roles: [Role.Admin] });
    [provider, otherProvider] = await Promise.all([
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Provider),
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  const keysOf = (organisationId: string) => `/api/v1/organisations/${organisationId}/api-keys`;
  const apiKey = (key: string) => ({ Authorization: `ApiKey ${key}` });
  const newKey = (): Promise<TestApiKey> =>
    createApiKey(app, { organisationId: provider.id, admin });

  describe('creation by the provider lead', () => {
    let providerLead: TestUser;

    beforeAll(async () => {
      providerLead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: provider.id,
      });
    });

    it('shows the key once, starting with its prefix; reads never show it or its hash', async () => {
      const res = await http.post(providerLead, keysOf(provider.id), {
        name: 'Fachverfahren Aufwind',
        scopes: [ApiKeyScope.ReportsWrite],
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual([...DTO_FIELDS, 'key'].sort());
      expect(res.body).toMatchObject({
        organisationId: provider.id,
        name: 'Fachverfahren Aufwind',
        scopes: ['reports:write'],
        createdBy: providerLead.userId,
        revokedAt: null,
        lastUsedAt: null,
        expiresAt: null,
      });
      const key = res.body.key as string;
      expect(key).toMatch(KEY_FORMAT);
      expect(key.startsWith(`${res.body.prefix}_`)).toBe(true);

      const one = await http.get(admin, `/api/v1/api-keys/${res.body.id}`);
      expect(one.status).toBe(200);
      expect(Object.keys(one.body).sort()).toEqual(DTO_FIELDS);
      const list = await http.get(admin, keysOf(provider.id));
      expect(list.status).toBe(200);
      const listed = (list.body.items as { id: string }[]).find((k) => k.id === res.body.id);
      expect(Object.keys(listed!).sort()).toEqual(DTO_FIELDS);
      const secret = key.slice(res.body.prefix.length + 1);
      for (const text of [JSON.stringify(one.body), JSON.stringify(list.body)]) {
        expect(text).not.toContain(secret);
        expect(text).not.toMatch(/hash/i);
      }

      const audit = (await auditRowsOf(app, providerLead.userId)).find(
        (r) => r.action === 'api_key.create' && r.resource_id === res.body.id,
      );
      expect(audit).toBeDefined();
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    it('stores only the SHA-256 of the key', async () => {
      const { id, key } = await newKey();
      const [row] = await app
        .get(DataSource)
        .query<{ secret_hash: Buffer; prefix: string }[]>(
          'SELECT secret_hash, prefix FROM api_keys WHERE id = $1',
          [id],
        );
      expect(row.secret_hash).toHaveLength(32);
      expect(row.secret_hash.equals(createHash('sha256').update(key).digest())).toBe(true);
      expect(row.secret_hash.toString('utf8')).not.toContain(key.slice(17));
    });

    it('refuses a key for a jobcenter with 422', async () => {
      const jobcenter = await createOrganisation(app, OrganisationKind.Jobcenter);
      const res = await http.post(admin, keysOf(jobcenter.id), {
        name: 'Nope',
        scopes: [ApiKeyScope.ReportsWrite],
      });
      expectProblem(res, 422, 'api-keys-for-providers-only');
    });

    it('answers an unknown organisation with 404', async () => {
      const res = await http.post(admin, keysOf(randomUUID()), {
        name: 'Nope',
        scopes: [ApiKeyScope.ReportsWrite],
      });
      expectProblem(res, 404, 'not-found');
    });

    it.each([
      ['no scopes', { name: 'x', scopes: [] }, 'scopes'],
      ['an unknown scope', { name: 'x', scopes: ['cases:read'] }, 'scopes'],
      [
        'an expiry in the past',
        { name: 'x', scopes: ['reports:write'], expiresAt: '2020-01-01T00:00:00Z' },
        'expiresAt',
      ],
      [
        'a created_by of its own',
        { name: 'x', scopes: ['reports:write'], createdBy: randomUUID() },
        'createdBy',
      ],
    ])('refuses %s with 400', async (_, body, field) => {
      const res = await http.post(admin, keysOf(provider.id), body);
      const problem = expectProblem(res, 400, 'validation-error');
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    });
  });

  describe('authentication with a key', () => {
    it('opens /api-keys/current with its own organisation and scopes', async () => {
      const key = await createApiKey(app, {
        organisationId: provider.id,
        admin,
        scopes: [ApiKeyScope.ReportsWrite, ApiKeyScope.ReferralsRead],
      });
      const res = await http.get(key, CURRENT);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: key.id, organisationId: provider.id });
      expect([...res.body.scopes].sort()).toEqual(['referrals:read', 'reports:write']);
      expect(res.body).not.toHaveProperty('key');
    });

    it.each([
      ['GET', '/api/v1/me'],
      ['POST', '/api/v1/me/password'],
      ['POST', '/api/v1/auth/logout'],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/organisations'],
      ['GET', '/api/v1/organisations/{own}/api-keys'],
      ['POST', '/api/v1/organisations/{own}/api-keys'],
      ['GET', '/api/v1/api-keys/{itself}'],
      ['POST', '/api/v1/api-keys/{itself}/revoke'],
    ])('is refused on the human route %s %s with 403', async (method, route) => {
      const key = await newKey();
      const path = route.replace('{own}', provider.id).replace('{itself}', key.id);
      const call =
        method === 'GET' ? http.get('anonymous', path) : http.post('anonymous', path, {});
      expectProblem(await call.set(key.authHeader), 403, 'forbidden');
      // The refusal did not revoke or change the key.
      expect((await http.get(key, CURRENT)).status).toBe(200);
    });

    it('is a route for keys only: a signed-in person gets 403', async () => {
      expectProblem(await http.get(admin, CURRENT), 403, 'forbidden');
    });

    it('refuses a revoked key on the next request', async () => {
      const key = await newKey();
      expect((await http.get(key, CURRENT)).status).toBe(200);
      const res = await http.post(admin, `/api/v1/api-keys/${key.id}/revoke`);
      expect(res.status).toBe(200);
      expect(res.body.revokedAt).not.toBeNull();
      const res2 = await http.get(key, CURRENT);
      expectProblem(res2, 401, 'unauthorized');
      expect(res2.headers['www-authenticate']).toContain('ApiKey');
      // Revoking again changes nothing.
      const again = await http.post(admin, `/api/v1/api-keys/${key.id}/revoke`);
      expect(again.status).toBe(200);
      expect(again.body.revokedAt).toBe(res.body.revokedAt);
    });

    it('refuses an expired key', async () => {
      const key = await newKey();
      expect((await http.get(key, CURRENT)).status).toBe(200);
      await app
        .get(DataSource)
        .query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
          key.id,
        ]);
      expectProblem(await http.get(key, CURRENT), 401, 'unauthorized');
    });

    it('works until the expiry given at creation', async () => {
      const lead = await createUser(app, {
        roles: [Role.ProviderLead],
        organisationId: provider.id,
      });
      const res = await http.post(lead, keysOf(provider.id), {
        name: 'Short-lived',
        scopes: [ApiKeyScope.ReportsWrite],
        expiresAt: new Date(Date.now() + 2000).toISOString(),
      });
      expect(res.status).toBe(201);
      expect((await http.get(apiKey(res.body.key), CURRENT)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expectProblem(await http.get(apiKey(res.body.key), CURRENT), 401, 'unauthorized');
    });

    it.each([
      ['a wrong secret with a valid prefix', (k: string) => `${k.slice(0, 17)}${'A'.repeat(43)}`],
      ['the prefix alone', (k: string) => k.slice(0, 16)],
      [
        'the key with one character changed',
        (k: string) => k.slice(0, -1) + (k.endsWith('A') ? 'B' : 'A'),
      ],
      ['the key with something appended', (k: string) => `${k}A`],
      ['garbage', () => 'lotse_not-a-key'],
      ['a huge value', () => 'x'.repeat(5000)],
    ])('refuses %s with 401', async (_, mangle) => {
      const key = await newKey();
      const res = await http.get(apiKey(mangle(key.key)), CURRENT);
      expectProblem(res, 401, 'unauthorized');
    });

    it.each([
      ['no space', (k: string) => `ApiKey${k}`],
      ['the key as bearer', (k: string) => `Bearer ${k}`],
      ['the key alone', (k: string) => k],
    ])('refuses a malformed header (%s) with 401', async (_, header) => {
      const key = await newKey();
      const res = await http.get({ Authorization: header(key.key) }, CURRENT);
      expectProblem(res, 401, 'unauthorized');
    });

    it('sets last_used_at on use, and keeps working on later uses', async () => {
      const key = await newKey();
      const before = await http.get(admin, `/api/v1/api-keys/${key.id}`);
      expect(before.body.lastUsedAt).toBeNull();
      const start = Date.now();
      for (let i = 0; i < 3; i++) {
        expect((await http.get(key, CURRENT)).status).toBe(200);
      }
      const after = await http.get(admin, `/api/v1/api-keys/${key.id}`);
      expect(after.body.lastUsedAt).not.toBeNull();
      expect(Math.abs(new Date(after.body.lastUsedAt).getTime() - start)).toBeLessThan(60_000);
    });
  });

  describe('a provider lead', () => {
    let lead: TestUser;

    beforeAll(async () => {
      lead = await createUser(app, { roles: [Role.ProviderLead], organisationId: provider.id });
    });

    it('creates, lists and revokes keys of their own organisation', async () => {
      const created = await http.post(lead, keysOf(provider.id), {
        name: 'Eigener Schlüssel',
        scopes: [ApiKeyScope.ActivitiesWrite],
      });
      expect(created.status).toBe(201);
      expect(created.body.createdBy).toBe(lead.userId);
      expect((await http.get(apiKey(created.body.key), CURRENT)).status).toBe(200);

      const list = await http.get(lead, keysOf(provider.id));
      expect(list.status).toBe(200);
      expect((list.body.items as { id: string }[]).map((k) => k.id)).toContain(created.body.id);
      expect(
        (list.body.items as { organisationId: string }[]).every(
          (k) => k.organisationId === provider.id,
        ),
      ).toBe(true);

      const one = await http.get(lead, `/api/v1/api-keys/${created.body.id}`);
      expect(one.status).toBe(200);

      const revoked = await http.post(lead, `/api/v1/api-keys/${created.body.id}/revoke`);
      expect(revoked.status).toBe(200);
      expectProblem(await http.get(apiKey(created.body.key), CURRENT), 401, 'unauthorized');
    });

    it("gets 404 for another organisation's keys, and cannot touch them", async () => {
      const foreign = await createApiKey(app, { organisationId: otherProvider.id, admin });
      expectProblem(await http.get(lead, keysOf(otherProvider.id)), 404, 'not-found');
      expectProblem(
        await http.post(lead, keysOf(otherProvider.id), {
          name: 'Fremd',
          scopes: [ApiKeyScope.ReportsWrite],
        }),
        404,
        'not-found',
      );
      expectProblem(await http.get(lead, `/api/v1/api-keys/${foreign.id}`), 404, 'not-found');
      expectProblem(
        await http.post(lead, `/api/v1/api-keys/${foreign.id}/revoke`),
        404,
        'not-found',
      );
      // The foreign key still works, and the 404 reads exactly as for a key that never existed.
      expect((await http.get(foreign, CURRENT)).status).toBe(200);
      const missing = await http.get(lead, `/api/v1/api-keys/${randomUUID()}`);
      const foreignRes = await http.get(lead, `/api/v1/api-keys/${foreign.id}`);
      expect(foreignRes.body.detail).toBe(missing.body.detail);
    });

    it('has no access to organisations, and sees only their own organisation’s users', async () => {
      expectProblem(await http.get(lead, '/api/v1/organisations'), 403, 'forbidden');
      const users = await http.get(lead, '/api/v1/users?limit=100').expect(200);
      const organisations = (users.body.items as { organisation: { id: string } }[]).map(
        (u) => u.organisation.id,
      );
      expect(new Set(organisations)).toEqual(new Set([provider.id]));
    });
  });

  describe('people without key permissions', () => {
    it.each([[Role.Caseworker], [Role.ProviderWorker], [Role.Auditor]])(
      '%s gets 403 on every key route',
      async (role) => {
        const user = await createUser(app, {
          roles: [role],
          ...(role === Role.ProviderWorker ? { organisationId: provider.id } : {}),
        });
        const key = await newKey();
        const calls = [
          (as: HttpActor) => http.get(as, keysOf(provider.id)),
          (as: HttpActor) =>
            http.post(as, keysOf(provider.id), { name: 'x', scopes: ['reports:write'] }),
          (as: HttpActor) => http.get(as, `/api/v1/api-keys/${key.id}`),
          (as: HttpActor) => http.post(as, `/api/v1/api-keys/${key.id}/revoke`),
        ];
        for (const call of calls) expectProblem(await call(user), 403, 'forbidden');
        expect((await http.get(key, CURRENT)).status).toBe(200);
      },
    );
  });
});
