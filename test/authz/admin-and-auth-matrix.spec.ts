import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
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
import { uniqueName } from '../factories/unique';
import { httpOf, type HttpActor } from '../support/http';
import { createTestApp } from '../support/test-app';

/**
 * Every admin and auth route × every kind of caller, with the expected status written down
 * here by hand (not derived from the role table it checks). `{P1}` is the provider of the
 * provider lead and of the API key; `{P2}` another provider, whose objects must not exist for
 * them (404). One test per cell, named after it.
 */
const MATRIX = `
route                                   anonymous caseworker jobcenter_lead provider_worker provider_lead auditor admin api_key partner_staff
POST /auth/login                        401       200        200            200             200           200     200   401     200
POST /auth/refresh                      401       200        200            200             200           200     200   401     200
POST /auth/logout                       401       204        204            204             204           204     204   403     204
GET /me                                 401       200        200            200             200           200     200   403     200
POST /me/password                       401       204        204            204             204           204     204   403     204
GET /organisations                      401       403        403            403             403           403     200   403     403
POST /organisations                     401       403        403            403             403           403     201   403     403
GET /organisations/{P1}                 401       403        403            403             403           403     200   403     403
PATCH /organisations/{P1}               401       403        403            403             403           403     200   403     403
GET /users                              401       403        200            403             200           403     200   403     403
POST /users                             401       403        201            403             404           403     202   403     403
GET /users/{user}                       401       403        200            403             404           403     200   403     403
PATCH /users/{user}                     401       403        200            403             404           403     200   403     403
POST /users/{user}/password             401       403        200            403             404           403     202   403     403
GET /organisations/{P1}/api-keys        401       403        403            403             200           403     200   403     403
GET /organisations/{P2}/api-keys        401       403        403            403             404           403     200   403     403
POST /organisations/{P1}/api-keys       401       403        403            403             201           403     202   403     403
POST /organisations/{P2}/api-keys       401       403        403            403             404           403     202   403     403
GET /organisations/{P1}/operator-actions 401      403        404            403             200           403     403   403     403
GET /approval-requests                  401       403        200            403             200           403     200   403     403
GET /api-keys/{P1-key}                  401       403        403            403             200           403     200   403     403
GET /api-keys/{P2-key}                  401       403        403            403             404           403     200   403     403
POST /api-keys/{P1-key}/revoke          401       403        403            403             200           403     200   403     403
POST /api-keys/{P2-key}/revoke          401       403        403            403             404           403     200   403     403
GET /api-keys/current                   401       403        403            403             403           403     403   200     403
GET /audit-events                       401       403        403            403             403           200     403   403     403
GET /audit-events/verify                401       403        403            403             403           200     403   403     403
`;

const ACTORS = [
  'anonymous',
  'caseworker',
  'jobcenter_lead',
  'provider_worker',
  'provider_lead',
  'auditor',
  'admin',
  'api_key',
  'partner_staff',
] as const;
type ActorName = (typeof ACTORS)[number];
const ROLE_OF: Record<Exclude<ActorName, 'anonymous' | 'api_key'>, Role> = {
  partner_staff: Role.PartnerStaff,
  caseworker: Role.Caseworker,
  jobcenter_lead: Role.JobcenterLead,
  provider_worker: Role.ProviderWorker,
  provider_lead: Role.ProviderLead,
  auditor: Role.Auditor,
  admin: Role.Admin,
};

const cells = MATRIX.trim()
  .split('\n')
  .slice(1)
  .flatMap((line) => {
    const parts = line.trim().split(/\s+/);
    const statuses = parts.slice(2).map(Number);
    const route = `${parts[0]} ${parts[1]}`;
    return ACTORS.map((actor, i) => ({ route, actor, expected: statuses[i] }));
  });

interface World {
  jobcenter: string;
  p1: string;
  p2: string;
  operator: string;
  partner: string;
  admin: TestUser;
  p1Key: TestApiKey;
}

describe('admin and auth routes × callers', () => {
  let app: NestFastifyApplication;
  let world: World;

  beforeAll(async () => {
    app = await createTestApp();
    const [jobcenter, p1, p2, operator, partner] = await Promise.all([
      createOrganisation(app, OrganisationKind.Jobcenter),
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Operator),
      createOrganisation(app, OrganisationKind.Partner),
    ]);
    const admin = await createUser(app, { roles: [Role.Admin], organisationId: operator.id });
    world = {
      jobcenter: jobcenter.id,
      p1: p1.id,
      p2: p2.id,
      operator: operator.id,
      partner: partner.id,
      admin,
      p1Key: await createApiKey(app, { organisationId: p1.id, admin }),
    };
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh caller of the given kind, so that cells that sign out or rotate stay independent. */
  async function caller(actor: ActorName): Promise<{ as: HttpActor; user?: TestUser }> {
    if (actor === 'anonymous') return { as: 'anonymous' };
    if (actor === 'api_key') return { as: world.p1Key };
    const role = ROLE_OF[actor];
    const organisationId = {
      [Role.Caseworker]: world.jobcenter,
      [Role.JobcenterLead]: world.jobcenter,
      [Role.ProviderWorker]: world.p1,
      [Role.ProviderLead]: world.p1,
      [Role.Auditor]: world.jobcenter,
      [Role.Admin]: world.operator,
      [Role.PartnerStaff]: world.partner,
    }[role];
    const user = await createUser(app, { roles: [role], organisationId });
    return { as: user, user };
  }

  async function target(): Promise<{ user: string; userVersion: number; orgVersion: number }> {
    const subject = await createUser(app, {
      roles: [Role.Caseworker],
      organisationId: world.jobcenter,
    });
    const ds = app.get(DataSource);
    const [{ version: userVersion }] = await ds.query<{ version: number }[]>(
      'SELECT version FROM users WHERE id = $1',
      [subject.userId],
    );
    const [{ version: orgVersion }] = await ds.query<{ version: number }[]>(
      'SELECT version FROM organisations WHERE id = $1',
      [world.p1],
    );
    return { user: subject.userId, userVersion, orgVersion };
  }

  async function call(route: string, actor: ActorName): Promise<Response> {
    const { as, user } = await caller(actor);
    const [method, template] = route.split(' ');
    const t = await target();
    const keyOf = async (org: string): Promise<string> =>
      (await createApiKey(app, { organisationId: org, admin: world.admin })).id;
    const ids: Record<string, () => Promise<string> | string> = {
      '{P1}': () => world.p1,
      '{P2}': () => world.p2,
      '{user}': () => t.user,
      '{P1-key}': () => keyOf(world.p1),
      '{P2-key}': () => keyOf(world.p2),
    };
    let path = template;
    for (const [placeholder, id] of Object.entries(ids)) {
      if (path.includes(placeholder)) path = path.replace(placeholder, await id());
    }
    const bodies: Record<string, object> = {
      'POST /auth/login': user
        ? { email: user.email, password: user.password }
        : { email: 'nobody@test.lotse.invalid', password: 'not the password at all' },
      'POST /auth/refresh': { refreshToken: user?.refreshToken ?? 'bm90LWEtdG9rZW4' },
      'POST /me/password': {
        currentPassword: user?.password ?? 'x',
        newPassword: uniqueName('Neues Kennwort für'),
      },
      'POST /organisations': { kind: 'provider', name: uniqueName('Matrix Träger') },
      'PATCH /organisations/{P1}': { name: uniqueName('Matrix Träger') },
      'POST /users': {
        organisationId: world.jobcenter,
        email: `${randomUUID()}@test.lotse.invalid`,
        displayName: 'Matrix User',
        roles: ['caseworker'],
      },
      'PATCH /users/{user}': { displayName: 'Renamed by the matrix' },
      'POST /organisations/{P1}/api-keys': {
        name: 'Matrix key',
        scopes: [ApiKeyScope.ReportsWrite],
      },
      'POST /organisations/{P2}/api-keys': {
        name: 'Matrix key',
        scopes: [ApiKeyScope.ReportsWrite],
      },
    };
    const ifMatch: Record<string, number | undefined> = {
      'PATCH /organisations/{P1}': t.orgVersion,
      'PATCH /users/{user}': t.userVersion,
    };
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch';
    return httpOf(app).send(
      as,
      verb,
      `/api/v1${path}`,
      bodies[route] ?? (method === 'GET' ? undefined : {}),
      { ifMatch: ifMatch[route] },
    );
  }

  it.each(cells)('$route as $actor → $expected', async ({ route, actor, expected }) => {
    const res = await call(route, actor);
    if (res.status !== expected) {
      throw new Error(
        `${route} as ${actor}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    if (expected === 403) {
      const rows = await app
        .get(DataSource)
        .query<{ action: string }[]>(
          "SELECT action FROM audit_events WHERE request_id = $1 AND outcome = 'denied'",
          [res.headers['x-request-id']],
        );
      expect(rows.map((r) => r.action)).toEqual(['access.denied']);
    }
  });
});
