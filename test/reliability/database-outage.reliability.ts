import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../../src/auth/role';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, isOutageProblem, tally, type Answer } from './support/http';
import { clusterOfRun, type PgCluster } from './support/pg-cluster';

/*
 * R3 (docs/security.md §5, item 40): the database stopped with `pg_ctl stop -m immediate` for 20 s
 * while a client calls every 200 ms. Every answer is a 503 problem+json well within the
 * request timeout (no hang), readiness says not ready; after the start readiness is back within
 * 5 s and requests succeed, from the same app process.
 */

const OUTAGE_MS = 20000;
const INTERVAL_MS = 200;
/** The app's connect timeout is 2 s (DB_CONNECT_TIMEOUT_MS): an answer takes at most that. */
const ANSWER_LIMIT_MS = 5000;
const READY_AGAIN_LIMIT_MS = 5000;

describe('R3: the database stopped for 20 s, then started', () => {
  let cluster: PgCluster;
  let app: AppProcess;
  let caseworker: TestUser;

  beforeAll(async () => {
    cluster = clusterOfRun();
    const seeder = await createTestApp();
    try {
      caseworker = await createUser(seeder, {
        roles: [Role.Caseworker],
        organisationId: (await createOrganisation(seeder)).id,
      });
    } finally {
      await seeder.close();
    }
    app = await AppProcess.start();
  });
  afterAll(async () => {
    await app?.stop();
    // Whatever happened above, the next file needs the database.
    await cluster?.ensureRunning();
  });

  const read = () =>
    call(app.baseUrl, 'GET', '/api/v1/clients?limit=5', {
      headers: caseworker.authHeader,
      timeoutMs: 10000,
    });
  const ready = () => call(app.baseUrl, 'GET', '/api/v1/health/ready', { timeoutMs: 10000 });

  it('answers 503 problem+json at once while down, and is ready again within 5 s of the start', async () => {
    const pid = app.pid;
    expect((await read()).status).toBe(200);
    expect((await ready()).status).toBe(200);

    cluster.stopImmediate();
    const reads: Promise<Answer>[] = [];
    const probes: Promise<Answer>[] = [];
    const until = performance.now() + OUTAGE_MS;
    while (performance.now() < until) {
      reads.push(read());
      probes.push(ready());
      await sleep(INTERVAL_MS);
    }
    const down = await Promise.all(reads);
    const downProbes = await Promise.all(probes);

    cluster.start();
    const startedAt = performance.now();
    let readyAfterMs = Infinity;
    while (performance.now() - startedAt < READY_AGAIN_LIMIT_MS + 5000) {
      if ((await ready()).status === 200) {
        readyAfterMs = performance.now() - startedAt;
        break;
      }
      await sleep(100);
    }
    const after = await Promise.all([read(), read(), read()]);

    const figures = {
      requests: down.length + downProbes.length,
      reads: tally(down),
      readiness: tally(downProbes),
      slowestAnswerMs: Math.round(
        Math.max(...down.map((a) => a.ms), ...downProbes.map((a) => a.ms)),
      ),
      readyAfterStartMs: Math.round(readyAfterMs),
      pidUnchanged: app.pid === pid && app.alive,
    };
    process.stdout.write(`R3 figures: ${JSON.stringify(figures)}\n`);

    expect(down.length).toBeGreaterThanOrEqual(OUTAGE_MS / INTERVAL_MS / 2);
    expect(down.filter((a) => !isOutageProblem(a)).map(brief)).toEqual([]);
    expect(down.every((a) => a.body.type === 'urn:lotse:problem:database-unavailable')).toBe(true);
    expect(
      downProbes
        .filter((a) => !(isOutageProblem(a) && a.body.type === 'urn:lotse:problem:not-ready'))
        .map(brief),
    ).toEqual([]);
    expect(Math.max(...down.map((a) => a.ms), ...downProbes.map((a) => a.ms))).toBeLessThan(
      ANSWER_LIMIT_MS,
    );
    expect(readyAfterMs).toBeLessThan(READY_AGAIN_LIMIT_MS);
    expect(after.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(app.alive).toBe(true);
    expect(app.pid).toBe(pid);
  });
});
