import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Role } from '../../src/auth/role';
import { clientBody, uniqueCustomerNumber } from '../factories/clients';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, isOutageProblem, tally, type Answer } from './support/http';
import { clusterOfRun, type PgCluster } from './support/pg-cluster';

/*
 * R1 (docs/security.md §5, items 35 and 40): kill -9 of the PostgreSQL postmaster while 8 writers
 * register clients over HTTP. Every write the app acknowledged (201) is there after the
 * restart; at most one row per writer exists that was not acknowledged (committed, answer
 * lost); while the database is down the app answers 503 problem+json only, and it serves
 * writes again after the restart without being restarted itself. Each write also wrote its
 * audit event in the same transaction, and the audit chain verifies.
 */

const WRITERS = 8;
const LOAD_BEFORE_CRASH_MS = 3000;
const OUTAGE_MS = 3000;
const LOAD_AFTER_RECOVERY_MS = 1500;
const RECOVERY_LIMIT_MS = 15000;

interface Write {
  customerNumber: string;
  answer: Answer;
  /** In flight when the postmaster was killed. */
  inFlightAtCrash: boolean;
}

describe('R1: kill -9 of PostgreSQL under write load', () => {
  let cluster: PgCluster;
  let app: AppProcess;
  let caseworker: TestUser;
  let auditor: TestUser;
  let jobcenterId: string;

  beforeAll(async () => {
    cluster = clusterOfRun();
    // The in-process app only makes the users (factories); the app under test is a process.
    const seeder = await createTestApp();
    try {
      jobcenterId = (await createOrganisation(seeder)).id;
      caseworker = await createUser(seeder, {
        roles: [Role.Caseworker],
        organisationId: jobcenterId,
      });
      auditor = await createUser(seeder, { roles: [Role.Auditor], organisationId: jobcenterId });
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

  it('loses no acknowledged write, answers 503 while down, and recovers without a restart', async () => {
    const pid = app.pid;
    const writes: Write[] = [];
    const inFlight = new Set<string>();
    let stop = false;

    const writer = async () => {
      while (!stop) {
        const customerNumber = uniqueCustomerNumber();
        inFlight.add(customerNumber);
        const write: Write = { customerNumber, answer: undefined!, inFlightAtCrash: false };
        write.answer = await call(app.baseUrl, 'POST', '/api/v1/clients', {
          headers: caseworker.authHeader,
          body: clientBody({ customerNumber }),
        });
        inFlight.delete(customerNumber);
        writes.push(write);
        // Down, the app answers at once: pace the writers instead of spinning.
        if (write.answer.status !== 201) await sleep(50);
      }
    };
    const load = Array.from({ length: WRITERS }, writer);

    await sleep(LOAD_BEFORE_CRASH_MS);
    const pending = new Set(inFlight);
    cluster.kill9();
    const crashAt = performance.now();
    await sleep(OUTAGE_MS);
    const restartAt = performance.now();
    await cluster.restart();
    const startedAt = performance.now();
    // Recovered: the first acknowledged write sent after the restart.
    let recoveredAt = Infinity;
    while (performance.now() - startedAt < RECOVERY_LIMIT_MS) {
      const after = writes.find((w) => w.answer.sentAt > startedAt && w.answer.status === 201);
      if (after) {
        recoveredAt = after.answer.sentAt + after.answer.ms;
        break;
      }
      await sleep(50);
    }
    await sleep(LOAD_AFTER_RECOVERY_MS);
    stop = true;
    await Promise.all(load);
    for (const w of writes) w.inFlightAtCrash = pending.has(w.customerNumber);

    // The app process is the same one and alive.
    expect(app.alive).toBe(true);
    expect(app.pid).toBe(pid);

    const acknowledged = writes.filter((w) => w.answer.status === 201);
    const refused = writes.filter((w) => w.answer.status !== 201);
    const statuses = tally(writes.map((w) => w.answer));
    // Only 201 or the outage problem: no 500, no reset connection, no hang.
    expect(refused.filter((w) => !isOutageProblem(w.answer)).map((w) => brief(w.answer))).toEqual(
      [],
    );
    expect(acknowledged.every((w) => typeof w.answer.body.id === 'string')).toBe(true);
    const duringOutage = writes.filter(
      (w) => w.answer.sentAt > crashAt && w.answer.sentAt + w.answer.ms < restartAt,
    );
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.every((w) => isOutageProblem(w.answer))).toBe(true);
    expect(recoveredAt).toBeLessThan(Infinity);

    const db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    try {
      const rows = await db.query<{ id: string; customer_number: string; audited: boolean }>(
        `SELECT c.id, c.customer_number,
                EXISTS (SELECT 1 FROM audit_events e
                        WHERE e.action = 'client.create' AND e.resource_id = c.id::text) AS audited
         FROM clients c WHERE c.jobcenter_id = $1`,
        [jobcenterId],
      );
      const stored = new Map(rows.rows.map((r) => [r.customer_number, r.id]));
      const lost = acknowledged.filter((w) => stored.get(w.customerNumber) !== w.answer.body.id);
      const acknowledgedNumbers = new Set(acknowledged.map((w) => w.customerNumber));
      const extra = rows.rows.filter((r) => !acknowledgedNumbers.has(r.customer_number));
      const attempted = new Map(writes.map((w) => [w.customerNumber, w]));
      const figures = {
        writes: writes.length,
        statuses,
        acknowledged: acknowledged.length,
        lost: lost.length,
        extra: extra.length,
        inFlightAtCrash: pending.size,
        outage503: refused.length,
        recoveryMsAfterRestart: Math.round(recoveredAt - startedAt),
        restartMs: Math.round(startedAt - restartAt),
        pidUnchanged: app.pid === pid,
      };
      process.stdout.write(`R1 figures: ${JSON.stringify(figures)}\n`);

      expect(lost.map((w) => w.customerNumber)).toEqual([]);
      // An extra row is a write committed whose answer the crash swallowed: only those in flight.
      expect(extra.length).toBeLessThanOrEqual(WRITERS);
      for (const row of extra)
        expect(attempted.get(row.customer_number)?.inFlightAtCrash).toBe(true);
      // No client without the audit event of its creation (same transaction).
      expect(rows.rows.filter((r) => !r.audited).map((r) => r.id)).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(WRITERS);
    } finally {
      await db.end();
    }

    const verify = await call(app.baseUrl, 'GET', '/api/v1/audit-events/verify', {
      headers: auditor.authHeader,
    });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
    expect(app.alive && app.pid === pid).toBe(true);
  });
});
