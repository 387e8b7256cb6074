import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request, { type Response } from 'supertest';
import { Role } from '../../src/auth/role';
import { createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp, TEST_JWT_SECRET } from '../support/test-app';
import { LOGIN, ME } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

/**
 * Limits hold across instances (issue 19, docs/security.md items 12 and 22, ADR 0017): two
 * instances of one deployment count in one store, so 10 wrong passwords spread over both lock
 * the account as one instance would, and a principal's rate limit is one limit.
 */
const ACCOUNT_LIMIT = 10;
const RATE_LIMIT = 20;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The configuration both instances share: one deployment. */
function deploymentEnv(prefix: string): Record<string, string> {
  return {
    LIMIT_KEY_PREFIX: prefix,
    LOGIN_ATTEMPTS_PER_ACCOUNT: String(ACCOUNT_LIMIT),
    LOGIN_ATTEMPTS_PER_SOURCE: '1000',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    // X-Forwarded-For stands for callers at different addresses.
    TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1',
  };
}

/** 10 wrong passwords, alternating between the instances; then the account is locked on both. */
async function expectAccountLockShared([a, b]: TestHttp[], user: TestUser): Promise<void> {
  const from = { 'X-Forwarded-For': '203.0.113.10' };
  for (let i = 0; i < ACCOUNT_LIMIT; i++) {
    const res = await (i % 2 ? b : a).post(
      'anonymous',
      LOGIN,
      { email: user.email, password: `wrong password number ${i}` },
      { headers: from },
    );
    expectProblem(res, 401, 'invalid-credentials');
  }
  for (const http of [a, b]) {
    const res = await http.post(
      'anonymous',
      LOGIN,
      { email: user.email, password: user.password },
      { headers: from },
    );
    expectProblem(res, 429, 'too-many-requests');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(14 * 60);
  }
}

/** One principal's requests, alternating between the instances, count down one limit. */
async function expectRateLimitShared([a, b]: TestHttp[], user: TestUser): Promise<void> {
  const remaining: string[] = [];
  for (let i = 0; i < RATE_LIMIT; i++) {
    const res: Response = await (i % 2 ? b : a).get(user.authHeader, ME);
    expect(res.status).toBe(200);
    remaining.push(res.headers['ratelimit-remaining']);
  }
  expect(remaining).toEqual(
    Array.from({ length: RATE_LIMIT }, (_, i) => String(RATE_LIMIT - 1 - i)),
  );
  for (const http of [a, b]) {
    const res = await http.get(user.authHeader, ME);
    expectProblem(res, 429, 'too-many-requests');
    expect(res.headers['ratelimit-remaining']).toBe('0');
  }
}

/** Whether something answers at host:port within a second (synchronous: decides `describe`). */
function reachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `require('node:net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname)})
    .on('connect', () => process.exit(0)).on('error', () => process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 2000 }).status === 0;
}

async function pairOfApps(env: Record<string, string>): Promise<NestFastifyApplication[]> {
  return [await createTestApp({ env }), await createTestApp({ env })];
}

/** Two in-process instances of one deployment (same key prefix), with `env` besides. */
function describeTwoInstances(title: string, env: () => Record<string, string>): void {
  describe(title, () => {
    let apps: NestFastifyApplication[];

    beforeAll(async () => {
      apps = await pairOfApps(env());
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
    });

    it('locks an account after 10 wrong passwords spread over both, on both', async () => {
      const user = await createUser(apps[0], { roles: [Role.Caseworker] });
      await expectAccountLockShared(apps.map(httpOf), user);
    });

    it('counts one principal once, whichever instance answers', async () => {
      const user = await createUser(apps[0], { roles: [Role.Caseworker] });
      await expectRateLimitShared(apps.map(httpOf), user);
    });

    it('keeps another deployment (another key prefix) on the same store apart', async () => {
      const user = await createUser(apps[0], { roles: [Role.Caseworker] });
      await expectRateLimitShared(apps.map(httpOf), user);
      const other = await createTestApp({
        env: { ...env(), LIMIT_KEY_PREFIX: `other-${randomUUID()}` },
      });
      try {
        const res = await httpOf(other).get(user.authHeader, ME);
        expect(res.status).toBe(200);
        expect(res.headers['ratelimit-remaining']).toBe(String(RATE_LIMIT - 1));
      } finally {
        await other.close();
      }
    });
  });
}

describeTwoInstances('limits shared by two instances on one database', () =>
  deploymentEnv(`shared-${randomUUID()}`),
);

const redisUp = reachable(REDIS_URL);
if (redisUp) {
  describeTwoInstances('limits shared by two instances in Redis', () => ({
    ...deploymentEnv(`redis-${randomUUID()}`),
    REDIS_URL,
  }));
} else {
  console.warn(`shared-limits: Redis tests skipped, nothing answers at ${REDIS_URL}`);
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The app as a process of its own (`src/main.ts` through ts-node with swc), on `port`. */
function startAppProcess(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
    cwd: resolve(__dirname, '../..'),
    env: {
      PATH: process.env.PATH,
      TS_NODE_SWC: 'true',
      TS_NODE_TRANSPILE_ONLY: 'true',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      DB_POOL_MAX: '4',
      DB_MIGRATIONS_RUN: 'false',
      DEMO_DATA: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      // As every test app (test/support/test-app.ts): no background jobs and no outbox drain of
      // its own on the shared test database, where they would reschedule other files' jobs and
      // deliver other files' events.
      JOBS_INTERVAL_MS: '0',
      EVENTS_DISPATCH_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function untilReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app process exited with ${child.exitCode}`);
    const ok = await request(`http://127.0.0.1:${port}`)
      .get('/api/v1/health/ready')
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return;
    await sleep(500);
  }
  throw new Error(`app process on port ${port} not ready in 150 s`);
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres) {
  console.warn(
    'shared-limits: the two-process test skipped: it needs TEST_DATABASE_URL (two processes on one embedded PGlite are not possible)',
  );
}

(onPostgres ? describe : describe.skip)('limits shared by two app processes', () => {
  let setup: NestFastifyApplication;
  const children: ChildProcess[] = [];
  let https: TestHttp[];

  beforeAll(async () => {
    // Users are made in this process, on the same database; the processes only serve them.
    setup = await createTestApp();
    const env = deploymentEnv(`processes-${randomUUID()}`);
    const ports = [await freePort(), await freePort()];
    for (const port of ports) children.push(startAppProcess(port, env));
    await Promise.all(ports.map((port, i) => untilReady(port, children[i])));
    https = ports.map((port) => httpOf(`http://127.0.0.1:${port}`));
  }, 180_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((child) =>
        child.exitCode === null
          ? new Promise((done) => child.once('exit', done))
          : Promise.resolve(),
      ),
    );
    await setup?.close();
  });

  it('locks an account after 10 wrong passwords spread over both processes, on both', async () => {
    const user = await createUser(setup, { roles: [Role.Caseworker] });
    await expectAccountLockShared(https, user);
  });

  it('counts one principal once, whichever process answers', async () => {
    const user = await createUser(setup, { roles: [Role.Caseworker] });
    await expectRateLimitShared(https, user);
  });
});
