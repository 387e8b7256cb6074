import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'supertest';
import { API_PREFIX } from '../../src/app.setup';
import { renderAuthorizationTable } from '../../src/auth/authorization-table';
import { Role } from '../../src/auth/role';
import { routeInventory, type RouteAccess } from '../../src/auth/route-inventory';
import { createUser } from '../factories/identity';
import { matrixDrift } from './matrix/drift';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type Method } from '../support/http';

const TABLE = join(__dirname, '../../docs/authorization.md');

/** A route somebody forgot to declare: the guard must refuse it to everybody. */
@Controller('forgotten')
class ForgottenController {
  @Get()
  forgottenRoute(): string {
    return 'this must never be served';
  }
}

function send(app: NestFastifyApplication, route: string, body?: object): Test {
  const [method, path] = route.split(' ');
  const url = path.replace(/\{\w+\}/g, randomUUID());
  return httpOf(app).send('anonymous', method.toLowerCase() as Method, url, body);
}

describe('route drift and deny by default', () => {
  let app: NestFastifyApplication;
  let routes: RouteAccess[];

  beforeAll(async () => {
    app = await createTestApp();
    routes = routeInventory(app, API_PREFIX);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the routes of every module', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/users/{id}']),
    );
  });

  it('every route is public or declares a permission', () => {
    expect(routes.filter((r) => r.access === 'undeclared')).toEqual([]);
  });

  it('docs/authorization.md matches the code (else run `npm run authz:table` and review)', () => {
    expect(readFileSync(TABLE, 'utf8')).toBe(renderAuthorizationTable(routes));
  });

  it('authz-matrix.json has a row and a request recipe for every route, and none for others', () => {
    expect(matrixDrift(routes.map((r) => r.route))).toEqual([]);
  });

  it('every non-public route answers 401 without credentials', async () => {
    const protectedRoutes = routes.filter((r) => r.access !== 'public');
    for (const { route } of protectedRoutes) {
      const res = await send(app, route, {});
      if (res.status !== 401) throw new Error(`${route} without credentials: ${res.status}`);
      expectProblem(res, 401, 'unauthorized');
    }
  });

  describe('a route without @Public() or @Can()', () => {
    let withForgotten: NestFastifyApplication;

    beforeAll(async () => {
      withForgotten = await createTestApp({ extra: { controllers: [ForgottenController] } });
    });
    afterAll(async () => {
      await withForgotten.close();
    });

    it('is refused to everybody, admin included, and shows up as undeclared', async () => {
      const admin = await createUser(withForgotten, { roles: [Role.Admin] });
      await httpOf(withForgotten).get('anonymous', '/api/v1/forgotten').expect(401);
      const res = await httpOf(withForgotten).get(admin, '/api/v1/forgotten');
      expectProblem(res, 403, 'forbidden');
      expect(routeInventory(withForgotten, API_PREFIX)).toContainEqual({
        route: 'GET /api/v1/forgotten',
        handler: 'ForgottenController.forgottenRoute',
        access: 'undeclared',
      });
    });

    it('is named as drift: no matrix row and no request recipe', () => {
      const inventory = routeInventory(withForgotten, API_PREFIX).map((r) => r.route);
      expect(matrixDrift(inventory)).toEqual([
        'GET /api/v1/forgotten: no row in authz-matrix.json',
        'GET /api/v1/forgotten: no request recipe',
      ]);
      const withoutUsers = inventory.filter((r) => r !== 'GET /api/v1/users');
      expect(matrixDrift(withoutUsers)).toEqual(
        expect.arrayContaining([
          'GET /api/v1/users: matrix row for a route that is gone',
          'GET /api/v1/users: recipe for a route that is gone',
        ]),
      );
    });
  });
});
