import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/identity/organisation.entity';
import { createApiKey, createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createTestApp } from '../support/test-app';
import { auditRowsOf, bearer, etagOf, httpOf, login, ME, type Http } from './helpers';

describe('probe', () => {
  let app: NestFastifyApplication;
  let http: Http;
  let admin: TestUser;
  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    admin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => { await app.close(); });
  const patch = async (path: string, body: unknown) => {
    const etag = await etagOf(http, path, admin.authHeader);
    return http().patch(path).set(admin.authHeader).set('If-Match', etag).send(body as object);
  };

  it('probes', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const lead = await createUser(app, { roles: [Role.ProviderLead], organisationId: provider.id });
    const key = await createApiKey(app, { organisationId: provider.id, admin });
    console.warn('deactivate', (await patch(`/api/v1/organisations/${provider.id}`, { active: false })).status);
    console.warn('me after deactivate', (await http().get(ME).set(lead.authHeader)).status);
    console.warn('reactivate', (await patch(`/api/v1/organisations/${provider.id}`, { active: true })).status);
    console.warn('me after reactivate', (await http().get(ME).set(lead.authHeader)).status);
    console.warn('key after reactivate', (await http().get('/api/v1/api-keys/current').set(key.authHeader)).status);

    const u = await createUser(app, { roles: [Role.Caseworker] });
    const r = await patch(`/api/v1/users/${u.userId}`, { active: false });
    console.warn('patch active false', r.status, JSON.stringify(r.body));
    console.warn('audit', JSON.stringify((await app.get(DataSource).query(`select details from audit_events where resource_id=$1 and action='user.update'`, [u.userId]))));
    for (const body of [{ displayName: null }, { roles: null }, { active: null }, {}]) {
      const x = await patch(`/api/v1/users/${u.userId}`, body);
      console.warn('user patch', JSON.stringify(body), x.status, JSON.stringify(x.body).slice(0, 200));
    }
    for (const body of [{ name: null }, { active: null }]) {
      const x = await patch(`/api/v1/organisations/${provider.id}`, body);
      console.warn('org patch', JSON.stringify(body), x.status, JSON.stringify(x.body).slice(0, 200));
    }
    console.warn('lowercase bearer', (await http().get(ME).set('Authorization', `bearer ${u.accessToken}`)).status);
    const lower = await http().post('/api/v1/organisations').set(admin.authHeader).send({ kind: 'provider', name: provider.name.toLowerCase() });
    console.warn('org name other case', lower.status);
    // concurrent rename
    const orgs = await Promise.all([1, 2, 3, 4, 5].map(() => createOrganisation(app)));
    const target = `Rename ${Date.now()}`;
    const results = await Promise.all(orgs.map((o) => http().patch(`/api/v1/organisations/${o.id}`).set(admin.authHeader).set('If-Match', '"1"').send({ name: target })));
    console.warn('concurrent rename', results.map((x) => `${x.status} ${x.body.type ?? ''}`).join(', '));
    // concurrent create same name
    const target2 = `Create ${Date.now()}`;
    const created = await Promise.all([1, 2, 3, 4, 5].map(() => http().post('/api/v1/organisations').set(admin.authHeader).send({ kind: 'provider', name: target2 })));
    console.warn('concurrent create org', created.map((x) => x.status).join(', '));
    const email = `conc-${Date.now()}@x.de`;
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => http().post('/api/v1/users').set(admin.authHeader).send({ organisationId: provider.id, email, displayName: 'X', roles: ['provider_worker'], initialPassword: 'Nordsee Leuchtturm Fahrradkette' })));
    console.warn('concurrent create user', users.map((x) => x.status).join(', '));
    // brute force current password
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await http().post('/api/v1/me/password').set(bearer(lead.accessToken)).send({ currentPassword: `guess number ${i}`, newPassword: 'Nordsee Leuchtturm Fahrradkette' })).status);
    console.warn('me/password guesses', statuses.join(','));
    const self = await patch(`/api/v1/users/${admin.userId}`, { roles: ['auditor'] });
    console.warn('admin demotes self', self.status);
    void login; void auditRowsOf;
  });
});
