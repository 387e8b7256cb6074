import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { uniqueName } from '../factories/unique';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { etagOf, login } from './helpers';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

const ORGS = '/api/v1/organisations';
const USERS = '/api/v1/users';
const PASSWORD = 'Fahrrad Kaffeetasse Morgenrot';

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { field: string }[]).map((e) => e.field).sort();

/** Organisations and users as the admin manages them. */
describe('administration of organisations and users', () => {
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

  const postOrg = (body: Record<string, unknown>) => http.post(admin, ORGS, body);
  /** A user is created by the lead of their organisation (an admin's creation is a request). */
  const postUser = (body: Record<string, unknown>, as: TestUser = admin) =>
    http.post(as, USERS, body);
  const userBody = (organisationId: string, overrides: Record<string, unknown> = {}) => ({
    organisationId,
    email: `${randomUUID()}@test.invalid`,
    displayName: 'Max Mustermann',
    roles: [Role.Caseworker],
    ...overrides,
  });
  /** A fresh jobcenter and its lead, who creates its members at once. */
  async function jobcenterWithLead(): Promise<{ org: { id: string }; lead: TestUser }> {
    const org = await createOrganisation(app);
    const lead = await createUser(app, { roles: [Role.JobcenterLead], organisationId: org.id });
    return { org, lead };
  }
  const patch = (path: string, ifMatch: string | undefined, body: Record<string, unknown>) =>
    http.patch(admin, path, body, { ifMatch });

  describe('organisations', () => {
    it('creates one: 201, Location, ETag, and GET at the Location returns it', async () => {
      const name = uniqueName('Jobcenter Musterstadt');
      const res = await postOrg({ kind: 'jobcenter', name: `  ${name}  ` });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${ORGS}/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ kind: 'jobcenter', name, active: true });
      expect(res.body).not.toHaveProperty('version');

      expect(res.body).toMatchObject({ firstLead: null });

      const got = await http.get(admin, res.headers.location);
      expect(got.status).toBe(200);
      expect({ ...got.body, firstLead: null }).toEqual(res.body);
      expect(got.headers.etag).toBe('"1"');
    });

    it('refuses a duplicate name with 409', async () => {
      const name = uniqueName('Träger Aufwind');
      expect((await postOrg({ kind: 'provider', name })).status).toBe(201);
      expectProblem(await postOrg({ kind: 'jobcenter', name }), 409, 'organisation-name-taken');
    });

    it('refuses a renaming to a taken name with 409', async () => {
      const [a, b] = await Promise.all([createOrganisation(app), createOrganisation(app)]);
      const res = await patch(`${ORGS}/${a.id}`, '"1"', { name: b.name });
      expectProblem(res, 409, 'organisation-name-taken');
    });

    it('refuses concurrent renamings of different organisations to one name with 409, not 500', async () => {
      const orgs = await Promise.all([0, 1, 2, 3, 4].map(() => createOrganisation(app)));
      const name = uniqueName('Begehrter Name');
      const results = await Promise.all(orgs.map((o) => patch(`${ORGS}/${o.id}`, '"1"', { name })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.status !== 200)) {
        expectProblem(r, 409, 'organisation-name-taken');
      }
    });

    it('refuses concurrent creations of one name with 409, not 500', async () => {
      const name = uniqueName('Doppelt');
      const results = await Promise.all(
        [0, 1, 2, 3].map(() => postOrg({ kind: 'provider', name })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    });

    it.each([
      ['an unknown kind', { kind: 'ministry', name: 'x' }, ['kind']],
      ['an empty name', { kind: 'provider', name: '   ' }, ['name']],
      ['an id of its own', { kind: 'provider', name: uniqueName('x'), id: randomUUID() }, ['id']],
      ['active', { kind: 'provider', name: uniqueName('x'), active: false }, ['active']],
    ])('refuses %s with 400', async (_, body, fields) => {
      expect(fieldsOf(expectProblem(await postOrg(body), 400, 'validation-error'))).toEqual(fields);
    });

    it('refuses a name with a NUL character (which PostgreSQL cannot store) with 400, not 500', async () => {
      const name = uniqueName('Jobcenter \u0000Musterstadt');
      const res = await postOrg({ kind: 'jobcenter', name });
      const body = expectProblem(res, 400, 'bad-request');
      expect(body.detail).toMatch(/cannot be stored/);
      expect(JSON.stringify(body)).not.toMatch(/UTF8|0x00|QueryFailed/);
      const stored = await app
        .get(DataSource)
        .query('SELECT 1 FROM organisations WHERE name = $1', [name.replace('\u0000', '')]);
      expect(stored).toEqual([]);
    });

    it('answers an unknown id with 404 and a non-UUID id with 400', async () => {
      expectProblem(await http.get(admin, `${ORGS}/${randomUUID()}`), 404, 'not-found');
      expectProblem(await patch(`${ORGS}/${randomUUID()}`, '"1"', { name: 'x' }), 404, 'not-found');
      const res = await http.get(admin, `${ORGS}/not-a-uuid`);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual(['id']);
    });

    describe('optimistic concurrency', () => {
      it('needs If-Match (428), refuses a stale or foreign one (412), and bumps the ETag', async () => {
        const org = await createOrganisation(app);
        const path = `${ORGS}/${org.id}`;
        expectProblem(
          await patch(path, undefined, { name: uniqueName('x') }),
          428,
          'precondition-required',
        );
        expectProblem(
          await patch(path, '*', { name: uniqueName('x') }),
          428,
          'precondition-required',
        );
        expectProblem(
          await patch(path, 'W/"1"', { name: uniqueName('x') }),
          412,
          'precondition-failed',
        );

        const etag = await etagOf(http, path, admin.authHeader);
        const newName = uniqueName('Umbenannt');
        const ok = await patch(path, etag, { name: newName });
        expect(ok.status).toBe(200);
        expect(ok.body.name).toBe(newName);
        expect(ok.headers.etag).not.toBe(etag);
        expect(ok.headers.etag).toBe(await etagOf(http, path, admin.authHeader));

        const stale = await patch(path, etag, { name: uniqueName('zu spät') });
        expectProblem(stale, 412, 'precondition-failed');
        expect((await http.get(admin, path)).body.name).toBe(newName);
      });

      it('lets exactly one of 10 concurrent PATCHes with the same If-Match win', async () => {
        const org = await createOrganisation(app);
        const path = `${ORGS}/${org.id}`;
        const etag = await etagOf(http, path, admin.authHeader);
        const names = Array.from({ length: 10 }, (_, i) => uniqueName(`Parallel ${i}`));
        const results = await Promise.all(names.map((name) => patch(path, etag, { name })));
        const statuses = results.map((r) => r.status).sort();
        expect(statuses).toEqual([200, ...Array(9).fill(412)]);
        const winner = results.find((r) => r.status === 200)!;
        const now = await http.get(admin, path);
        expect(now.body.name).toBe(winner.body.name);
        expect(now.headers.etag).toBe(`"${Number(etag.slice(1, -1)) + 1}"`);
      });

      it('lets exactly one of 10 concurrent user PATCHes with the same If-Match win', async () => {
        const user = await createUser(app, { roles: [Role.Caseworker] });
        const path = `${USERS}/${user.userId}`;
        const etag = await etagOf(http, path, admin.authHeader);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) => patch(path, etag, { displayName: `Name ${i}` })),
        );
        expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
      });
    });

    it.each([
      ['version', { version: 99 }],
      ['id', { id: randomUUID() }],
      ['kind', { kind: 'operator' }],
      ['createdAt', { createdAt: '2020-01-01T00:00:00Z' }],
    ])('refuses %s in a PATCH body (mass assignment) and changes nothing', async (field, body) => {
      const org = await createOrganisation(app);
      const path = `${ORGS}/${org.id}`;
      const before = await http.get(admin, path);
      const res = await patch(path, before.headers.etag, { ...body, name: uniqueName('x') });
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      const after = await http.get(admin, path);
      expect(after.body).toEqual(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);
    });

    it.each([
      ['name', { name: null }],
      ['active', { active: null }],
    ])('refuses null for %s with 400, not 500', async (field, body) => {
      const org = await createOrganisation(app);
      const res = await patch(`${ORGS}/${org.id}`, '"1"', body);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
    });

    it('records in the audit trail only the fields a PATCH sent', async () => {
      const org = await createOrganisation(app);
      const res = await patch(`${ORGS}/${org.id}`, '"1"', { active: false });
      expect(res.status).toBe(200);
      const [row] = await app
        .get(DataSource)
        .query<{ details: unknown }[]>(
          `SELECT details FROM audit_events WHERE action = 'organisation.update' AND resource_id = $1`,
          [org.id],
        );
      expect(row.details).toEqual({ organisationId: org.id, fields: ['active'], active: false });
    });

    it('filters by kind and walks the list with limit=1', async () => {
      const tag = randomUUID().slice(0, 8);
      // Digits sort before letters in every collation, so these come early in the list.
      const names = ['a', 'b', 'c'].map((s) => `0000 ${tag} ${s}`);
      for (const name of names)
        expect((await postOrg({ kind: 'provider', name })).status).toBe(201);

      const providers = await http.get(admin, `${ORGS}?kind=provider&limit=100`);
      expect(providers.status).toBe(200);
      expect(providers.body.items.length).toBeGreaterThan(0);
      expect((providers.body.items as { kind: string }[]).every((o) => o.kind === 'provider')).toBe(
        true,
      );
      const jobcenters = await http.get(admin, `${ORGS}?kind=jobcenter&limit=100`);
      expect((jobcenters.body.items as { name: string }[]).map((o) => o.name)).not.toContain(
        names[0],
      );

      const seen: string[] = [];
      const ids = new Set<string>();
      let cursor: string | null = null;
      for (let page = 0; page < 500; page++) {
        const res: Response = await http.get(
          admin,
          `${ORGS}?kind=provider&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        expect(ids.has(res.body.items[0].id)).toBe(false);
        ids.add(res.body.items[0].id);
        seen.push(res.body.items[0].name);
        cursor = res.body.nextCursor;
        if (names.every((n) => seen.includes(n)) || !cursor) break;
      }
      const mine = seen.filter((n) => n.includes(tag));
      expect(mine).toEqual(names);
    });

    it('refuses a cursor it did not issue', async () => {
      const res = await http.get(admin, `${ORGS}?cursor=bm90LWEtY3Vyc29y`);
      expect(res.status).toBe(400);
    });
  });

  describe('users', () => {
    it('creates one (a lead): 201, Location, ETag, an activation code, no password or hash', async () => {
      const { org, lead } = await jobcenterWithLead();
      const res = await postUser(userBody(org.id), lead);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${USERS}/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        organisation: { id: org.id, kind: 'jobcenter' },
        roles: ['caseworker'],
        active: true,
        passwordSet: false,
        activation: { userId: res.body.id, purpose: 'activation' },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/password"|hash|argon/i);
      const got = await http.get(admin, res.headers.location);
      expect({ ...got.body, activation: res.body.activation }).toEqual(res.body);
    });

    it('refuses an email with a lone surrogate (validator would throw URIError) with 400, not 500', async () => {
      const org = await createOrganisation(app, OrganisationKind.Jobcenter);
      const res = await http.post(
        admin,
        USERS,
        JSON.stringify(userBody(org.id, { email: 'x\uD800@test.invalid' })),
        { headers: { 'Content-Type': 'application/json' } },
      );
      const body = expectProblem(res, 400, 'invalid-json');
      expect(body.detail).toMatch(/lone UTF-16 surrogate/);
    });

    it('treats email addresses case-insensitively', async () => {
      const { org, lead } = await jobcenterWithLead();
      const local = `Erika.${randomUUID().slice(0, 8)}`;
      const res = await postUser(userBody(org.id, { email: `${local}@X.de` }), lead);
      expect(res.status).toBe(201);
      expect(res.body.email).toBe(`${local.toLowerCase()}@x.de`);
      expectProblem(
        await postUser(userBody(org.id, { email: `${local.toLowerCase()}@x.de` }), lead),
        409,
        'email-taken',
      );
      // An admin's request for a taken address is refused at once, too.
      expectProblem(
        await postUser(userBody(org.id, { email: ` ${local.toUpperCase()}@X.DE ` })),
        409,
        'email-taken',
      );
      await http
        .post('anonymous', '/api/v1/auth/activate', {
          code: res.body.activation.code,
          newPassword: PASSWORD,
        })
        .expect(204);
      const signedIn = await login(http, `${local.toUpperCase()}@X.DE`, PASSWORD);
      expect(signedIn.status).toBe(200);
    });

    it('refuses a duplicate email with 409, also when two leads try at once', async () => {
      const { org, lead } = await jobcenterWithLead();
      const other = await createUser(app, {
        roles: [Role.JobcenterLead],
        organisationId: org.id,
      });
      const body = userBody(org.id);
      const results = await Promise.all([lead, other, lead, other].map((as) => postUser(body, as)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expectProblem(r, 409, 'email-taken');
      }
    });

    it.each([
      ['caseworker at a provider', OrganisationKind.Provider, [Role.Caseworker]],
      ['provider_lead at a jobcenter', OrganisationKind.Jobcenter, [Role.ProviderLead]],
      ['admin at a jobcenter', OrganisationKind.Jobcenter, [Role.Admin]],
      [
        'admin and caseworker at the operator',
        OrganisationKind.Operator,
        [Role.Admin, Role.Caseworker],
      ],
    ])('refuses a %s with 422', async (_, kind, roles) => {
      const org = await createOrganisation(app, kind);
      expectProblem(await postUser(userBody(org.id, { roles })), 422, 'role-not-allowed');
    });

    it('refuses a change of roles that does not fit the organisation with 422', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const path = `${USERS}/${user.userId}`;
      const etag = await etagOf(http, path, admin.authHeader);
      expectProblem(
        await patch(path, etag, { roles: [Role.ProviderWorker] }),
        422,
        'role-not-allowed',
      );
      expect((await http.get(admin, path)).body.roles).toEqual(['caseworker']);
    });

    it('answers an unknown organisation with 404, unknown user with 404, non-UUID with 400', async () => {
      expectProblem(await postUser(userBody(randomUUID())), 404, 'not-found');
      expectProblem(await http.get(admin, `${USERS}/${randomUUID()}`), 404, 'not-found');
      expectProblem(
        await http.post(admin, `${USERS}/${randomUUID()}/password`, {}),
        404,
        'not-found',
      );
      const res = await http.patch(admin, `${USERS}/123`, {}, { ifMatch: '"1"' });
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual(['id']);
    });

    it('needs If-Match on PATCH (428) and refuses a stale one (412)', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const path = `${USERS}/${user.userId}`;
      expectProblem(
        await patch(path, undefined, { displayName: 'x' }),
        428,
        'precondition-required',
      );
      const etag = await etagOf(http, path, admin.authHeader);
      expect((await patch(path, etag, { displayName: 'Erste Änderung' })).status).toBe(200);
      expectProblem(await patch(path, etag, { displayName: 'Zweite' }), 412, 'precondition-failed');
      expect((await http.get(admin, path)).body.displayName).toBe('Erste Änderung');
    });

    it.each([
      ['passwordHash', { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$AAAA$AAAA' }],
      ['version', { version: 1 }],
      ['id', { id: randomUUID() }],
      ['email', { email: 'new@test.invalid' }],
      ['organisationId', { organisationId: randomUUID() }],
      ['password', { password: PASSWORD }],
    ])('refuses %s in a PATCH body (mass assignment) and changes nothing', async (field, body) => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const path = `${USERS}/${user.userId}`;
      const before = await http.get(admin, path);
      const res = await patch(path, before.headers.etag, { ...body, displayName: 'Neu' });
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      const after = await http.get(admin, path);
      expect(after.body).toEqual(before.body);
      expect((await login(http, user.email, user.password)).status).toBe(200);
    });

    it.each([
      ['passwordHash', { passwordHash: 'x' }],
      ['active', { active: false }],
      ['id', { id: randomUUID() }],
      ['initialPassword', { initialPassword: PASSWORD }],
    ])('refuses %s in a POST body (mass assignment)', async (field, extra) => {
      const org = await createOrganisation(app);
      const res = await postUser({ ...userBody(org.id), ...extra });
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
    });

    it.each([
      ['displayName', { displayName: null }],
      ['roles', { roles: null }],
      ['active', { active: null }],
    ])('refuses null for %s with 400, not 500', async (field, body) => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const path = `${USERS}/${user.userId}`;
      const etag = await etagOf(http, path, admin.authHeader);
      expect(
        fieldsOf(expectProblem(await patch(path, etag, body), 400, 'validation-error')),
      ).toEqual([field]);
    });

    it('records in the audit trail only the fields a PATCH sent', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const path = `${USERS}/${user.userId}`;
      const res = await patch(path, await etagOf(http, path, admin.authHeader), {
        displayName: 'Nur der Name',
      });
      expect(res.status).toBe(200);
      const [row] = await app
        .get(DataSource)
        .query<{ details: { fields: string[] } }[]>(
          `SELECT details FROM audit_events WHERE action = 'user.update' AND resource_id = $1`,
          [user.userId],
        );
      expect(row.details.fields).toEqual(['displayName']);
    });

    it('filters by organisation and active, and walks the list with limit=1', async () => {
      const org = await createOrganisation(app);
      const created = [];
      for (const active of [true, true, false]) {
        const user = await createUser(app, {
          roles: [Role.Caseworker],
          organisationId: org.id,
          active,
        });
        created.push({ id: user.userId, email: user.email, active });
      }
      const all = await http.get(admin, `${USERS}?organisationId=${org.id}`);
      expect(all.status).toBe(200);
      const expected = [...created].sort((a, b) => (a.email < b.email ? -1 : 1)).map((u) => u.id);
      expect((all.body.items as { id: string }[]).map((u) => u.id)).toEqual(expected);
      expect(all.body.nextCursor).toBeNull();

      const inactive = await http.get(admin, `${USERS}?organisationId=${org.id}&active=false`);
      expect((inactive.body.items as { id: string }[]).map((u) => u.id)).toEqual(
        created.filter((u) => !u.active).map((u) => u.id),
      );
      const active = await http.get(admin, `${USERS}?organisationId=${org.id}&active=true`);
      expect(active.body.items).toHaveLength(2);

      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await http.get(
          admin,
          `${USERS}?organisationId=${org.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        walked.push(res.body.items[0].id);
        cursor = res.body.nextCursor;
      } while (cursor && walked.length < 10);
      expect(walked).toEqual(expected);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['active=maybe', 'active'],
      ['organisationId=nope', 'organisationId'],
    ])('refuses the query %s with 400', async (query, field) => {
      const res = await http.get(admin, `${USERS}?${query}`);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
    });
  });

  it('keeps organisations from everybody but the admin, users from all but admins and leads', async () => {
    const lead = await createUser(app, { roles: [Role.JobcenterLead] });
    const caseworker = await createUser(app, {
      roles: [Role.Caseworker],
      organisationId: lead.organisationId,
    });
    const org = await createOrganisation(app);
    for (const [who, call] of [
      [lead, (as: HttpActor) => http.get(as, ORGS)],
      [lead, (as: HttpActor) => http.post(as, ORGS, { kind: 'provider', name: uniqueName('x') })],
      [caseworker, (as: HttpActor) => http.get(as, USERS)],
      [caseworker, (as: HttpActor) => http.post(as, USERS, userBody(org.id))],
      [caseworker, (as: HttpActor) => http.post(as, `${USERS}/${lead.userId}/password`, {})],
    ] as const) {
      expectProblem(await call(who), 403, 'forbidden');
    }
  });
});
