import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityBody } from './activity-body';
import { floorBearer } from './floor';
import type { World } from './generate';
import { forThisNode, otherNodeThanImage, readImageStart, type ImageStart } from './image-start';

/**
 * `npm run bench:instructions`: the CPU instructions one request costs the serving process,
 * counted by valgrind's callgrind (user space, every thread: JIT code, the garbage collector,
 * pg, the framework), for Lotse's hot requests and the framework's floor (bench/floor.ts).
 *
 * Unlike `npm run bench`'s requests per second and CPU milliseconds, a count of instructions
 * hardly depends on what else the machine runs: on this shared two-core machine the same build
 * counted within 0.01 % twice under the same conditions, where its throughput moved by a factor
 * of two. It does move with the pace of its own window (a slower window batches fewer requests
 * per turn of the event loop: 2.16 M against 2.58 M instructions per read), so builds are
 * compared one after the other on a quiet machine. It leaves out the kernel (socket writes,
 * scheduling) and PostgreSQL, which `npm run bench` still shows.
 *
 * Each target runs in its own process under callgrind with collection off; after a warm-up
 * (BENCH_INSTRUCTIONS_WARMUP requests, 3,000: the JIT has compiled the hot path and the
 * heap reached its working size) collection is switched on for BENCH_INSTRUCTIONS_REQUESTS
 * more (3,000; 8 connections), then off. Work on timers (the audit sealer, the job queue's
 * polling, the pool) grows with the time a window lasts, not with its requests, and under
 * valgrind a window lasts long: so the instructions of 10 s without requests are counted
 * first, and that rate times the window's length is taken off. About four minutes a target.
 *
 * Env: DATABASE_URL and BENCH_WORLD as for `npm run bench`; BENCH_INSTRUCTIONS_TARGETS (comma
 * list: floor, floor-two, referral-read, report-read, activity-create, referral-list; default
 * floor-two, referral-read, report-read). `--no-build` uses dist/ as it is.
 */

const ROOT = join(__dirname, '..');
const PORT = Number(process.env.BENCH_APP_PORT ?? 3198);
const WARMUP = Number(process.env.BENCH_INSTRUCTIONS_WARMUP ?? 3000);
const REQUESTS = Number(process.env.BENCH_INSTRUCTIONS_REQUESTS ?? 3000);
const CONNECTIONS = 8;

interface Target {
  name: string;
  floor: boolean;
  login?: keyof World['logins'];
  request: (world: World, next: () => number) => autocannon.Request;
}

const pick = (ids: string[], next: () => number) => ids[next() % ids.length];
const activity = activityBody();

const TARGETS: Target[] = [
  {
    name: 'floor',
    floor: true,
    request: (w, n) => ({ method: 'GET', path: `/referrals/${pick(w.workerReferralIds, n)}` }),
  },
  {
    name: 'floor-two',
    floor: true,
    request: (w, n) => ({ method: 'GET', path: `/two/referrals/${pick(w.workerReferralIds, n)}` }),
  },
  {
    name: 'referral-read',
    floor: false,
    login: 'providerWorker',
    request: (w, n) => ({
      method: 'GET',
      path: `/api/v1/referrals/${pick(w.workerReferralIds, n)}`,
    }),
  },
  {
    name: 'report-read',
    floor: false,
    login: 'caseworker',
    request: (w, n) => ({ method: 'GET', path: `/api/v1/reports/${pick(w.releasedReportIds, n)}` }),
  },
  {
    name: 'activity-create',
    floor: false,
    login: 'providerWorker',
    request: (w, n) => ({
      method: 'POST',
      path: `/api/v1/referrals/${pick(w.workerReferralIds, n)}/activities`,
      headers: { 'content-type': 'application/json' },
      body: activity,
    }),
  },
  {
    name: 'referral-list',
    floor: false,
    login: 'caseworker',
    request: () => ({ method: 'GET', path: '/api/v1/referrals?limit=50&state=in_progress' }),
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** vgdb finds a process by a file name valgrind built from the environment's HOST. */
function vgdb(prefix: string, pid: number, command: string, host: string): void {
  const r = spawnSync('vgdb', [`--vgdb-prefix=${prefix}`, `--pid=${pid}`, command], {
    env: { ...process.env, HOST: host },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vgdb ${command}: ${r.stderr}`);
}

/** The instructions counted so far, from every part callgrind has written to `dir`. */
function countedIn(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('callgrind.out'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .reduce((sum, text) => sum + Number(/^totals:\s+(\d+)/m.exec(text)?.[1] ?? 0), 0);
}

const IDLE_MS = 10_000;

async function load(url: string, request: () => autocannon.Request, amount: number) {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    amount,
    timeout: 120,
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  if (r.non2xx > 0 || r.errors > 0) {
    throw new Error(`${url}: ${r.non2xx} answers not 2xx, ${r.errors} errors`);
  }
  return r.requests.total;
}

async function measure(
  target: Target,
  world: World,
  url: string,
  image: ImageStart,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), `lotse-callgrind-${target.name}-`));
  const host = '127.0.0.1';
  const secret = randomBytes(32).toString('base64url');
  const flags = image.args.slice(0, -1);
  const args = target.floor
    ? [...flags, '-r', 'ts-node/register/transpile-only', 'bench/floor.ts']
    : image.args;
  const child: ChildProcess = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--smc-check=all-non-file',
      `--vgdb-prefix=${join(dir, 'vgdb')}`,
      `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
      process.execPath,
      ...args,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ...image.env,
        DATABASE_URL: url,
        HOST: host,
        PORT: String(PORT),
        FLOOR_PORT: String(PORT),
        FLOOR_JWT_SECRET: secret,
        JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
        LIMIT_KEY_PREFIX: `instructions-${randomBytes(6).toString('hex')}`,
      },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  try {
    const base = `http://${host}:${PORT}`;
    for (let up = false; !up; await sleep(1000)) {
      if (child.exitCode !== null) throw new Error(`${target.name} exited: ${stderr}`);
      up = await fetch(`${base}/referrals/${world.anyReferralId}`).then(
        (r) => r.status < 500,
        () => false,
      );
    }
    let authorization: string;
    if (target.login) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: world.logins[target.login], password: world.password }),
      });
      if (res.status !== 200) throw new Error(`login: ${res.status}`);
      authorization = `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    } else {
      authorization = floorBearer(secret, world.logins.providerWorker);
    }
    let n = 0;
    const request = () => {
      const r = target.request(world, () => n++);
      return { ...r, headers: { ...r.headers, authorization } };
    };
    await load(base, request, WARMUP);
    const prefix = join(dir, 'vgdb');
    // The idle rate: 10 s without requests, written out as a part of its own.
    vgdb(prefix, child.pid!, 'instrumentation on', host);
    await sleep(IDLE_MS);
    vgdb(prefix, child.pid!, 'instrumentation off', host);
    vgdb(prefix, child.pid!, 'dump', host);
    await sleep(1000);
    const idle = countedIn(dir);
    vgdb(prefix, child.pid!, 'instrumentation on', host);
    const started = performance.now();
    const answered = await load(base, request, REQUESTS);
    const lasted = performance.now() - started;
    vgdb(prefix, child.pid!, 'instrumentation off', host);
    child.kill('SIGINT');
    while (child.exitCode === null && child.signalCode === null) await sleep(250);
    const window = countedIn(dir) - idle;
    if (idle === 0 || window === 0) {
      throw new Error(`${target.name}: callgrind counted nothing: ${stderr}`);
    }
    const background = (idle / IDLE_MS) * lasted;
    process.stderr.write(
      `  ${answered} requests in ${(lasted / 1000).toFixed(0)} s; idle ${Math.round(idle / IDLE_MS).toLocaleString('en')} instructions/ms, ` +
        `${((100 * background) / window).toFixed(1)} % of the window taken off\n`,
    );
    return (window - background) / answered;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a database written by `npm run bench:data`.');
  if (spawnSync('valgrind', ['--version']).status !== 0) throw new Error('valgrind is needed');
  const world = JSON.parse(
    readFileSync(process.env.BENCH_WORLD ?? join(__dirname, 'world.json'), 'utf8'),
  ) as World;
  const image = forThisNode(readImageStart(ROOT));
  const otherNode = otherNodeThanImage(image, process.versions.node);
  if (otherNode) process.stderr.write(`${otherNode}\n`);
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const wanted = (
    process.env.BENCH_INSTRUCTIONS_TARGETS ?? 'floor-two,referral-read,report-read'
  ).split(',');
  const targets = TARGETS.filter((t) => wanted.includes(t.name));
  const unknown = wanted.filter((w) => !TARGETS.some((t) => t.name === w));
  if (unknown.length > 0) throw new Error(`unknown targets: ${unknown.join(', ')}`);
  const counted: Record<string, number> = {};
  for (const target of targets) {
    process.stderr.write(`${target.name}: under callgrind …\n`);
    counted[target.name] = await measure(target, world, url, image);
    const floor = counted['floor-two'];
    process.stdout.write(
      `${target.name.padEnd(16)} ${Math.round(counted[target.name]).toLocaleString('en').padStart(11)} instructions/request` +
        (floor && !target.floor
          ? `  (${(counted[target.name] / floor).toFixed(2)} × floor-two)`
          : '') +
        '\n',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
