import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ActivityKind } from '../../src/referrals/referral-codes';
import type { Referral } from '../../src/referrals/referral.entity';
import { LOGOUT } from '../auth/helpers';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent, submittedReport, workedReferral } from '../factories/reports';
import { createUser, type TestUser } from '../factories/identity';
import { Role } from '../../src/auth/role';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { GATED, isGuardStatement, statementsDuring } from '../support/statement-count';
import { createTestApp } from '../support/test-app';

/*
 * The guard's statement folded into the route's (docs/architecture/0024): for a bearer token
 * whose session the guard has seen, `GET /referrals/{id}` (provider), `GET /reports/{id}` and
 * `POST /referrals/{id}/activities` (provider) are ONE statement in all, which proves the session
 * live with exactly the principal the guard assumed, counts the request, and does the route's
 * work, or does nothing at all. And the usual decision whenever the assumption fails: an ended
 * session, a deactivated user, changed roles, another organisation, the limit: on the very next
 * request, with nothing read, written or audited by the refused statement.
 */

const LIMIT = 8;

interface Facts {
  activities: number;
  activityEvents: number;
  disclosures: number;
  denials: number;
}

describe('one statement per folded request', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let http: TestHttp;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' },
    });
    db = app.get(DataSource);
    http = httpOf(app);
    world = await buildReferralWorld(app);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  /** A fresh user of `like`'s organisation and roles, with its own session and count. */
  function fresh(like: TestUser, roles: Role[]): Promise<TestUser> {
    return createUser(app, { roles, organisationId: like.organisationId });
  }

  async function factsOf(user: TestUser, referral: Referral): Promise<Facts> {
    const [row] = await db.query<Facts[]>(
      `SELECT (SELECT count(*)::int FROM activities WHERE referral_id = $2) AS activities,
              (SELECT count(*)::int FROM audit_events
                WHERE action = 'activity.create' AND details ->> 'referralId' = $2::text) AS "activityEvents",
              (SELECT count(*)::int FROM audit_events
                WHERE action = 'content.disclose' AND actor_id = $1) AS disclosures,
              (SELECT count(*)::int FROM audit_events
                WHERE action = 'access.denied' AND actor_id = $1) AS denials`,
      [user.userId, referral.id],
    );
    return row;
  }

  /** The statements of one request and its response. */
  async function sent(request: () => Promise<Response>): Promise<[Response, string[]]> {
    let res!: Response;
    const texts = await statementsDuring(async () => {
      res = await request();
    });
    return [res, texts];
  }

  const activity = (occurredAt = new Date(Date.now() - 3_600_000).toISOString()) => ({
    kind: ActivityKind.HomeVisit,
    occurredAt,
    reached: true,
  });

  it('reads a referral, a report, and logs an activity in one statement each, with the limit headers', async () => {
    const worker = await fresh(world.workerP1, [Role.ProviderWorker]);
    const referral = await workedReferral(app, world);
    await db.query('UPDATE referrals SET assigned_worker_id = $2 WHERE id = $1', [
      referral.id,
      worker.userId,
    ]);
    const report = await submittedReport(app, worker.actor, referral.id);
    // The first request of a session is decided the usual way: two statements.
    const [first, firstTexts] = await sent(() =>
      http.get(worker, `/api/v1/referrals/${referral.id}`),
    );
    expect(first.status).toBe(200);
    expect(firstTexts).toHaveLength(2);
    expect(isGuardStatement(firstTexts[0])).toBe(true);

    const requests: [string, () => Promise<Response>, number][] = [
      ['referral', () => http.get(worker, `/api/v1/referrals/${referral.id}`), 200],
      ['report', () => http.get(worker, `/api/v1/reports/${report.id}`), 200],
      [
        'activity',
        () => http.post(worker, `/api/v1/referrals/${referral.id}/activities`, activity()),
        201,
      ],
    ];
    let left = LIMIT - 1;
    for (const [what, request, status] of requests) {
      const [res, texts] = await sent(request);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect({ what, texts: texts.length }).toEqual({ what, texts: 1 });
      expect(texts[0]).toMatch(GATED);
      expect(texts[0]).toMatch(/FROM sessions s/);
      expect(texts[0]).toMatch(/rate_limit_counters/);
      left -= 1;
      expect(res.headers['ratelimit-remaining']).toBe(String(left));
      expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
    }
    expect((await factsOf(worker, referral)).activities).toBe(1);
  });

  it('answers an ended session 401 on the next request, with nothing read, written or audited', async () => {
    const worker = await fresh(world.workerP1, [Role.ProviderWorker]);
    const caseworker = await fresh(world.caseworkerA, [Role.Caseworker]);
    const referral = await workedReferral(app, world);
    await db.query('UPDATE referrals SET assigned_worker_id = $2 WHERE id = $1', [
      referral.id,
      worker.userId,
    ]);
    await insertConsent(app, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    const report = await submittedReport(app, worker.actor, referral.id);
    // Both sessions seen by the guard, and the folded path proven to work for them.
    await http.get(worker, `/api/v1/referrals/${referral.id}`).expect(200);
    await http.get(caseworker, `/api/v1/reports/${report.id}`).expect(200);
    const [read] = await sent(() => http.get(caseworker, `/api/v1/reports/${report.id}`));
    expect(read.status).toBe(200);
    const before = {
      worker: await factsOf(worker, referral),
      caseworker: await factsOf(caseworker, referral),
    };
    expect(before.caseworker.disclosures).toBe(2);

    await http.post(worker, LOGOUT).expect(204);
    await http.post(caseworker, LOGOUT).expect(204);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [who, res] of [
      ['worker', await http.get(worker, `/api/v1/referrals/${referral.id}`)],
      ['worker', await http.get(worker, `/api/v1/referrals/${missing}`)],
      ['worker', await http.get(worker, '/api/v1/referrals/not-a-uuid')],
      [
        'worker',
        await http.post(worker, `/api/v1/referrals/${referral.id}/activities`, activity()),
      ],
      ['worker', await http.post(worker, `/api/v1/referrals/${referral.id}/activities`, {})],
      ['caseworker', await http.get(caseworker, `/api/v1/reports/${report.id}`)],
      ['caseworker', await http.get(caseworker, `/api/v1/reports/${missing}`)],
    ] as const) {
      expect({ who, status: res.status }).toEqual({ who, status: 401 });
      expectProblem(res, 401, 'unauthorized');
    }
    // Not one activity, event of it, disclosure or denial more.
    expect(await factsOf(worker, referral)).toEqual(before.worker);
    expect(await factsOf(caseworker, referral)).toEqual(before.caseworker);
  });

  it('decides with the live roles and organisation when they changed since the last request', async () => {
    // A caseworker made auditor: the report read is refused (403, audited), nothing disclosed.
    const caseworker = await fresh(world.caseworkerA, [Role.Caseworker]);
    const referral = await workedReferral(app, world);
    await insertConsent(app, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    const report = await submittedReport(app, world.workerP1.actor, referral.id);
    await http.get(caseworker, `/api/v1/reports/${report.id}`).expect(200);
    await http.get(caseworker, `/api/v1/reports/${report.id}`).expect(200);
    const before = await factsOf(caseworker, referral);
    await db.query(`UPDATE users SET roles = '{auditor}' WHERE id = $1`, [caseworker.userId]);
    expectProblem(await http.get(caseworker, `/api/v1/reports/${report.id}`), 403, 'forbidden');
    const after = await factsOf(caseworker, referral);
    expect(after.disclosures).toBe(before.disclosures);
    expect(after.denials).toBe(before.denials + 1);

    // A worker made lead of their provider reads an unassigned referral (the lead's scope).
    const worker = await fresh(world.workerP1, [Role.ProviderWorker]);
    const unassigned = await workedReferral(app, world);
    await db.query('UPDATE referrals SET assigned_worker_id = NULL WHERE id = $1', [unassigned.id]);
    expectProblem(await http.get(worker, `/api/v1/referrals/${unassigned.id}`), 404, 'not-found');
    expectProblem(await http.get(worker, `/api/v1/referrals/${unassigned.id}`), 404, 'not-found');
    await db.query(`UPDATE users SET roles = '{provider_lead}' WHERE id = $1`, [worker.userId]);
    const asLead = await http.get(worker, `/api/v1/referrals/${unassigned.id}`);
    expect(asLead.status).toBe(200);

    // The same lead moved to the other provider: P1's referral is foreign at once.
    await db.query('UPDATE users SET organisation_id = $2 WHERE id = $1', [
      worker.userId,
      world.providerP2,
    ]);
    expectProblem(await http.get(worker, `/api/v1/referrals/${unassigned.id}`), 404, 'not-found');
    const facts = await factsOf(worker, unassigned);
    expect(
      await http.post(worker, `/api/v1/referrals/${unassigned.id}/activities`, activity()),
    ).toMatchObject({ status: 404 });
    expect((await factsOf(worker, unassigned)).activities).toBe(facts.activities);

    // A deactivated user: 401 at once.
    await db.query('UPDATE users SET active = false WHERE id = $1', [worker.userId]);
    expectProblem(
      await http.get(worker, `/api/v1/referrals/${unassigned.id}`),
      401,
      'unauthorized',
    );
  });

  it('answers 429 past the limit with nothing written, and the retry after it is counted once', async () => {
    const worker = await fresh(world.workerP1, [Role.ProviderWorker]);
    const referral = await workedReferral(app, world);
    await db.query('UPDATE referrals SET assigned_worker_id = $2 WHERE id = $1', [
      referral.id,
      worker.userId,
    ]);
    for (let i = 1; i <= LIMIT; i++) {
      const res = await http.post(
        worker,
        `/api/v1/referrals/${referral.id}/activities`,
        activity(),
      );
      expect(res.status).toBe(201);
      expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT - i));
    }
    const before = await factsOf(worker, referral);
    expect(before.activities).toBe(LIMIT);
    const [over, texts] = await sent(() =>
      http.post(worker, `/api/v1/referrals/${referral.id}/activities`, activity()),
    );
    const problem = expectProblem(over, 429, 'too-many-requests');
    expect(problem.retryAfter).toBeGreaterThanOrEqual(1);
    // The refused statement, then the guard's own, which counts the request.
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(GATED);
    expect(isGuardStatement(texts[1])).toBe(true);
    expect(await factsOf(worker, referral)).toEqual(before);
    const [count] = await db.query<{ hits: number }[]>(
      `SELECT hits FROM rate_limit_counters WHERE key LIKE '%' || $1`,
      [`user:${worker.userId}`],
    );
    expect(count.hits).toBe(LIMIT + 1);
  });
});
