import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { clientBody } from '../factories/clients';
import { createApiKey, createUser, type TestApiKey, type TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { reportBody, workedReferral } from '../factories/reports';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, tally, type Answer } from './support/http';
import { binDir, clusterOfRun } from './support/pg-cluster';

/*
 * Operations drills (docs/operations/guide.md), on the suite's own PostgreSQL cluster:
 *  - backup with pg_dump, restore into a fresh database, start the app on it: the audit chain
 *    verifies with the same head, and a sample of reads answers the same bytes as the source;
 *  - two app instances on one database behind a round-robin client: a mixed workload of
 *    creates, cross-instance reads, conditional updates and idempotent submissions, 0 errors.
 */

const RESTORED_DB = 'lotse_restored';
const WORKERS = 8;
const ROUNDS = 6;

async function rawGet(baseUrl: string, path: string, headers: Record<string, string>) {
  const res = await fetch(`${baseUrl}${path}`, { headers });
  return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
}

describe('operations drills', () => {
  let world: ReferralWorld;
  let caseworker: TestUser;
  let key: TestApiKey;
  let referrals: string[];
  const apps: AppProcess[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const app = await AppProcess.start(env);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    const seeder = await createTestApp();
    try {
      world = await buildReferralWorld(seeder);
      caseworker = await createUser(seeder, {
        roles: [Role.Caseworker],
        organisationId: world.jobcenterA,
      });
      key = await createApiKey(seeder, {
        organisationId: world.providerP1,
        scopes: [ApiKeyScope.ReportsWrite],
        admin: world.admin,
      });
      referrals = [];
      for (let i = 0; i < WORKERS * ROUNDS; i++)
        referrals.push((await workedReferral(seeder, world)).id);
    } finally {
      await seeder.close();
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  it('backup and restore: the restored database verifies with the same head and reads the same bytes', async () => {
    const cluster = clusterOfRun();
    const source = await start();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(source.baseUrl, 'POST', '/api/v1/clients', {
        headers: caseworker.authHeader,
        body: clientBody(),
      });
      expect(res.status).toBe(201);
      created.push(res.body.id as string);
    }
    // A stopped app seals what is queued: the backup then holds a complete chain.
    await source.stop();
    const db = new Pg({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    let head: { position: string; hash: string };
    try {
      [head] = (
        await db.query<{ position: string; hash: string }>(
          `SELECT position::text, encode(hash, 'hex') AS hash FROM audit_chain_head`,
        )
      ).rows;
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_pending',
      );
      expect(rows[0].n).toBe(0);
      await db.query(`DROP DATABASE IF EXISTS ${RESTORED_DB} WITH (FORCE)`);
      await db.query(`CREATE DATABASE ${RESTORED_DB}`);
    } finally {
      await db.end();
    }

    const dir = mkdtempSync(join(tmpdir(), 'lotse-backup-'));
    const dump = join(dir, 'lotse.dump');
    const bin = binDir();
    const started = Date.now();
    try {
      // The procedure of docs/operations/guide.md, "Backup and restore".
      execFileSync(join(bin, 'pg_dump'), [
        '--format=custom',
        `--file=${dump}`,
        process.env.TEST_DATABASE_URL!,
      ]);
      execFileSync(join(bin, 'pg_restore'), [
        '--exit-on-error',
        `--dbname=${cluster.url}/${RESTORED_DB}`,
        dump,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const drillMs = Date.now() - started;

    const [original, restored] = await Promise.all([
      start(),
      start({ DATABASE_URL: `${cluster.url}/${RESTORED_DB}` }),
    ]);
    const auditor = world.auditorA.authHeader;
    const [verifyOriginal, verifyRestored] = await Promise.all(
      [original, restored].map((app) =>
        call(app.baseUrl, 'GET', '/api/v1/audit-events/verify', { headers: auditor }),
      ),
    );
    expect(verifyRestored.body).toMatchObject({
      ok: true,
      headPosition: Number(head!.position),
      headHash: head!.hash,
    });
    expect(verifyOriginal.body).toEqual(verifyRestored.body);

    const reads = [
      ...created.map((id) => `/api/v1/clients/${id}`),
      '/api/v1/clients?limit=50',
      `/api/v1/referrals/${referrals[0]}`,
      `/api/v1/referrals/${referrals[0]}/history`,
      '/api/v1/referrals?limit=50',
    ];
    for (const path of reads) {
      const [a, b] = await Promise.all(
        [original, restored].map((app) => rawGet(app.baseUrl, path, caseworker.authHeader)),
      );
      expect({ path, status: a.status }).toEqual({ path, status: 200 });
      expect({ path, etag: b.etag, text: b.text }).toEqual({ path, etag: a.etag, text: a.text });
    }
    process.stdout.write(
      `backup/restore drill: ${JSON.stringify({ headPosition: Number(head!.position), dumpAndRestoreMs: drillMs, readsCompared: reads.length })}\n`,
    );
    await Promise.all([original.stop(), restored.stop()]);
  });

  it('two instances on one database behind a round-robin client: a mixed workload with 0 errors', async () => {
    const instances = await Promise.all([start(), start()]);
    let turn = 0;
    const next = () => instances[turn++ % instances.length].baseUrl;
    const answers: { op: string; answer: Answer; expected: number }[] = [];
    const expectOk = (op: string, answer: Answer, expected: number) => {
      answers.push({ op, answer, expected });
      return answer;
    };
    const queue = [...referrals];

    const worker = async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const auth = caseworker.authHeader;
        const made = expectOk(
          'create client',
          await call(next(), 'POST', '/api/v1/clients', { headers: auth, body: clientBody() }),
          201,
        );
        const id = made.body.id as string;
        const read = expectOk(
          'read client',
          await call(next(), 'GET', `/api/v1/clients/${id}`, { headers: auth }),
          200,
        );
        expectOk(
          'update client',
          await call(next(), 'PATCH', `/api/v1/clients/${id}`, {
            headers: { ...auth, 'If-Match': read.headers.get('etag') ?? '' },
            body: { city: 'Essen' },
          }),
          200,
        );
        expectOk(
          'list clients',
          await call(next(), 'GET', '/api/v1/clients?limit=20', { headers: auth }),
          200,
        );
        const referralId = queue.shift()!;
        const submission = {
          headers: { ...key.authHeader, 'Idempotency-Key': `rr-${randomUUID()}` },
          body: reportBody(),
        };
        const first = expectOk(
          'submit report',
          await call(next(), 'POST', `/api/v1/referrals/${referralId}/reports`, submission),
          201,
        );
        const replay = expectOk(
          'replay report',
          await call(next(), 'POST', `/api/v1/referrals/${referralId}/reports`, submission),
          201,
        );
        expect(replay.body).toEqual(first.body);
        expectOk(
          'read referral',
          await call(next(), 'GET', `/api/v1/referrals/${referralId}`, {
            headers: world.caseworkerA.authHeader,
          }),
          200,
        );
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));

    const errors = answers.filter((a) => a.answer.status !== a.expected);
    expect(errors.map((e) => ({ op: e.op, ...brief(e.answer) }))).toEqual([]);
    const verify = await Promise.all(
      instances.map((app) =>
        call(app.baseUrl, 'GET', '/api/v1/audit-events/verify', {
          headers: world.auditorA.authHeader,
        }),
      ),
    );
    for (const v of verify) expect(v.body).toMatchObject({ ok: true });
    expect(instances.every((app) => app.alive)).toBe(true);
    process.stdout.write(
      `two instances figures: ${JSON.stringify({ requests: answers.length, statuses: tally(answers.map((a) => a.answer)), errors: errors.length })}\n`,
    );
  });
});
