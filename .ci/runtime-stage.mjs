#!/usr/bin/env node
// The Dockerfile's runtime stage, reproduced without a Docker engine (CI has none), and booted
// against PostgreSQL. It reads the Dockerfile and carries out the stage's instructions in a
// clean folder: the same `RUN npm ci …` line, only what its COPY lines copy (dist/ from the
// build, which CI has just run), its ENV, and its USER as a non-root user of this machine.
// Then, with the stage's own CMD and the Node major of its FROM image:
//   1. loads argon2 through the app's password hasher and verifies a stored PHC hash (the
//      check that would have caught node-argon2's segfault with --ignore-scripts);
//   2. starts the app as the least-privilege role on an empty database: live 200, ready 503
//      (migrations pending);
//   3. runs the migration step (`node dist/src/database/migrate.js`) as the owner role, which
//      grants the app role its privileges; ready turns 200, and the HEALTHCHECK passes;
//   4. creates an admin with the image's create-admin, logs in (the admin's MFA challenge, TOTP
//      enrolment with a code computed here), reads /me, scrapes /metrics;
//   5. as the app role: UPDATE/DELETE of audit events and seals and ALTER TABLE are refused;
//   6. stops the app with SIGTERM.
// What it cannot prove: the base image's OS packages and the Docker build itself.
// Usage: node .ci/runtime-stage.mjs  (env: PGHOST, PGPORT, RUNTIME_STAGE_DB; run as root)
import { spawn, spawnSync } from 'node:child_process';
import { totp } from './totp.mjs';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  chmodSync,
  mkdirSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PGHOST = process.env.PGHOST ?? '127.0.0.1';
const PGPORT = process.env.PGPORT ?? '5432';
const DB = process.env.RUNTIME_STAGE_DB ?? 'lotse_ci_image';
const OWNER = `${DB}_owner`;
const APP = `${DB}_app`;
const RUN_AS = 'lotse-runtime'; // stands for the image's USER
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) =>
  existsSync(p),
);
const ADMIN = { email: 'admin@runtime-stage.example', password: 'Laufzeit-Stufe im CI 2026' };
// A hash stored by the earlier node-argon2 (parameter order m,p,t); it must keep verifying.
const STORED_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$bG90c2UtZml4ZWQtc2FsdA$0gxc5alzAtc/DSfHBqN3EorjQ/iUTKdkIRbFNoJXE3c';

const log = (line) => process.stdout.write(`runtime-stage: ${line}\n`);
function fail(line) {
  process.stderr.write(`runtime-stage: FAILED: ${line}\n`);
  throw new Error(line);
}
const check = (ok, line) => (ok ? log(`ok: ${line}`) : fail(line));

/** The runtime stage's instructions, continuation lines joined and comments dropped. */
function runtimeStage(dockerfile) {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');
  const stages = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op, rest] = /^(\S+)\s*(.*)$/.exec(line);
    if (op.toUpperCase() === 'FROM') stages.push([]);
    stages.at(-1)?.push({ op: op.toUpperCase(), args: rest.trim() });
  }
  const stage = stages.find((s) => / AS runtime$/i.test(s[0].args));
  if (!stage) fail('the Dockerfile has no stage "AS runtime"');
  return stage;
}

function parseEnv(args) {
  const env = {};
  for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]] = m[2].replace(/^"|"$/g, '');
  return env;
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  const problem = result.error
    ? `${result.error.message}\n`
    : result.signal
      ? `killed by ${result.signal}\n`
      : '';
  return { status: result.status, out: `${result.stdout ?? ''}${result.stderr ?? ''}${problem}` };
}

function psql(sql, { user = 'postgres', db = 'postgres' } = {}) {
  return run('psql', [
    '-X',
    '-q',
    '-h',
    PGHOST,
    '-p',
    PGPORT,
    '-U',
    user,
    '-d',
    db,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    sql,
  ]);
}

function freePort() {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url, want, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (want(status)) return status;
    await sleep(250);
  }
  return fetch(url).then(
    (r) => r.status,
    () => 0,
  );
}

async function main() {
  if (process.getuid?.() !== 0) fail('run as root (it creates a user and runs the stage as it)');
  if (!RUNUSER) fail('runuser (util-linux) is missing');
  const stage = runtimeStage(readFileSync(join(repo, 'Dockerfile'), 'utf8'));
  const tmp = mkdtempSync(join(tmpdir(), 'lotse-runtime-stage-'));
  chmodSync(tmp, 0o755);
  const app = join(tmp, 'app');
  mkdirSync(app);
  const env = {};
  let workdir, user, cmd, healthcheck, fromMajor;
  let child;
  try {
    for (const { op, args } of stage) {
      switch (op) {
        case 'FROM':
          fromMajor = /^node:(\d+)[-.]/.exec(args)?.[1];
          if (!fromMajor) fail(`FROM ${args}: expected an official node:<major>-… image`);
          break;
        case 'ENV':
          Object.assign(env, parseEnv(args));
          break;
        case 'WORKDIR':
          workdir = args;
          break;
        case 'COPY': {
          const parts = args.split(/\s+/);
          const from = parts[0].startsWith('--from=') ? parts.shift().slice(7) : undefined;
          const dest = parts.pop();
          for (const src of parts) {
            // The build stage works in /app of the repository's files: CI has built dist/ here.
            const source = from ? join(repo, src.replace(/^\/app\//, '')) : join(repo, src);
            const target = dest.endsWith('/')
              ? join(app, dest, src.split('/').pop())
              : join(app, dest);
            cpSync(source, target, { recursive: true });
          }
          log(`COPY ${args}`);
          break;
        }
        case 'RUN': {
          log(`RUN ${args}`);
          // A cache of its own, as a fresh image has: `npm cache clean` must not empty ours.
          const r = run('sh', ['-c', args], {
            cwd: app,
            env: { ...process.env, ...env, npm_config_cache: join(tmp, 'npm-cache') },
          });
          process.stdout.write(
            r.out
              .split('\n')
              .map((l) => `  | ${l}`)
              .join('\n') + '\n',
          );
          check(r.status === 0, `RUN exited ${r.status}`);
          check(!/EBADENGINE/.test(r.out), 'npm printed no EBADENGINE');
          break;
        }
        case 'USER':
          user = args;
          break;
        case 'HEALTHCHECK':
          healthcheck = JSON.parse(/\bCMD\s+(\[.*\])\s*$/.exec(args)?.[1] ?? 'null');
          break;
        case 'CMD':
          cmd = JSON.parse(args);
          break;
        case 'EXPOSE':
          break;
        default:
          fail(`instruction ${op} is not reproduced: teach .ci/runtime-stage.mjs`);
      }
    }
    check(workdir === '/app', 'WORKDIR /app');
    check(user && user !== 'root', `USER ${user} (not root); played by ${RUN_AS}`);
    check(Array.isArray(cmd) && cmd[0] === 'node', `CMD ${JSON.stringify(cmd)}`);
    const nodeMajor = process.versions.node.split('.')[0];
    check(
      fromMajor === nodeMajor,
      `Node ${process.versions.node} matches the image's node:${fromMajor}`,
    );
    const contents = readdirSync(app).sort().join(' ');
    check(
      contents === 'NOTICE dist node_modules package-lock.json package.json',
      `the stage holds only ${contents}`,
    );

    // The stage's user, and a node binary it may execute (ours lives under /root).
    if (run('id', ['-u', RUN_AS]).status !== 0) {
      check(
        run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS])
          .status === 0,
        `created user ${RUN_AS}`,
      );
    }
    mkdirSync(join(tmp, 'bin'));
    cpSync(process.execPath, join(tmp, 'bin', 'node'));
    chmodSync(join(tmp, 'bin', 'node'), 0o755);
    const asUser = (extraEnv) => ({
      cwd: app,
      env: { PATH: `${join(tmp, 'bin')}:/usr/bin:/bin`, HOME: tmp, ...env, ...extraEnv },
    });
    const runAs = (args, extraEnv = {}) =>
      run(RUNUSER, ['-u', RUN_AS, '--', ...args], asUser(extraEnv));
    const write = runAs(['touch', 'dist/written-by-app']);
    check(
      write.status !== 0 && /Permission denied/.test(write.out),
      'the app cannot write its own files',
    );

    // 1. argon2, as the app loads it.
    const argon = runAs([
      'node',
      '-e',
      `const { PasswordHasher } = require('./dist/src/identity/password/password-hasher.js');
       (async () => {
         const h = new PasswordHasher(); await h.onModuleInit();
         const fresh = await h.hash('probe password 2026');
         const ok = (await h.verify(${JSON.stringify(STORED_HASH)}, 'Lotse-Demo-Passwort-2026'))
           && (await h.verify(fresh, 'probe password 2026')) && !(await h.verify(fresh, 'wrong'));
         console.log(ok ? 'argon2 ok ' + fresh.split('$').slice(0, 4).join('$') : 'argon2 WRONG');
         process.exit(ok ? 0 : 1);
       })();`,
    ]);
    check(
      argon.status === 0,
      `argon2 loads and verifies in the stage (${argon.out.trim()}; exit ${argon.status})`,
    );

    // 2. An empty database, an owner role and the app's role.
    const setup = [
      `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`,
      `DROP ROLE IF EXISTS ${APP}`,
      `DROP ROLE IF EXISTS ${OWNER}`,
      `CREATE ROLE ${OWNER} LOGIN`,
      `CREATE ROLE ${APP} LOGIN`,
      `CREATE DATABASE ${DB} OWNER ${OWNER}`,
    ];
    for (const sql of setup) check(psql(sql).status === 0, sql);
    const url = (role) => `postgres://${role}@${PGHOST}:${PGPORT}/${DB}`;
    const port = await freePort();
    const metricsPort = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    const runtimeEnv = {
      // What `docker run -e …` would set; HOST narrowed to loopback on a shared machine.
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: url(APP),
      DB_MIGRATIONS_RUN: 'false',
      JWT_SECRET: 'runtime-stage-secret-0123456789abcdefghijkl',
    };
    const output = [];
    child = spawn(RUNUSER, ['-u', RUN_AS, '--', ...cmd], {
      ...asUser({ ...runtimeEnv, METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => output.push(d));
    child.stderr.on('data', (d) => output.push(d));
    const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
    try {
      check(
        (await waitFor(`${base}/health/live`, (s) => s === 200, 60)) === 200,
        'the app is live',
      );
      const notReady = await fetch(`${base}/health/ready`);
      const body = await notReady.json();
      check(
        notReady.status === 503 && body.checks?.migrations?.status === 'pending',
        `ready is 503 with migrations pending (${JSON.stringify(body.checks)})`,
      );

      // 3. The migration step, as the owner.
      const pending = runAs(['node', 'dist/src/database/migrate.js', '--check'], {
        DATABASE_URL: url(OWNER),
      });
      check(
        pending.status === 3,
        `migrate --check exits 3 while migrations are pending (${pending.out.trim().split('\n').at(-1)})`,
      );
      const migrate = runAs(['node', 'dist/src/database/migrate.js'], {
        DATABASE_URL: url(OWNER),
        DB_APP_ROLE: APP,
      });
      process.stdout.write(
        migrate.out
          .split('\n')
          .filter((l) => /^(applied|migrations|granted)/.test(l))
          .map((l) => `  | ${l}`)
          .join('\n') + '\n',
      );
      check(
        migrate.status === 0,
        `migrate as ${OWNER} (exit ${migrate.status}${migrate.status ? `: ${migrate.out.trim().split('\n').at(-1)}` : ''})`,
      );
      check(
        (await waitFor(`${base}/health/ready`, (s) => s === 200, 20)) === 200,
        'ready is 200 after the migration step',
      );
      // The app role may not create the job queues' schema: pg-boss waited (the app kept
      // running) and starts once the migration step has made the schema for the role.
      const log = () => Buffer.concat(output).toString();
      check(/Jobs wait: pg-boss did not start/.test(log()), 'the job runner waited for its schema');
      let jobsStarted = false;
      for (let i = 0; i < 90 && !jobsStarted; i++) {
        jobsStarted = /Jobs run on pg-boss/.test(log());
        if (!jobsStarted) await new Promise((r) => setTimeout(r, 500));
      }
      check(
        jobsStarted,
        'pg-boss started after the migration step (in schema pgboss, where the app role may create)',
      );
      const again = runAs(['node', 'dist/src/database/migrate.js', '--check'], {
        DATABASE_URL: url(OWNER),
      });
      check(again.status === 0, 'migrate --check exits 0 with nothing pending');
      const probe = runAs(healthcheck, runtimeEnv);
      check(probe.status === 0, 'the image HEALTHCHECK passes');

      // 4. The first admin, a login, /me, and a scrape.
      const admin = runAs(['node', 'dist/src/identity/create-admin.js', ADMIN.email, 'CI Admin'], {
        ...runtimeEnv,
        PORT: String(await freePort()),
        ADMIN_PASSWORD: ADMIN.password,
      });
      check(admin.status === 0, `create-admin (${admin.out.trim().split('\n').at(-1)})`);
      const post = (path, body) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      // An admin's password alone gets a challenge (ADR 0017); a new admin enrols a TOTP secret
      // and confirms it with a code computed here, independently of the app (RFC 6238).
      const login = await post('/auth/login', ADMIN);
      const challenge = await login.json();
      check(
        login.status === 200 &&
          typeof challenge.mfaToken === 'string' &&
          challenge.enrolmentRequired === true &&
          challenge.accessToken === undefined,
        `login answers an MFA challenge, no tokens (${login.status})`,
      );
      const enrolment = await post('/auth/mfa/enrolment', { mfaToken: challenge.mfaToken });
      const { secret } = await enrolment.json();
      check(enrolment.status === 200 && typeof secret === 'string', 'MFA enrolment');
      const confirmed = await post('/auth/mfa/enrolment/confirm', {
        mfaToken: challenge.mfaToken,
        code: totp(secret),
      });
      const tokens = await confirmed.json();
      check(
        confirmed.status === 200 &&
          typeof tokens.accessToken === 'string' &&
          tokens.recoveryCodes?.length === 10,
        `MFA enrolment confirmed with a TOTP code: tokens and recovery codes (${confirmed.status})`,
      );
      const me = await fetch(`${base}/me`, {
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      });
      const meBody = await me.json();
      check(me.status === 200 && meBody.roles?.includes('admin'), 'GET /me as the admin');
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text());
      check(
        /lotse_http_requests_total\{method="POST",route="\/api\/v1\/auth\/login",status="200"\} 1/.test(
          metrics,
        ),
        'the login is counted in /metrics',
      );

      // 5. The role split on real PostgreSQL.
      const asApp = (sql) => psql(sql, { user: APP, db: DB });
      for (const [sql, expected] of [
        ['UPDATE audit_events SET action = action', /permission denied/],
        ['DELETE FROM audit_events', /permission denied/],
        ['DELETE FROM audit_seals', /permission denied/],
        ['TRUNCATE audit_events', /permission denied/],
        ['ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only', /must be owner/],
        ['ALTER TABLE users ADD COLUMN x int', /must be owner/],
        ['CREATE TABLE t (x int)', /permission denied/],
      ]) {
        const r = asApp(sql);
        check(r.status !== 0 && expected.test(r.out), `${APP} is refused: ${sql}`);
      }
      const events = asApp('SELECT count(*) FROM audit_events');
      check(events.status === 0, `${APP} reads the audit trail`);
    } catch (error) {
      process.stderr.write(
        Buffer.concat(output).toString().split('\n').slice(-40).join('\n') + '\n',
      );
      throw error;
    }

    // 6. A clean stop.
    child.kill('SIGTERM');
    const { code, signal } = await Promise.race([
      exited,
      sleep(15000).then(() => ({ code: 'timeout' })),
    ]);
    check(
      code === 0 || code === 143 || signal === 'SIGTERM',
      `stopped on SIGTERM (${code ?? signal})`,
    );
    child = undefined;
    log(
      'passed: the runtime stage installs, loads argon2, migrates as a step, serves as the app role and logs in',
    );
  } finally {
    if (child) child.kill('SIGKILL');
    if (!process.env.RUNTIME_STAGE_KEEP) {
      rmSync(tmp, { recursive: true, force: true });
      psql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      psql(`DROP ROLE IF EXISTS ${APP}`);
      psql(`DROP ROLE IF EXISTS ${OWNER}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
