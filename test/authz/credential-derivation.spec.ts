import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { createUser, type TestUser } from '../factories/identity';
import { httpOf, type AuthHeader, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import type { MatrixActor } from './matrix/actors';
import { MATRIX_EMAIL_DOMAIN } from './matrix/db-state';
import { loadDerivations } from './matrix/matrix-file';
import { RECIPES, type CellContext } from './matrix/recipes';
import { buildMatrixWorld, SideFactory, type MatrixWorld } from './matrix/world';

/**
 * Issue 13, hole 2 (ADR 0008): the credential-derivation cells of `authz-matrix.json`. The
 * operator's admin acts alone over HTTP the way an attacker would (choosing a password, taking a
 * key or code from any answer), then tries whatever it holds on every content route. One test
 * per derivation and route; each also shows, with the provider's own people, that the route
 * does serve content, so that a refusal means something.
 */
const section = loadDerivations();
const KEY = /lotse_[a-z2-7]{10}_[A-Za-z0-9_-]{43}/g;
const CODE = /[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}/g;
const ADMIN_PASSWORD = 'Vom Betrieb gewählt und notiert 2026';

/** A credential and where the admin got it. */
interface Held {
  label: string;
  headers: AuthHeader;
}

describe('credential derivation (test/authz/authz-matrix.json, credentialDerivation)', () => {
  let app: NestFastifyApplication;
  let world: MatrixWorld;
  let admin: TestUser;
  /** What the admin holds after each derivation. */
  const held = new Map<string, Held[]>();

  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildMatrixWorld(app);
    admin = world.base.admin;
    await app.listen(0, '127.0.0.1');
    http = httpOf(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    const derive: Record<string, () => Promise<Held[]>> = {
      adminMadeKey,
      adminMadeUser,
      adminReset,
    };
    expect(Object.keys(derive).sort()).toEqual(Object.keys(section.derivations).sort());
    for (const [name, run] of Object.entries(derive)) held.set(name, await run());
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Everything the admin can read after acting: the answers, and what they point to. */
  async function harvest(answers: Response[], emails: string[]): Promise<Held[]> {
    const texts = answers.map((res) => res.text);
    for (const res of answers) {
      const location = res.headers.location as string | undefined;
      if (location) texts.push((await http.get(admin, location)).text);
    }
    texts.push((await http.get(admin, '/api/v1/approval-requests?limit=100')).text);
    const text = texts.join('\n');
    const result: Held[] = [{ label: "the admin's own session", headers: admin.authHeader }];
    for (const key of new Set(text.match(KEY) ?? [])) {
      result.push({
        label: `API key ${key.slice(0, 16)}…`,
        headers: { Authorization: `ApiKey ${key}` },
      });
    }
    for (const code of new Set(text.match(CODE) ?? [])) {
      await http.post('anonymous', '/api/v1/auth/activate', { code, newPassword: ADMIN_PASSWORD });
    }
    for (const email of emails) {
      const res = await http.post('anonymous', '/api/v1/auth/login', {
        email,
        password: ADMIN_PASSWORD,
      });
      if (res.status === 200) {
        const { accessToken } = res.body as { accessToken: string };
        result.push({
          label: `a login as ${email}`,
          headers: { Authorization: `Bearer ${accessToken}` },
        });
      }
    }
    return result;
  }

  async function adminMadeKey(): Promise<Held[]> {
    const res = await http.post(admin, `/api/v1/organisations/${world.base.providerP1}/api-keys`, {
      name: 'Betrieb',
      scopes: Object.values(ApiKeyScope),
    });
    return harvest([res], []);
  }

  async function adminMadeUser(): Promise<Held[]> {
    const email = `${randomUUID()}@${MATRIX_EMAIL_DOMAIN}`;
    const body = {
      organisationId: world.base.providerP1,
      email,
      displayName: 'Leitung (vom Betrieb angelegt)',
      roles: [Role.ProviderLead],
    };
    const answers = [
      await http.post(admin, '/api/v1/users', { ...body, initialPassword: ADMIN_PASSWORD }),
    ];
    if (answers[0].status === 400) {
      answers.push(await http.post(admin, '/api/v1/users', body));
    }
    return harvest(answers, [email]);
  }

  async function adminReset(): Promise<Held[]> {
    const victim = await createUser(app, {
      roles: [Role.ProviderLead],
      organisationId: world.base.providerP1,
    });
    const path = `/api/v1/users/${victim.userId}/password`;
    const answers = [await http.post(admin, path, { newPassword: ADMIN_PASSWORD })];
    if (answers[0].status === 400) {
      answers.push(await http.post(admin, path, {}));
    }
    return harvest(answers, [victim.email]);
  }

  /** The request a content route gets, on the own side's objects, with these credentials. */
  async function send(route: string, headers: AuthHeader): Promise<Response> {
    const actor: MatrixActor = { name: 'admin', side: 0, as: headers };
    const side = world.sides[0];
    const context: CellContext = {
      app,
      world,
      actor,
      own: side,
      side,
      which: 'own',
      allowed: false,
      make: new SideFactory(app, world, side),
      fresh: (create) => create(),
    };
    const plan = await RECIPES[route](context);
    const [method, template] = route.split(' ');
    if (method !== 'GET') throw new Error(`${route}: content routes are reads`);
    return http.get(headers, template.replace('{id}', plan.id ?? ''), {
      headers: plan.headers,
      query: plan.query ?? {},
    });
  }

  for (const derivation of Object.keys(section.derivations)) {
    describe(derivation, () => {
      for (const route of section.contentRoutes) {
        it(`${route}: nothing the admin holds reads case content`, async () => {
          const read: string[] = [];
          for (const credential of held.get(derivation)!) {
            const res = await send(route, credential.headers);
            if (!section.expect.includes(res.status))
              read.push(`${credential.label}: ${res.status}`);
          }
          expect(read).toEqual([]);
          // The route does serve content to the provider's or jobcenter's own people.
          const served = await Promise.all(
            [world.base.leadP1, world.base.workerP1, world.base.caseworkerA].map(
              async (person) => (await send(route, person.authHeader)).status,
            ),
          );
          expect(served).toContain(200);
        });
      }
    });
  }
});
