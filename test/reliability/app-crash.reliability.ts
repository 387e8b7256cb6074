import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as Pg } from 'pg';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { clientBody, uniqueCustomerNumber } from '../factories/clients';
import { createApiKey, createUser, type TestApiKey, type TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { reportBody, workedReferral } from '../factories/reports';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, tally, type Answer } from './support/http';

/*
 * R2 (docs/security.md, "Reliability"): kill -9 of the app process in the middle of requests
 * under write load, then a new process on the same database. No acknowledged write is lost,
 * nothing is half-written (every client has its audit event, every report all its sections,
 * the audit chain verifies), and retries with the same Idempotency-Key give one effect.
 * R6, "kill after commit, then retry": the app dies after committing a report but before its
 * answer reaches the client; the retry replays that report and nothing is stored twice.
 */

const CLIENT_WRITERS = 6;
const REPORT_WRITERS = 4;
const REFERRALS = 80;
const LOAD_BEFORE_KILL_MS = 1500;
// A key whose request died mid-way stays `in_flight` until the abandonment window (60 s in
// src/idempotency/idempotency.service.ts) ends; a retry gets 409 with Retry-After until then.
const RETRY_FOR_MS = 80000;

interface Attempt {
  key: string;
  referralId: string;
  answer: Answer;
}

/**
 * A loopback proxy that forwards requests to the app but never returns its answers: the client
 * waits while the app commits, as when a process dies between commit and response.
 */
async function swallowingProxy(targetPort: number): Promise<{ server: Server; port: number }> {
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    client.pipe(upstream);
    upstream.on('data', () => undefined); // read and drop the answer
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('R2 and R6: kill -9 of the app process', () => {
  let db: Pg;
  let world: ReferralWorld;
  let key: TestApiKey;
  let caseworker: TestUser;
  let referrals: string[];
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    const seeder = await createTestApp();
    try {
      world = await buildReferralWorld(seeder);
      key = await createApiKey(seeder, {
        organisationId: world.providerP1,
        scopes: [ApiKeyScope.ReportsWrite],
        admin: world.admin,
      });
      caseworker = await createUser(seeder, {
        roles: [Role.Caseworker],
        organisationId: world.jobcenterA,
      });
      referrals = [];
      for (let i = 0; i < REFERRALS; i++) referrals.push((await workedReferral(seeder, world)).id);
    } finally {
      await seeder.close();
    }
    db = new Pg({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    for (const app of apps) await app.stop();
  });

  const start = async () => {
    const app = await AppProcess.start();
    apps.push(app);
    return app;
  };
  const submit = (baseUrl: string, a: { key: string; referralId: string }) =>
    call(baseUrl, 'POST', `/api/v1/referrals/${a.referralId}/reports`, {
      headers: { ...key.authHeader, 'Idempotency-Key': a.key },
      body: reportBody(),
    });

  /** Retries with the same key until an answer other than 409-in-flight or no answer. */
  async function retryUntilDone(baseUrl: string, a: Attempt): Promise<Answer> {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      const answer = await submit(baseUrl, a);
      const inFlight =
        answer.status === 409 && answer.body.type === 'urn:lotse:problem:idempotency-key-in-flight';
      if ((!inFlight && answer.status !== 0) || Date.now() > deadline) return answer;
      await sleep(1000);
    }
  }

  it('R2: loses no acknowledged write, leaves nothing half-written, and retries give one effect', async () => {
    const first = await start();
    const clientWrites: { customerNumber: string; answer: Answer }[] = [];
    const reportWrites: Attempt[] = [];
    const queue = referrals.slice(0, -1); // the last one is R6's
    let stop = false;

    const clientWriter = async () => {
      while (!stop) {
        const customerNumber = uniqueCustomerNumber();
        const answer = await call(first.baseUrl, 'POST', '/api/v1/clients', {
          headers: caseworker.authHeader,
          body: clientBody({ customerNumber }),
        });
        clientWrites.push({ customerNumber, answer });
        if (answer.status === 0) return; // the process is gone
      }
    };
    const reportWriter = async () => {
      while (!stop) {
        const referralId = queue.shift();
        if (!referralId) return;
        const attempt = { key: `r2-${randomUUID()}`, referralId };
        const answer = await submit(first.baseUrl, attempt);
        reportWrites.push({ ...attempt, answer });
        if (answer.status === 0) return;
      }
    };
    const load = [
      ...Array.from({ length: CLIENT_WRITERS }, clientWriter),
      ...Array.from({ length: REPORT_WRITERS }, reportWriter),
    ];
    await sleep(LOAD_BEFORE_KILL_MS);
    await first.kill9();
    stop = true;
    await Promise.all(load);

    const cut = [...clientWrites, ...reportWrites].filter((w) => w.answer.status === 0);
    const clientStatuses = tally(clientWrites.map((w) => w.answer));
    const reportStatuses = tally(reportWrites.map((w) => w.answer));
    // Before the kill only successes; the kill cut at least one request off.
    expect(
      [...clientWrites, ...reportWrites]
        .filter((w) => ![0, 201].includes(w.answer.status))
        .map((w) => brief(w.answer)),
    ).toEqual([]);
    expect(cut.length).toBeGreaterThan(0);

    const second = await start();
    // Every report write the client could not be sure of is retried with its key.
    const retried = reportWrites.filter((w) => w.answer.status !== 201);
    const retryStarted = Date.now();
    const retries = await Promise.all(retried.map((w) => retryUntilDone(second.baseUrl, w)));
    expect(retries.filter((r) => r.status !== 201).map(brief)).toEqual([]);

    // Clients: every acknowledged one stored as answered, with its audit event; the only
    // rows nobody heard of are writes the kill cut off.
    const { rows: clients } = await db.query<{
      id: string;
      customer_number: string;
      audited: boolean;
    }>(
      `SELECT c.id, c.customer_number,
              EXISTS (SELECT 1 FROM audit_events e
                       WHERE e.action = 'client.create' AND e.resource_id = c.id::text) AS audited
         FROM clients c WHERE c.customer_number = ANY($1)`,
      [clientWrites.map((w) => w.customerNumber)],
    );
    const stored = new Map(clients.map((r) => [r.customer_number, r.id]));
    const acknowledgedClients = clientWrites.filter((w) => w.answer.status === 201);
    const lostClients = acknowledgedClients.filter(
      (w) => stored.get(w.customerNumber) !== w.answer.body.id,
    );
    const cutNumbers = new Set(
      clientWrites.filter((w) => w.answer.status === 0).map((w) => w.customerNumber),
    );
    const unexplained = clients.filter(
      (r) =>
        !acknowledgedClients.some((w) => w.customerNumber === r.customer_number) &&
        !cutNumbers.has(r.customer_number),
    );
    expect(lostClients.map((w) => w.customerNumber)).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(clients.filter((r) => !r.audited).map((r) => r.id)).toEqual([]);

    // Reports: exactly one per key, complete, and the acknowledged answer is the stored report.
    const used = reportWrites.map((w) => w.referralId);
    const { rows: reports } = await db.query<{ id: string; referral_id: string; sections: number }>(
      `SELECT r.id, r.referral_id,
              (SELECT count(*)::int FROM report_sections s WHERE s.report_id = r.id) AS sections
         FROM reports r WHERE r.referral_id = ANY($1)`,
      [used],
    );
    const byReferral = new Map<string, { id: string; sections: number }[]>();
    for (const r of reports)
      byReferral.set(r.referral_id, [...(byReferral.get(r.referral_id) ?? []), r]);
    const final = new Map(reportWrites.map((w) => [w.referralId, w.answer]));
    retried.forEach((w, i) => final.set(w.referralId, retries[i]));
    for (const w of reportWrites) {
      const stored = byReferral.get(w.referralId) ?? [];
      expect({ referral: w.referralId, reports: stored.length }).toEqual({
        referral: w.referralId,
        reports: 1,
      });
      expect(stored[0].id).toBe(final.get(w.referralId)!.body.id);
      expect(stored[0].sections).toBe(reportBody().sections.length);
    }

    const verify = await call(second.baseUrl, 'GET', '/api/v1/audit-events/verify', {
      headers: world.auditorA.authHeader,
    });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });

    process.stdout.write(
      `R2 figures: ${JSON.stringify({
        clientWrites: clientWrites.length,
        clientStatuses,
        reportWrites: reportWrites.length,
        reportStatuses,
        cutByKill: cut.length,
        lost: lostClients.length,
        clientRowsOfCutWrites: clients.filter((r) => cutNumbers.has(r.customer_number)).length,
        reportRetries: retried.length,
        retryStatuses: tally(retries),
        retrySeconds: Math.round((Date.now() - retryStarted) / 1000),
        duplicates: reports.length - used.length,
      })}\n`,
    );
  });

  it('R6: a kill after commit and before the answer; the retry replays, one report', async () => {
    const app = await start();
    const proxy = await swallowingProxy(Number(new URL(app.baseUrl).port));
    try {
      const attempt = { key: `r6-${randomUUID()}`, referralId: referrals.at(-1)! };
      const lostAnswer = submit(`http://127.0.0.1:${proxy.port}`, attempt);
      // Committed: the key's answer is stored in the same transaction as the report.
      let committed = false;
      // Up to 20 s: on a loaded machine the submission can take more than a few seconds.
      for (let i = 0; i < 800 && !committed; i++) {
        const { rows } = await db.query(
          "SELECT 1 FROM idempotency_keys WHERE key = $1 AND state = 'done'",
          [attempt.key],
        );
        committed = rows.length === 1;
        if (!committed) await sleep(25);
      }
      expect(committed).toBe(true);
      await app.kill9();
      expect((await lostAnswer).status).toBe(0);

      const next = await start();
      const retry = await submit(next.baseUrl, attempt);
      expect(retry.status).toBe(201);
      const { rows } = await db.query<{ id: string }>(
        'SELECT id FROM reports WHERE referral_id = $1',
        [attempt.referralId],
      );
      expect(rows.map((r) => r.id)).toEqual([retry.body.id]);
      const again = await submit(next.baseUrl, attempt);
      expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: retry.body });
      process.stdout.write(
        `R6 kill-after-commit figures: ${JSON.stringify({ replayed: true, reports: rows.length })}\n`,
      );
    } finally {
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
    }
  });
});
