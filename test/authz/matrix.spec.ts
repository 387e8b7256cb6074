import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from '../../src/app.setup';
import { routeInventory } from '../../src/auth/route-inventory';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { actorsOf, type ActorName, type MatrixActor } from './matrix/actors';
import { WorldState } from './matrix/db-state';
import { cellsOf, loadMatrix, type MatrixCell } from './matrix/matrix-file';
import { RECIPES, type CellContext } from './matrix/recipes';
import { buildMatrixWorld, SideFactory, type MatrixWorld } from './matrix/world';

/**
 * docs/security.md items 1-4 and 28: every route × actor × {own, foreign} object of
 * `authz-matrix.json`, one test per cell, against one seeded world. A denial must also leave the
 * world's rows unchanged and (for an authenticated caller) write exactly one `access.denied`
 * event; a list must never return a foreign object of the world.
 */
const DENIALS = [401, 403, 404];
/**
 * Denied cells first: they write nothing (neither their set-up nor, if all is well, their
 * request), so one fingerprint serves as the next cell's "before" and each costs one query.
 */
const cells = [
  ...cellsOf(loadMatrix()).filter((c) => DENIALS.includes(c.expected)),
  ...cellsOf(loadMatrix()).filter((c) => !DENIALS.includes(c.expected)),
];

/** Fields of list items that name an object or an organisation of one side. */
const OBJECT_FIELDS = ['id', 'clientId', 'referralId', 'contractId', 'consentId', 'reportId'];
const ORGANISATION_FIELDS = ['organisationId'];

function itemsOf(body: unknown): Record<string, unknown>[] | undefined {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : undefined;
}

describe('authorization matrix (test/authz/authz-matrix.json)', () => {
  let app: NestFastifyApplication;
  let world: MatrixWorld;
  let actors: Record<ActorName, MatrixActor>;
  let state: WorldState;
  /** The fingerprint after the last denied cell, while nothing has been written since. */
  let lastTables: Record<string, string> | undefined;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildMatrixWorld(app);
    actors = actorsOf(world);
    // One listening socket for all cells (supertest would otherwise listen and close per request).
    await app.listen(0, '127.0.0.1');
    http = httpOf(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    state = new WorldState(app, () => [...world.orgIds[0], ...world.orgIds[1]]);
    expect(await state.uncoveredTables()).toEqual([]);
    const routes = new Set(routeInventory(app, API_PREFIX).map((r) => r.route));
    expect(cells.filter((c) => !routes.has(c.route)).map((c) => c.route)).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  // Sequential, in one world: denied cells share their objects, allowed writes make fresh ones.
  for (const cell of cells) {
    const name = `${cell.route} as ${cell.actor} on ${cell.which}: expected ${cell.expected}`;
    it(name, async () => {
      await check(cell);
    });
  }

  async function check(cell: MatrixCell): Promise<void> {
    const actor = actors[cell.actor];
    const own = world.sides[actor.side];
    const side = cell.which === 'own' ? own : world.sides[actor.side === 0 ? 1 : 0];
    let wrote = false;
    const make = new Proxy(new SideFactory(app, world, side), {
      get(target, property, receiver) {
        wrote = true;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const context: CellContext = {
      app,
      world,
      actor,
      own,
      side,
      which: cell.which,
      allowed: cell.expected < 300,
      make,
      fresh: (create) => {
        wrote = true;
        return create();
      },
    };
    const recipe = RECIPES[cell.route];
    if (!recipe)
      throw new Error(`${cell.route} has no request recipe (test/authz/matrix/recipes.ts)`);
    const plan = await recipe(context);
    const denial = DENIALS.includes(cell.expected);
    const before = denial ? (!wrote && lastTables) || (await state.read()).tables : undefined;
    lastTables = undefined;

    const [method, template] = cell.route.split(' ');
    if (template.includes('{id}') && !plan.id) throw new Error(`${cell.route}: recipe gave no id`);
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch';
    const res = await http.send(
      plan.auth ?? actor.as,
      verb,
      template.replace('{id}', plan.id ?? ''),
      plan.body,
      { headers: plan.headers, query: plan.query ?? {} },
    );
    if (res.status !== cell.expected) {
      const body = res.body as { type?: string; detail?: string };
      throw new Error(
        `${cell.route} as ${cell.actor} on ${cell.which}: expected ${cell.expected}, got ` +
          `${res.status} ${body?.type ?? ''} ${body?.detail ?? ''}`,
      );
    }

    if (denial) {
      const requestId = String(res.headers['x-request-id'] ?? '');
      const after = await state.read(requestId);
      expect(after.tables).toEqual(before);
      const authenticated = actor.name !== 'anonymous' && cell.expected !== 401;
      expect(after.audit).toEqual(
        authenticated ? [{ action: 'access.denied', outcome: 'denied' }] : [],
      );
      lastTables = after.tables;
      return;
    }

    const items = method === 'GET' ? itemsOf(res.body) : undefined;
    if (items && actor.name !== 'admin') {
      const otherSide = actor.side === 0 ? 1 : 0;
      const foreignObjects = world.objectIds[otherSide];
      const foreignOrganisations = world.orgIds[otherSide];
      // The operator is no side's: an operator action names the admin's organisation.
      const operators = [world.base.admin.organisationId, world.requester.organisationId];
      const leaked = items.filter(
        (item) =>
          OBJECT_FIELDS.some((f) => foreignObjects.has(item[f] as string)) ||
          ORGANISATION_FIELDS.some(
            (f) =>
              foreignOrganisations.has(item[f] as string) && !operators.includes(item[f] as string),
          ),
      );
      expect(leaked).toEqual([]);
    }
  }
});
