import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { AuditSealer } from '../../src/audit/audit-sealer.service';
import { AuditService } from '../../src/audit/audit.service';
import {
  AUDIT_SEAL_JOB,
  JobRunner,
  MAINTENANCE_JOB,
  RETENTION_SWEEP_JOB,
} from '../../src/jobs/job-runner.service';
import { Metrics } from '../../src/metrics/metrics.service';
import { createUser } from '../factories/identity';
import { buildReferralWorld } from '../factories/referrals';
import { sendReferral } from '../support/events';
import { expectChainHolds } from '../support/audit-chain';
import { httpOf } from '../support/http';
import { captureStdout } from '../sentinel/log-capture';
import { testTrailEntry } from '../support/trail-entries';
import { createTestApp } from '../support/test-app';

const onPglite = !process.env.TEST_DATABASE_URL;

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, stepMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A refresh token that expired a minute ago; true while it is still stored. */
async function expiredRefreshToken(app: NestFastifyApplication): Promise<() => Promise<boolean>> {
  const ds = app.get(DataSource);
  const user = await createUser(app, { roles: [Role.Caseworker] });
  await ds.query('UPDATE refresh_tokens SET expires_at = $2 WHERE session_id = $1', [
    user.sessionId,
    new Date(Date.now() - 60_000),
  ]);
  return async () =>
    (await ds.query('SELECT 1 FROM refresh_tokens WHERE session_id = $1', [user.sessionId]))
      .length > 0;
}

/** Records an audit event of its own (resource `test`/`tag`); returns its id. */
async function recordTestEvent(app: NestFastifyApplication, tag: string, i = 0): Promise<string> {
  await app.get(AuditService).recordAlone(testTrailEntry(tag, { details: { i } }));
  const [row] = await app.get(DataSource).query<{ id: string }[]>(
    `SELECT id::text AS id FROM audit_events
        WHERE resource_type = 'test' AND resource_id = $1 AND details->>'i' = $2`,
    [tag, String(i)],
  );
  return row.id;
}

/** Whether the audit event `id` is sealed into the hash chain. */
async function sealed(app: NestFastifyApplication, id: string): Promise<boolean> {
  const rows = await app
    .get(DataSource)
    .query<unknown[]>('SELECT 1 FROM audit_seals WHERE event_id = $1', [id]);
  return rows.length > 0;
}

/**
 * The job runner (ADR 0019, "Jobs on pg-boss"). pg-boss runs on whatever database the suite
 * uses: real PostgreSQL (TEST_DATABASE_URL) or the shared PGlite, through the same loopback
 * socket as the app's pool. Other test apps run no jobs (JOBS_INTERVAL_MS=0).
 */
describe(`jobs on pg-boss (${onPglite ? 'embedded PGlite' : 'PostgreSQL'})`, () => {
  let a: NestFastifyApplication;
  let b: NestFastifyApplication;
  let logs: ReturnType<typeof captureStdout>;
  const env = {
    JOBS_RUNNER: 'pg-boss',
    JOBS_INTERVAL_MS: '600000',
    // Not during the test: maintenance runs on the shared database would race other files' checks.
    JOBS_MAINTENANCE_CRON: '0 0 1 1 *',
    JOBS_RETENTION_CRON: '0 0 1 1 *',
    JOBS_STATUS_INTERVAL_MS: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };

  beforeAll(async () => {
    logs = captureStdout();
    a = await createTestApp({ env: { ...env, METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' } });
    b = await createTestApp({ env });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    logs.restore();
  });

  it('is the active runner, on PostgreSQL and on PGlite alike', () => {
    for (const app of [a, b]) {
      const runner = app.get(JobRunner);
      expect(runner.kind).toBe('pg-boss');
      expect(runner.pgBoss).toBeDefined();
      expect(runner.embedded).toBe(onPglite);
    }
    expect(logs.lines.some((l) => l.includes('Jobs run on pg-boss (schema pgboss'))).toBe(true);
  });

  it('runs a scheduled job once per occurrence across two instances', async () => {
    const runs: string[] = [];
    const since = new Date();
    // The same definition in both instances, as every instance defines the app's jobs.
    for (const app of [a, b]) {
      await app.get(JobRunner).define({
        name: 'test.scheduled',
        cron: '* * * * *',
        handler: ({ id }) => Promise.resolve(void runs.push(id)),
      });
    }
    // Every minute; pg-boss's cron check runs every 30 s, the workers poll every 2 s.
    await until('the scheduled run', () => Promise.resolve(runs.length > 0), 110_000);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(runs).toHaveLength(1);
    const boss = a.get(JobRunner).pgBoss!;
    const sent = await boss.findJobs('test.scheduled', { limit: 100_000 });
    expect(sent.filter((job) => job.createdOn >= since).map((job) => job.id)).toEqual(runs);
    expect((await boss.getSchedule(MAINTENANCE_JOB))?.cron).toBe('0 0 1 1 *');
    await boss.unschedule('test.scheduled');
  }, 160_000);

  it('prunes an expired refresh token in a maintenance job executed by pg-boss', async () => {
    const stored = await expiredRefreshToken(a);
    expect(await stored()).toBe(true);
    const runner = a.get(JobRunner);
    const id = await runner.send(MAINTENANCE_JOB);
    await until('the token pruned', async () => !(await stored()), 30_000);
    const [job] = await runner.pgBoss!.findJobs(MAINTENANCE_JOB, { id });
    await until(
      'the job completed',
      async () => {
        const [now] = await runner.pgBoss!.findJobs(MAINTENANCE_JOB, { id });
        return now?.state === 'completed';
      },
      10_000,
    );
    expect(job?.data).toEqual({});
  });

  it('erases a closed case past its period in a retention-sweep job executed by pg-boss', async () => {
    const world = await buildReferralWorld(a);
    const http = httpOf(a);
    const referralId = await sendReferral(http, world);
    await http.advance(world.leadP1, referralId, 'accept', {
      assignedWorkerId: world.workerP1.userId,
    });
    await http.advance(world.workerP1, referralId, 'start');
    await http.advance(world.workerP1, referralId, 'complete', { outcome: 'goals_reached' });
    const ds = a.get(DataSource);
    const stored = async () =>
      (await ds.query('SELECT 1 FROM clients WHERE id = $1', [world.client.id])).length > 0;
    const runner = a.get(JobRunner);
    expect((await runner.pgBoss!.getSchedule(RETENTION_SWEEP_JOB))?.cron).toBe('0 0 1 1 *');

    // Now: nothing is due.
    const now = await runner.send(RETENTION_SWEEP_JOB, { jobcenterId: world.jobcenterA });
    const completed = (id: string) => async () =>
      (await runner.pgBoss!.findJobs(RETENTION_SWEEP_JOB, { id }))[0]?.state === 'completed';
    await until('the first sweep', completed(now), 30_000);
    expect(await stored()).toBe(true);
    // Four years later (a moved clock): the closed case is erased.
    const later = String(Date.now() + 4 * 365 * 86_400_000);
    const id = await runner.send(RETENTION_SWEEP_JOB, { at: later, jobcenterId: world.jobcenterA });
    await until('the client erased', async () => !(await stored()), 30_000);
    await until('the job completed', completed(id), 10_000);
  }, 60_000);

  it('seals a fresh audit event within seconds, one run at a time across two instances', async () => {
    // The chain of audit-seal runs (ADR 0019, "The audit sealer as a job"): started at boot,
    // each run queues the next a second later, the cron restarts a lost chain every minute.
    expect((await a.get(JobRunner).pgBoss!.getSchedule(AUDIT_SEAL_JOB))?.cron).toBe('* * * * *');
    let inFlight = 0;
    let mostAtOnce = 0;
    const runsBy = new Map<NestFastifyApplication, number>();
    const spies = [a, b].map((app) => {
      const sealer = app.get(AuditSealer);
      const original = sealer.sealPending.bind(sealer);
      return jest.spyOn(sealer, 'sealPending').mockImplementation(async () => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        runsBy.set(app, (runsBy.get(app) ?? 0) + 1);
        try {
          return await original();
        } finally {
          inFlight -= 1;
        }
      });
    });
    const tag = randomUUID();
    const latencies: number[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const app = i % 2 ? a : b;
        const written = Date.now();
        const eventId = await recordTestEvent(app, tag, i);
        await until('the event sealed', () => sealed(app, eventId), 10_000, 50);
        if (process.env.MEASURE_SEALING)
          process.stderr.write(`sealed after ${Date.now() - written} ms\n`);
        latencies.push(Date.now() - written);
        await new Promise((r) => setTimeout(r, 100 + (i % 4) * 150));
      }
      // Never more than one job queued and one running, whichever instance sent it.
      const states = await a
        .get(DataSource)
        .query<{ state: string; n: number }[]>(
          `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active') GROUP BY state`,
          [AUDIT_SEAL_JOB],
        );
      for (const { n } of states) expect(n).toBeLessThanOrEqual(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // Sealed within a few seconds (a run a second, polled every half second), never two runs at
    // once in these two instances.
    expect(Math.max(...latencies)).toBeLessThan(4_000);
    expect(mostAtOnce).toBe(1);
    expect([...runsBy.values()].reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(5);
    // One chain position per event, and the chain verifies.
    const [positions] = await a.get(DataSource).query<{ n: number; distinct: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT s.position)::int AS distinct
           FROM audit_seals s JOIN audit_events e ON e.id = s.event_id
          WHERE e.resource_type = 'test' AND e.resource_id = $1`,
      [tag],
    );
    expect(positions).toEqual({ n: 12, distinct: 12 });
    const auditor = await createUser(a, { roles: [Role.Auditor] });
    await expectChainHolds(httpOf(a), auditor);
  }, 90_000);

  it('retries a failing job with backoff, then moves it to the dead-letter queue', async () => {
    const runner = a.get(JobRunner);
    const attempts: number[] = [];
    await runner.define({
      name: 'test.failing',
      retryLimit: 2,
      retryDelaySeconds: 2,
      handler: () => {
        attempts.push(Date.now());
        return Promise.reject(new Error('receiver refused'));
      },
    });
    const referralId = randomUUID();
    const id = await runner.send('test.failing', { referralId });
    const boss = runner.pgBoss!;
    await until(
      'the dead letter',
      async () => (await boss.findJobs('test.failing.dead', { data: { referralId } })).length > 0,
      60_000,
    );
    const [dead] = await boss.findJobs('test.failing.dead', { data: { referralId } });
    expect(dead).toMatchObject({ sourceName: 'test.failing', sourceId: id, data: { referralId } });
    expect(attempts).toHaveLength(3);
    // Exponential: the second wait is at least twice the first delay (2 s), the first at least half.
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(1_000);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(2_000);
    const failures = logs.lines.filter((l) => l.includes(`Job test.failing ${id} failed`));
    expect(failures).toHaveLength(3);
    expect(failures[2]).toContain(
      'attempt 3 of 3), moved to test.failing.dead: Error: receiver refused',
    );

    // The status line: queue depth and failures, a warning once anything is dead-lettered.
    // pg-boss's counts may be up to a minute old (its monitor's).
    await until(
      'the dead letter counted',
      async () =>
        ((await runner.status()).find((q) => q.name === 'test.failing')?.deadLettered ?? 0) >= 1,
      75_000,
      1_000,
    );
    await runner.logStatus();
    const line = logs.lines.filter((l) => l.includes('Job queues: ')).pop();
    expect(line).toMatch(/"level":40/);
    expect(line).toMatch(/maintenance queued=\d+ active=\d+ failed=\d+ dead=\d+/);
    expect(line).toMatch(/test\.failing queued=\d+ active=\d+ failed=[1-9]\d* dead=[1-9]/);
    // And as a metric, read when scraped.
    const metric = await a.get(Metrics).registry.getSingleMetricAsString('lotse_job_queue');
    expect(metric).toMatch(/lotse_job_queue\{queue="test\.failing",state="dead"\} [1-9]/);
    expect(metric).toMatch(/lotse_job_queue\{queue="maintenance",state="queued"\} \d+/);
  }, 160_000);

  it('refuses a payload that is not ids', async () => {
    await expect(a.get(JobRunner).send(MAINTENANCE_JOB, { name: 'Anna Muster' })).rejects.toThrow(
      'name is not an id (payloads carry ids only)',
    );
  });
});

describe('the timer fallback (JOBS_RUNNER=timer)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ env: { JOBS_RUNNER: 'timer', JOBS_INTERVAL_MS: '300' } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs the maintenance job in this instance on a timer, without pg-boss', async () => {
    const runner = app.get(JobRunner);
    expect(runner.kind).toBe('timer');
    expect(runner.pgBoss).toBeUndefined();
    const stored = await expiredRefreshToken(app);
    // A timer run after the token expired (another file's run may prune it first: one database).
    const before = runner.runs.completed;
    await until(
      'a timer run, and the token pruned',
      async () => runner.runs.completed > before && !(await stored()),
      15_000,
    );
    await expect(runner.send(MAINTENANCE_JOB)).rejects.toThrow('the job runner is timer');
  });

  it('runs the audit sealer in this instance on a timer', async () => {
    const eventId = await recordTestEvent(app, randomUUID());
    await until('a timer run sealing the event', () => sealed(app, eventId), 15_000);
  });
});

describe('JOBS_INTERVAL_MS=0 (the test apps)', () => {
  it('runs no jobs at all', async () => {
    const app = await createTestApp();
    try {
      expect(app.get(JobRunner).kind).toBe('off');
      expect(app.get(JobRunner).pgBoss).toBeUndefined();
      // Nor does the audit sealer (shutdown and verification still seal).
      const sealing = jest.spyOn(app.get(AuditSealer), 'sealPending');
      await recordTestEvent(app, randomUUID());
      await new Promise((r) => setTimeout(r, 1_500));
      expect(sealing).not.toHaveBeenCalled();
    } finally {
      await app.close();
    }
  });
});
