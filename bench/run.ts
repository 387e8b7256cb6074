import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { activityBody } from './activity-body';
import { cpuBudget, type CpuBudget } from './cpu-budget';
import { floorBearer } from './floor';
import type { World } from './generate';
import { forThisNode, otherNodeThanImage, readImageStart } from './image-start';

/**
 * `npm run bench [-- --no-build]`: Lotse (built, NODE_ENV=production) and the bare fastify + pg
 * baseline against the generated world at DATABASE_URL, one autocannon run per scenario.
 * Writes bench/results.json (one run per scale, so that a 10k and a 250k run give the scaling
 * ratio) and the measured block of BENCHMARKS.md. Tunables: BENCH_CONNECTIONS (32),
 * BENCH_DURATION (10 s), BENCH_WARMUP (3 s), BENCH_WORLD (bench/world.json),
 * BENCH_STATISTICS_ALONGSIDE (32 statistics connections during the second referral read),
 * BENCH_APP_PORT (3198) and BENCH_BASELINE_PORT (3199). Lotse starts as the image starts it (the
 * Dockerfile's runtime CMD and ENV, bench/image-start.ts). `--report` only
 * rewrites BENCHMARKS.md from bench/results.json.
 */

const ROOT = join(__dirname, '..');
const RESULTS_FILE = join(__dirname, 'results.json');
const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3198);
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3199);
const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? 3197);
/** Measured in every run, whatever BENCH_SCENARIOS says: the references the others are read against. */
const REFERENCES = new Set(['baseline', 'floor', 'floor-two']);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
/** Statistics connections running alongside the referral read (issue 16: must not starve it). */
const ALONGSIDE = Number(process.env.BENCH_STATISTICS_ALONGSIDE ?? 32);
// The statistics at one connection: at 32 the large world queues for the pool (see BENCHMARKS.md).
const READ_SCENARIOS = ['referral-list', 'referral-read', 'report-read', 'statistics-single'];

interface ScenarioResult {
  name: string;
  title: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** The longest a request waited (absent in runs before it was recorded). */
  max?: number;
  /** Connections of a second load run at the same time (`alongside`), which the CPU includes. */
  alongside?: number;
  /** The one request sent during the run (`once`): how long it took, and its status. */
  once?: { label: string; ms: number; status: number };
  non2xx: number;
  errors: number;
  ratio: number | null;
  /** Highest RSS of Lotse while this scenario ran. */
  rssMb: number;
  /** User + system CPU time of the serving process (Lotse; the baseline's own for it) ÷ requests. */
  cpuMsPerRequest: number;
  /** The same for all PostgreSQL server processes together. */
  postgresCpuMsPerRequest: number;
  /** The same for the benchmark's own process, autocannon's (absent in runs before it was). */
  generatorCpuMsPerRequest?: number;
}

interface Run {
  date: string;
  scale: number;
  command: string;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; postgres: string };
  /** The Node major version of the image's runtime stage (absent in runs before it was read). */
  imageNode?: number;
  connections: number;
  durationSeconds: number;
  maxRssMb: number;
  scenarios: ScenarioResult[];
}

interface Results {
  runs: Record<string, Run>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one GET `afterMs` from now and measures it (a scenario's `once`). */
async function sendOnce(
  origin: string,
  once: { label: string; afterMs: number; path: string; headers: Record<string, string> },
): Promise<{ label: string; ms: number; status: number }> {
  await sleep(once.afterMs);
  const started = performance.now();
  const res = await fetch(`${origin}${once.path}`, { headers: once.headers });
  await res.arrayBuffer();
  return { label: once.label, ms: Math.round(performance.now() - started), status: res.status };
}

function start(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => process.stderr.write(`[${label}] ${d.toString()}`));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${label}] ${d.toString()}`));
  return child;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), or none. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

const ticksMs = (...ticks: string[]) =>
  (ticks.reduce((sum, t) => sum + Number(t), 0) * 1000) / CLOCK_TICKS_PER_SECOND;

/** User + system CPU time of a process in milliseconds (stat fields 14 and 15). */
function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? ticksMs(fields[11], fields[12]) : 0;
}

/**
 * The tables a run churns (the audit's queue, the rate limit's counters, the job queue's),
 * vacuumed before each scenario. A server without autovacuum (this machine's) would otherwise
 * carry every earlier scenario's and run's dead rows into the next one, and the sealer walks
 * them in front of the queue's head (BENCHMARKS.md, "How long it takes"). Elsewhere it costs a
 * few milliseconds.
 */
async function vacuumChurned(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT t AS name FROM unnest(ARRAY['audit_pending', 'rate_limit_counters', 'pgboss.job']) t
        WHERE to_regclass(t) IS NOT NULL`,
    );
    if (rows.length > 0) await db.query(`VACUUM ${rows.map((r) => r.name).join(', ')}`);
  } finally {
    await db.end();
  }
}

/**
 * CPU time of the PostgreSQL server on this machine: every live `postgres` process, plus what
 * the postmaster collected of its ended children (stat fields 16 and 17), so that a connection
 * closing during a run does not take its time with it.
 */
function postgresCpuMs(): number {
  const processes = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const fields = statFields(Number(entry));
    if (fields) processes.set(Number(entry), fields);
  }
  let total = 0;
  for (const fields of processes.values()) {
    total += ticksMs(fields[11], fields[12]);
    // The postmaster: its parent is no postgres process.
    if (!processes.has(Number(fields[1]))) total += ticksMs(fields[13], fields[14]);
  }
  return total;
}

/** Round-robin over the given bodies, one per request. */
function rotatingBodies(bodies: string[]): (req: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (req) => ({ ...req, body: bodies[next++ % bodies.length] });
}

/** Round-robin over the given paths, one per request. */
function rotating(paths: string[]): (req: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (req) => ({ ...req, path: paths[next++ % paths.length] });
}

async function main(): Promise<void> {
  if (process.argv.includes('--report')) {
    // Rewrites the measured block of BENCHMARKS.md from bench/results.json, measuring nothing.
    const all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results;
    const runs = Object.values(all.runs).sort((a, b) => b.scale - a.scale);
    writeBenchmarks(all, runs[0]);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a database written by `npm run bench:data`.');
    process.exit(1);
  }
  const worldFile = process.env.BENCH_WORLD ?? join(__dirname, 'world.json');
  if (!existsSync(worldFile)) {
    console.error(`${worldFile} is missing: run \`npm run bench:data\` first.`);
    process.exit(1);
  }
  const world = JSON.parse(readFileSync(worldFile, 'utf8')) as World;
  const db = new Client({ connectionString: url });
  await db.connect();
  const postgres = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v"))
    .rows[0].v;
  const scale = Number(
    (await db.query<{ n: string }>('SELECT count(*) AS n FROM referrals')).rows[0].n,
  );
  const known = await db.query('SELECT 1 FROM referrals WHERE id = $1', [world.anyReferralId]);
  await db.end();
  if (known.rows.length === 0) {
    throw new Error(`${worldFile} does not describe the database at DATABASE_URL`);
  }

  if (!process.argv.includes('--no-build')) {
    process.stderr.write('npm run build …\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  const base = { ...process.env, DATABASE_URL: url };
  // As the image starts it: its CMD's Node flags and entry point, its ENV (NODE_ENV=production).
  const image = forThisNode(readImageStart(ROOT));
  const otherNode = otherNodeThanImage(image, process.versions.node);
  if (otherNode) process.stderr.write(`${otherNode}\n`);
  const app = start('lotse', image.args, {
    ...base,
    ...image.env,
    PORT: String(APP_PORT),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    // The login scenario logs in hundreds of times from one address within the throttle
    // window; the limits are raised for the benchmark only (the default would answer 429).
    LOGIN_ATTEMPTS_PER_ACCOUNT: '1000',
    LOGIN_ATTEMPTS_PER_SOURCE: '100000',
    // Thousands of requests a second from one user: the per-principal limit (default 600 a
    // minute) is raised to its maximum so that the benchmark measures the API, not 429s.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    // Counted apart from every earlier run on the same database: the login throttle's window
    // outlasts a run, and a second run within it would start blocked (429) by the first's logins.
    LIMIT_KEY_PREFIX: `bench-${randomBytes(6).toString('hex')}`,
  });
  const baseline = start(
    'baseline',
    ['-r', 'ts-node/register/transpile-only', 'bench/baseline.ts'],
    {
      ...base,
      BASELINE_PORT: String(BASELINE_PORT),
      DB_POOL_MAX: process.env.DB_POOL_MAX ?? '10',
    },
  );
  const floorSecret = randomBytes(32).toString('base64url');
  const floor = start('floor', ['-r', 'ts-node/register/transpile-only', 'bench/floor.ts'], {
    ...base,
    FLOOR_PORT: String(FLOOR_PORT),
    FLOOR_JWT_SECRET: floorSecret,
    DB_POOL_MAX: process.env.DB_POOL_MAX ?? '10',
  });
  const stopAll = () => {
    app.kill('SIGTERM');
    baseline.kill('SIGTERM');
    floor.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });

  try {
    const api = `http://127.0.0.1:${APP_PORT}/api/v1`;
    await waitFor(`${api}/health/live`, app);
    await waitFor(`http://127.0.0.1:${BASELINE_PORT}/referrals/${world.anyReferralId}`, baseline);
    const floorAuthorization = {
      authorization: floorBearer(floorSecret, world.logins.providerWorker),
    };
    // Without a token the floor answers 401, which tells that it listens.
    await waitFor(`http://127.0.0.1:${FLOOR_PORT}/referrals/${world.anyReferralId}`, floor);

    const login = async (email: string): Promise<string> => {
      const res = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: world.password }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const bearer = async (email: string) => ({ authorization: `Bearer ${await login(email)}` });
    const caseworker = await bearer(world.logins.caseworker);
    const worker = await bearer(world.logins.providerWorker);
    const lead = await bearer(world.logins.jobcenterLead);
    const secondLead = await bearer(
      world.logins.secondJobcenterLead ?? world.logins.jobcenterLead.replace('jc0', 'jc1'),
    );
    const json = { 'content-type': 'application/json' };
    const activity = activityBody();

    const scenarios: {
      name: string;
      title: string;
      base: string;
      connections?: number;
      request: autocannon.Request;
      /** Another load run at the same time (its figures are not reported). */
      alongside?: { connections: number; request: autocannon.Request };
      /** One request sent `afterMs` into the measured run; its time is reported. */
      once?: { label: string; afterMs: number; path: string; headers: Record<string, string> };
    }[] = [
      {
        name: 'baseline',
        title: 'Baseline: fastify + pg, one referral by primary key',
        base: `http://127.0.0.1:${BASELINE_PORT}`,
        request: {
          method: 'GET',
          setupRequest: rotating(world.workerReferralIds.map((id) => `/referrals/${id}`)),
        },
      },
      {
        name: 'floor',
        title:
          'Floor: NestJS + Fastify, JWT guard, ParseUUIDPipe, TypeORM query, DTO; one statement',
        base: `http://127.0.0.1:${FLOOR_PORT}`,
        request: {
          method: 'GET',
          headers: floorAuthorization,
          setupRequest: rotating(world.workerReferralIds.map((id) => `/referrals/${id}`)),
        },
      },
      {
        name: 'floor-two',
        title: "Floor with a second statement in the guard (Lotse's two round trips)",
        base: `http://127.0.0.1:${FLOOR_PORT}`,
        request: {
          method: 'GET',
          headers: floorAuthorization,
          setupRequest: rotating(world.workerReferralIds.map((id) => `/two/referrals/${id}`)),
        },
      },
      {
        name: 'login',
        title: 'POST /auth/login (argon2id)',
        base: api,
        request: {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: json,
          // Round-robin over the first jobcenter's caseworkers (the generator's naming): one
          // account would pass its login throttle (at most 1,000 a window) within seconds.
          setupRequest: rotatingBodies(
            Array.from({ length: 20 }, (_, k) =>
              JSON.stringify({
                email: world.logins.caseworker.replace(/^cw\d+\./, `cw${k}.`),
                password: world.password,
              }),
            ),
          ),
        },
      },
      {
        name: 'referral-list',
        title: 'GET /referrals?limit=50&state=in_progress (caseworker)',
        base: api,
        request: {
          method: 'GET',
          path: '/api/v1/referrals?limit=50&state=in_progress',
          headers: caseworker,
        },
      },
      {
        name: 'referral-read',
        title: 'GET /referrals/{id} (provider worker)',
        base: api,
        request: {
          method: 'GET',
          headers: worker,
          setupRequest: rotating(world.workerReferralIds.map((id) => `/api/v1/referrals/${id}`)),
        },
      },
      {
        name: 'report-read',
        title: 'GET /reports/{id} (caseworker; consent filter + disclosure audit)',
        base: api,
        request: {
          method: 'GET',
          headers: caseworker,
          setupRequest: rotating(world.releasedReportIds.map((id) => `/api/v1/reports/${id}`)),
        },
      },
      {
        name: 'activity-create',
        title: 'POST /referrals/{id}/activities (assigned provider worker)',
        base: api,
        request: {
          method: 'POST',
          headers: { ...worker, ...json },
          body: activity,
          setupRequest: rotating(
            world.workerReferralIds.map((id) => `/api/v1/referrals/${id}/activities`),
          ),
        },
      },
      {
        name: 'statistics-single',
        title: 'GET /statistics/referrals, one connection (latency of one request)',
        base: api,
        connections: 1,
        request: { method: 'GET', path: '/api/v1/statistics/referrals', headers: lead },
      },
      {
        name: 'statistics',
        title: 'GET /statistics/referrals (jobcenter lead)',
        base: api,
        request: { method: 'GET', path: '/api/v1/statistics/referrals', headers: lead },
      },
      {
        // A jobcenter's first statistics (no scenario computed them): at 10k its disclosure
        // step spends its 5 s budget, on the audit's thread, while the reads go on (ADR 0012).
        name: 'referral-read-during-statistics',
        title:
          "GET /referrals/{id} (provider worker) while another jobcenter's statistics are computed",
        base: api,
        request: {
          method: 'GET',
          headers: worker,
          setupRequest: rotating(world.workerReferralIds.map((id) => `/api/v1/referrals/${id}`)),
        },
        once: {
          label: "a jobcenter lead's first GET /statistics/referrals",
          afterMs: 1_000,
          path: '/api/v1/statistics/referrals',
          headers: secondLead,
        },
      },
      {
        name: 'referral-read-with-statistics',
        title: `GET /referrals/{id} (provider worker) while ${ALONGSIDE} connections read statistics`,
        base: api,
        request: {
          method: 'GET',
          headers: worker,
          setupRequest: rotating(world.workerReferralIds.map((id) => `/api/v1/referrals/${id}`)),
        },
        alongside: {
          connections: ALONGSIDE,
          request: { method: 'GET', path: '/api/v1/statistics/referrals', headers: lead },
        },
      },
    ];

    // BENCH_SCENARIOS=a,b measures only those (and the baseline).
    const only = process.env.BENCH_SCENARIOS?.split(',');
    if (only) {
      scenarios.splice(
        0,
        scenarios.length,
        ...scenarios.filter((s) => REFERENCES.has(s.name) || only.includes(s.name)),
      );
    }
    // One request each first, so that a broken scenario fails loudly instead of measuring errors.
    for (const s of scenarios) {
      const first = s.request.setupRequest
        ? { ...s.request, ...s.request.setupRequest({ ...s.request }) }
        : s.request;
      const res = await fetch(`${new URL(s.base).origin}${first.path}`, {
        method: first.method,
        headers: first.headers,
        body: first.body,
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${s.name}: ${res.status} ${text.slice(0, 300)}`);
      if (s.name === 'report-read' && !/"sections":\[\{/.test(text)) {
        throw new Error(`report-read: the report shows no released section: ${text.slice(0, 300)}`);
      }
    }

    let maxRss = rssMb(app.pid!);
    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const connections = s.connections ?? CONNECTIONS;
      const options = { url: s.base, connections, requests: [s.request] };
      await vacuumChurned(url);
      if (WARMUP > 0) await autocannon({ ...options, duration: WARMUP });
      let scenarioRss = rssMb(app.pid!);
      const sampler = setInterval(() => {
        scenarioRss = Math.max(scenarioRss, rssMb(app.pid!));
      }, 250);
      const other = s.alongside
        ? autocannon({
            url: s.base,
            connections: s.alongside.connections,
            requests: [s.alongside.request],
            duration: DURATION,
          })
        : undefined;
      const servingPid =
        s.name === 'baseline' ? baseline.pid! : s.name.startsWith('floor') ? floor.pid! : app.pid!;
      const cpuBefore = cpuMs(servingPid);
      const postgresBefore = postgresCpuMs();
      const generatorBefore = process.cpuUsage();
      const once = s.once ? sendOnce(new URL(s.base).origin, s.once) : undefined;
      const r = await autocannon({ ...options, duration: DURATION });
      const cpuSpent = cpuMs(servingPid) - cpuBefore;
      const postgresSpent = postgresCpuMs() - postgresBefore;
      const generatorUsage = process.cpuUsage(generatorBefore);
      const generatorSpent = (generatorUsage.user + generatorUsage.system) / 1000;
      const alongside = await other;
      const onceResult = await once;
      clearInterval(sampler);
      if (onceResult) {
        process.stdout.write(
          `  ${onceResult.label}: ${onceResult.ms} ms (status ${onceResult.status}); ` +
            `the reads' longest wait ${r.latency.max} ms\n`,
        );
      }
      if (alongside) {
        process.stdout.write(
          `  alongside: ${alongside.requests.average.toFixed(0)} req/s, p99 ${alongside.latency.p99} ms, non-2xx ${alongside.non2xx}\n`,
        );
      }
      maxRss = Math.max(maxRss, scenarioRss);
      const baselineRps = results.find((x) => x.name === 'baseline')?.reqPerSec;
      const result: ScenarioResult = {
        name: s.name,
        title: s.title,
        connections,
        reqPerSec: Number(r.requests.average.toFixed(r.requests.average < 10 ? 1 : 0)),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        ...(onceResult ? { once: onceResult } : {}),
        ...(s.alongside ? { alongside: s.alongside.connections } : {}),
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        ratio: baselineRps ? Number((r.requests.average / baselineRps).toFixed(3)) : null,
        rssMb: REFERENCES.has(s.name) ? 0 : scenarioRss,
        cpuMsPerRequest: Number((cpuSpent / Math.max(1, r.requests.total)).toFixed(3)),
        postgresCpuMsPerRequest: Number((postgresSpent / Math.max(1, r.requests.total)).toFixed(3)),
        generatorCpuMsPerRequest: Number(
          (generatorSpent / Math.max(1, r.requests.total)).toFixed(3),
        ),
      };
      results.push(result);
      const predicted = budgetOf(result, results, cpus().length)?.predictedRatio;
      process.stdout.write(
        `${s.name.padEnd(18)} ${String(result.reqPerSec).padStart(7)} req/s  p50 ${result.p50} ms  ` +
          `p99 ${result.p99} ms  ratio ${result.ratio ?? '-'}  non-2xx ${result.non2xx}  ` +
          `errors ${result.errors}  RSS ${result.rssMb} MB  ` +
          `CPU ${result.cpuMsPerRequest} ms/request (PostgreSQL ${result.postgresCpuMsPerRequest}, ` +
          `autocannon ${result.generatorCpuMsPerRequest})${predicted ? `  predicted ${predicted}` : ''}\n`,
      );
    }
    process.stdout.write(`max RSS of Lotse under load: ${maxRss} MB\n`);

    const run: Run = {
      date: new Date().toISOString(),
      scale,
      command: `npm run bench (BENCH_CONNECTIONS=${CONNECTIONS} BENCH_DURATION=${DURATION})`,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        postgres,
      },
      ...(image.nodeMajor === undefined ? {} : { imageNode: image.nodeMajor }),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      maxRssMb: maxRss,
      scenarios: results,
    };
    const all: Results = existsSync(RESULTS_FILE)
      ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results)
      : { runs: {} };
    all.runs[String(scale)] = run;
    writeFileSync(RESULTS_FILE, JSON.stringify(all, null, 2) + '\n');
    writeBenchmarks(all, run);
    const scaling = scalingRows(all);
    for (const row of scaling) process.stdout.write(`scaling ${row}\n`);
  } finally {
    stopAll();
  }
}

const ms = (n: number) => `${n} ms`;

const cpuOf = (s: ScenarioResult) => ({
  server: s.cpuMsPerRequest,
  postgres: s.postgresCpuMsPerRequest,
  generator: s.generatorCpuMsPerRequest ?? 0,
});

/**
 * A scenario's CPU budget against the baseline of its run (bench/cpu-budget.ts). None for a
 * scenario with a second load alongside or a request of its own during the run (its CPU is not
 * its requests' alone), or in a run without the load generator's CPU.
 */
function budgetOf(s: ScenarioResult, all: ScenarioResult[], cores: number): CpuBudget | null {
  const baseline = all.find((x) => x.name === 'baseline');
  if (!baseline || s.alongside || s.once || s.generatorCpuMsPerRequest === undefined) return null;
  const floor = all.find((x) => x.name === 'floor-two');
  return cpuBudget(
    { ...cpuOf(s), reqPerSec: s.reqPerSec },
    cpuOf(baseline),
    cores,
    floor?.cpuMsPerRequest,
  );
}

/** The p50 ratio of each read scenario between the smallest and the largest run. */
function scalingRows(all: Results): string[] {
  const scales = Object.keys(all.runs)
    .map(Number)
    .sort((a, b) => a - b);
  if (scales.length < 2) return [];
  const small = all.runs[String(scales[0])];
  const large = all.runs[String(scales[scales.length - 1])];
  return READ_SCENARIOS.map((name) => {
    const a = small.scenarios.find((s) => s.name === name);
    const b = large.scenarios.find((s) => s.name === name);
    if (!a || !b) return `| ${name} | – | – | – |`;
    const ratio = a.p50 > 0 ? (b.p50 / a.p50).toFixed(2) : '–';
    return `| ${name} | ${ms(a.p50)} | ${ms(b.p50)} | ${ratio} |`;
  });
}

/** The CPU budget table of a run (empty for a run without the load generator's CPU). */
function budgetLines(run: Run): string[] {
  const rows = run.scenarios.flatMap((s) => {
    const b = budgetOf(s, run.scenarios, run.machine.cores);
    return b
      ? [
          `| ${s.title} | ${b.totalMs} | ${Math.round(b.busy * 100)} % | ${b.predictedRatio} | ` +
            `${s.ratio ?? '1'} | ${b.ceilingWithoutServer} | ${b.ceilingAtFloor ?? '–'} |`,
        ]
      : [];
  });
  if (rows.length === 0) return [];
  return [
    'CPU budget (`bench/cpu-budget.ts`, BENCHMARKS.md "The CPU budget"): CPU ms per request of the ' +
      'serving process, PostgreSQL and autocannon together; the share of the cores the run kept ' +
      "busy; the ratio to the baseline that this CPU predicts (the baseline's total ÷ the " +
      "scenario's), beside the measured one; and the predicted ratio if the serving process " +
      "cost nothing, or cost what the framework's floor with two round trips (`floor-two`) did.",
    '',
    '| Scenario | CPU ms/request, all | cores busy | × baseline predicted | × baseline measured | ceiling, server free | ceiling, server at floor-two |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside this block) -->';
const END = '<!-- bench:end -->';

function writeBenchmarks(all: Results, latest: Run): void {
  // The table shows the largest scale measured; the scaling table compares smallest and largest.
  const largest = Object.values(all.runs).sort((a, b) => b.scale - a.scale)[0] ?? latest;
  const scales = Object.keys(all.runs)
    .map(Number)
    .sort((a, b) => a - b);
  const lines = [
    BEGIN,
    '',
    `Measured ${largest.date.slice(0, 10)} at ${largest.scale.toLocaleString('en')} referrals, ` +
      `${largest.connections} connections, ${largest.durationSeconds} s per scenario ` +
      `(\`${largest.command}\`).`,
    '',
    `Machine: ${largest.machine.cores} cores (${largest.machine.cpu}), ${largest.machine.memoryGb} GB, ` +
      `Node ${largest.machine.node}` +
      (largest.imageNode === undefined ? '' : ` (the image runs Node ${largest.imageNode})`) +
      `, PostgreSQL ${largest.machine.postgres}; Lotse, the baseline, ` +
      'PostgreSQL and autocannon share the machine.',
    '',
    '| Scenario | Connections | req/s | p50 | p99 | max | × baseline | non-2xx | Lotse RSS | CPU ms/request (server) | CPU ms/request (PostgreSQL) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...largest.scenarios.map(
      (s) =>
        `| ${s.title} | ${s.connections} | ${s.reqPerSec} | ${ms(s.p50)} | ${ms(s.p99)} | ` +
        `${s.max === undefined ? '–' : ms(s.max)} | ` +
        `${s.ratio ?? '1'} | ${s.non2xx} | ${s.rssMb ? `${s.rssMb} MB` : '–'} | ` +
        `${s.cpuMsPerRequest ?? '–'} | ${s.postgresCpuMsPerRequest ?? '–'} |`,
    ),
    '',
    'CPU ms/request: user + system time of the serving process (Lotse; for the baseline row the ' +
      "baseline's own process) and of all PostgreSQL server processes during the measured run, " +
      'divided by the requests answered (`/proc/<pid>/stat`).',
    '',
    ...budgetLines(largest),
    ...largest.scenarios
      .filter((s) => s.once)
      .flatMap((s) => [
        `${s.title}: ${s.once!.label} took ${ms(s.once!.ms)} (status ${s.once!.status}); ` +
          `the reads' longest wait was ${s.max === undefined ? '–' : ms(s.max)}.`,
        '',
      ]),
    // Every scale's: the target is for the highest, wherever it was reached.
    `Highest RSS of Lotse under load: ${Object.values(all.runs)
      .sort((a, b) => b.scale - a.scale)
      .map((r) => `${r.maxRssMb} MB at ${r.scale.toLocaleString('en')} referrals`)
      .join(', ')}.`,
    '',
  ];
  if (scales.length >= 2) {
    lines.push(
      `Scaling (p50 at ${scales[scales.length - 1].toLocaleString('en')} ÷ p50 at ` +
        `${scales[0].toLocaleString('en')} referrals):`,
      '',
      `| Read scenario | p50 at ${scales[0]} | p50 at ${scales[scales.length - 1]} | ratio |`,
      '| --- | ---: | ---: | ---: |',
      ...scalingRows(all),
      '',
    );
  }
  lines.push(END);
  const block = lines.join('\n');
  const current = existsSync(BENCHMARKS_FILE)
    ? readFileSync(BENCHMARKS_FILE, 'utf8')
    : `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  const from = current.indexOf(BEGIN);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_FILE, next);
  // Keeps `npm run lint` (prettier --check) green: prettier pads the tables.
  spawnSync('npx', ['prettier', '--write', BENCHMARKS_FILE, RESULTS_FILE], { cwd: ROOT });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
