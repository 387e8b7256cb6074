import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { Permission } from '../../src/auth/permission';
import { permissionsOfRoles, permissionsOfScopes } from '../../src/auth/role-permissions';
import { routeInventory } from '../../src/auth/route-inventory';
import { createTestApp } from '../support/test-app';
import { buildRequest, type FuzzRequest } from './fuzz-request';
import { buildFuzzWorld, type FuzzActor, type FuzzWorld } from './fuzz-world';
import { loadOpenApi, operationsOf, type FuzzOperation } from './fuzz-operations';
import { plan as planArbitrary, type Plan } from './mutations';
import { violationsOf } from './response-oracle';
import { httpOf, type TestHttp } from '../support/http';

/**
 * SECURITY items 19, 27 and 4 (parameter pollution): every operation of the committed OpenAPI
 * document gets a bounded number of requests, each a valid one (openapi-sampler plus real ids of
 * a small world) with seeded fast-check mutations, sent as an actor that holds the operation's
 * permission. Every response must be below 500; every error problem+json; no body may leak a
 * stack, SQL or a path. FUZZ_RUNS_PER_OPERATION (default 50) sets the count, FUZZ_SEED the seed
 * (printed with every run; the plans replay from it, the world's state may differ).
 */
const RUNS = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(SEED)) {
  throw new Error('FUZZ_RUNS_PER_OPERATION and FUZZ_SEED must be integers (runs ≥ 1)');
}
/** Operations fuzzed at once: the app and the database overlap their work. */
const CONCURRENCY = 4;

const document = loadOpenApi();
const operations = operationsOf(document);

interface Finding {
  operationId: string;
  plan: Plan;
  request: Omit<FuzzRequest, 'body'> & { body?: string };
  status: number;
  problems: string[];
  responseBody: string;
}

/** Ending a session or changing a password must not spend the actors' own sessions. */
const SPENDS_SESSION = new Set([Permission.SessionEnd, Permission.ProfileChangePassword]);

/** Who may call the operation: the actors holding its permission (people, then the key). */
function actorsFor(
  op: FuzzOperation,
  access: string,
  fw: FuzzWorld,
): FuzzActor[] | 'anonymous' | 'self' {
  if (access === 'public') return 'anonymous';
  const permission = access as Permission;
  if (SPENDS_SESSION.has(permission)) return 'self';
  const holders = fw.actors.filter(
    (a) =>
      permissionsOfRoles(a.roles).has(permission) ||
      (a.scopes.length > 0 && permissionsOfScopes(a.scopes).has(permission)),
  );
  if (holders.length === 0)
    throw new Error(`No actor of the fuzz world may call ${op.operationId}`);
  return holders;
}

/** Long strings cut, so that a finding prints on a few lines. */
function short(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 60)}…(${v.length})` : v,
  );
}

function describeFinding(f: Finding): string {
  return [
    `- ${f.operationId} → ${f.status}: ${f.problems.join(', ')}`,
    `    ${f.request.method.toUpperCase()} ${short(f.request.url)} mutations ${short(f.plan.mutations)}`,
    `    body ${short(f.request.body)} response ${short(f.responseBody)}`,
  ].join('\n');
}

/** The fuzzed request as it is: its headers (credentials included) are the mutations' work. */
function send(http: TestHttp, request: FuzzRequest): Promise<Response> {
  const { method, url, headers, body } = request;
  return http
    .send('anonymous', method, url, body?.text, {
      headers: body ? { ...headers, 'Content-Type': body.contentType } : headers,
    })
    .ok(() => true);
}

interface Tally {
  sent: Map<string, number>;
  histogram: Map<number, number>;
  findings: Finding[];
  took: Map<string, number>;
}

describe('OpenAPI fuzzer: every operation, mutated requests, no 5xx and no leaks', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let fw: FuzzWorld;
  let access: Map<string, string>;

  beforeAll(async () => {
    // The login throttles stay as configured: a 429 is a fine answer too.
    app = await createTestApp();
    // One listening server for all requests, instead of one ephemeral port per request.
    await app.listen(0, '127.0.0.1');
    http = httpOf(app);
    fw = await buildFuzzWorld(app);
    access = new Map(routeInventory(app, 'api/v1').map((r) => [r.route, String(r.access)]));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function fuzzOperation(op: FuzzOperation, index: number, tally: Tally): Promise<void> {
    const started = Date.now();
    const route = `${op.method.toUpperCase()} ${op.path}`;
    const routeAccess = access.get(route);
    if (!routeAccess) throw new Error(`${route} is in openapi.json but not in the app`);
    const actors = actorsFor(op, routeAccess, fw);
    const count = (res: Response): void => {
      tally.histogram.set(res.status, (tally.histogram.get(res.status) ?? 0) + 1);
    };
    for (const plan of fc.sample(planArbitrary, { seed: SEED + index, numRuns: RUNS })) {
      let auth: { headers: Record<string, string>; refreshToken?: string } = { headers: {} };
      if (actors === 'self' || op.operationId === 'refreshTokens') {
        const session = await fw.freshSession();
        auth = {
          headers: actors === 'self' ? session.authHeader : {},
          refreshToken: session.refreshToken,
        };
      } else if (actors !== 'anonymous') {
        auth = { headers: actors[plan.actorPick % actors.length].authHeader };
      }
      const request = await buildRequest({
        op,
        plan,
        fw,
        document,
        auth,
        etag: async (path) => {
          const res = await http.get('anonymous', path, { headers: auth.headers });
          count(res);
          return res.status === 200 ? res.headers.etag : undefined;
        },
      });
      const res = await send(http, request);
      count(res);
      tally.sent.set(op.operationId, (tally.sent.get(op.operationId) ?? 0) + 1);
      const problems = violationsOf(res, request.expectedStatus);
      if (problems.length > 0) {
        tally.findings.push({
          operationId: op.operationId,
          plan,
          request: { ...request, body: request.body?.text.slice(0, 300) },
          status: res.status,
          problems,
          responseBody: (res.text ?? '').slice(0, 500),
        });
      }
    }
    tally.took.set(op.operationId, Date.now() - started);
  }

  it(`sends ${RUNS} requests to each of the ${operations.length} operations: no 5xx, errors as problem+json, no leaks`, async () => {
    const started = Date.now();
    const tally: Tally = { sent: new Map(), histogram: new Map(), findings: [], took: new Map() };
    const queue = [...operations.entries()];
    // Settled, not all: a failing worker must not leave the others sending to a closed app.
    const workers = await Promise.allSettled(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await fuzzOperation(next[1], next[0], tally);
        }
      }),
    );
    for (const worker of workers) if (worker.status === 'rejected') throw worker.reason;

    const { sent, histogram, findings, took } = tally;
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    const statuses = [...histogram.entries()].sort(([a], [b]) => a - b);
    const slowest = [...took.entries()].sort(([, a], [, b]) => b - a).slice(0, 5);
    console.warn(
      [
        `OpenAPI fuzz (seed ${SEED}, FUZZ_RUNS_PER_OPERATION=${RUNS}):`,
        `  operations ${sent.size}/${operations.length}, requests ${total}` +
          ` (+${statuses.reduce((a, [, n]) => a + n, 0) - total} ETag reads),` +
          ` min per operation ${Math.min(...sent.values())}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  statuses ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}`,
        `  slowest ${slowest.map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
        `  findings ${findings.length}`,
      ].join('\n'),
    );
    if (findings.length > 0) {
      console.warn(
        `Replay with FUZZ_SEED=${SEED}. Findings:\n${findings.map(describeFinding).join('\n')}`,
      );
    }

    expect(sent.size).toBe(operations.length);
    for (const op of operations) {
      expect([op.operationId, sent.get(op.operationId)]).toEqual([op.operationId, RUNS]);
    }
    expect([...histogram.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(
      findings.map((f) => `${f.operationId}: ${f.problems.join(', ')} (seed ${SEED})`),
    ).toEqual([]);
  }, 900_000);
});
