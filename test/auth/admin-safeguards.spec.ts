import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createApiKey, createOrganisation, createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

describe('safeguards around deactivation, self-demotion and schemes', () => {
  let app: NestFastifyApplication;
  let admin: TestUser;
  let http: TestHttp;

  async function versionOf(table: 'users' | 'organisations', id: string): Promise<number> {
    const [row] = await app
      .get(DataSource)
      .query<{ version: number }[]>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    return row.version;
  }

  async function setActive(organisationId: string, active: boolean): Promise<void> {
    await http
      .patch(
        admin,
        `/api/v1/organisations/${organisationId}`,
        { active },
        { ifMatch: `"${await versionOf('organisations', organisationId)}"` },
      )
      .expect(200);
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '3' } });
    http = httpOf(app);
    admin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('deactivating an organisation ends its sessions for good; reactivating does not revive them', async () => {
    const org = await createOrganisation(app, OrganisationKind.Jobcenter);
    const user = await createUser(app, { roles: [Role.Caseworker], organisationId: org.id });
    await setActive(org.id, false);
    expectProblem(await http.get(user, '/api/v1/me'), 401, 'unauthorized');
    await setActive(org.id, true);
    expectProblem(await http.get(user, '/api/v1/me'), 401, 'unauthorized');
    expectProblem(
      await http.post('anonymous', '/api/v1/auth/refresh', { refreshToken: user.refreshToken }),
      401,
      'invalid-refresh-token',
    );
    await http
      .post('anonymous', '/api/v1/auth/login', { email: user.email, password: user.password })
      .expect(200);
  });

  it('refuses new users and keys in a deactivated organisation', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    await setActive(provider.id, false);
    const user = await http.post(admin, '/api/v1/users', {
      organisationId: provider.id,
      email: `${randomUUID()}@test.lotse.invalid`,
      displayName: 'Too late',
      roles: ['provider_worker'],
    });
    expectProblem(user, 422, 'organisation-inactive');
    const key = await http.post(admin, `/api/v1/organisations/${provider.id}/api-keys`, {
      name: 'Too late',
      scopes: ['reports:write'],
    });
    expectProblem(key, 422, 'organisation-inactive');
  });

  it.each([
    ['disable themselves', { active: false }],
    ['drop their own admin role', { roles: ['auditor'] }],
  ])('an admin cannot %s', async (_, body) => {
    const self = await createUser(app, { roles: [Role.Admin] });
    const res = await http.patch(self, `/api/v1/users/${self.userId}`, body, {
      ifMatch: `"${await versionOf('users', self.userId)}"`,
    });
    expectProblem(res, 422, 'cannot-lock-yourself-out');
    await http.get(self, '/api/v1/users').expect(200);
  });

  it('another admin can disable an admin', async () => {
    const other = await createUser(app, { roles: [Role.Admin] });
    await http
      .patch(
        admin,
        `/api/v1/users/${other.userId}`,
        { active: false },
        { ifMatch: `"${await versionOf('users', other.userId)}"` },
      )
      .expect(200);
    expectProblem(await http.get(other, '/api/v1/me'), 401, 'unauthorized');
  });

  it('accepts the authentication schemes in any case (RFC 9110)', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    await http.get({ Authorization: `bearer ${user.accessToken}` }, '/api/v1/me').expect(200);
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const key = await createApiKey(app, { organisationId: provider.id, admin });
    await http.get({ Authorization: `APIKEY ${key.key}` }, '/api/v1/api-keys/current').expect(200);
  });

  it('throttles password changes per user (429 after the account limit)', async () => {
    const user = await createUser(app, { roles: [Role.ProviderWorker] });
    const attempt = () =>
      http.post(user, '/api/v1/me/password', {
        currentPassword: 'not the current one',
        newPassword: 'Ein neues langes Kennwort',
      });
    for (let i = 0; i < 3; i++) expectProblem(await attempt(), 422, 'wrong-current-password');
    const blocked = await attempt();
    expectProblem(blocked, 429, 'too-many-requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
