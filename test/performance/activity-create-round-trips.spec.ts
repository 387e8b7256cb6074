import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ReferralState } from '../../src/common/referral-states';
import { ActivityKind } from '../../src/referrals/referral-codes';
import type { Referral } from '../../src/referrals/referral.entity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { workedReferral } from '../factories/reports';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { routeStatementsDuring } from '../support/statement-count';
import { createTestApp } from '../support/test-app';

/*
 * POST /referrals/{id}/activities in one round trip (docs/architecture/0024): the route's own
 * statements, besides the guard's, are exactly one, and it still refuses what the transaction
 * refused (another's referral 404, a restricted client, an inactive referral 409), keeps the
 * earliest reached contact without touching the referral's version, and writes the audit event
 * with the activity or not at all.
 */

interface ReferralFacts {
  firstContactAt: Date | null;
  version: number;
  updatedAt: Date;
  activities: number;
  events: number;
}

describe('POST /referrals/{id}/activities: one statement, every check', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let http: TestHttp;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  const path = (referral: Referral) => `/api/v1/referrals/${referral.id}/activities`;
  const body = (occurredAt: string, reached = true) => ({
    kind: ActivityKind.HomeVisit,
    occurredAt,
    reached,
  });

  async function facts(referral: Referral): Promise<ReferralFacts> {
    const [row] = await db.query<ReferralFacts[]>(
      `SELECT r.first_contact_at AS "firstContactAt", r.version, r.updated_at AS "updatedAt",
              (SELECT count(*)::int FROM activities a WHERE a.referral_id = r.id) AS activities,
              (SELECT count(*)::int FROM audit_events e
                WHERE e.action = 'activity.create' AND e.details ->> 'referralId' = r.id::text) AS events
         FROM referrals r WHERE r.id = $1`,
      [referral.id],
    );
    return row;
  }

  it('inserts, keeps the first contact and audits in one statement', async () => {
    const referral = await workedReferral(app, world);
    const before = await facts(referral);
    let res!: Awaited<ReturnType<TestHttp['post']>>;
    const statements = await routeStatementsDuring(async () => {
      res = await http.post(world.workerP1, path(referral), body('2026-11-20T10:00:00.000Z'));
    });
    expect(res.status).toBe(201);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^WITH rf AS/);
    expect(res.body).toMatchObject({
      referralId: referral.id,
      kind: ActivityKind.HomeVisit,
      occurredAt: '2026-11-20T10:00:00.000Z',
      reached: true,
      recordedByKind: 'user',
      recordedById: world.workerP1.userId,
    });
    const after = await facts(referral);
    expect(after).toMatchObject({ activities: 1, events: 1, version: before.version });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.firstContactAt?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    const [event] = await db.query<Record<string, unknown>[]>(
      `SELECT actor_id AS "actorId", organisation_id AS "organisationId", client_id AS "clientId",
              resource_type AS "resourceType", resource_id AS "resourceId", categories, details
         FROM audit_events WHERE action = 'activity.create' AND resource_id = $1`,
      [(res.body as { id: string }).id],
    );
    expect(event).toEqual({
      actorId: world.workerP1.userId,
      organisationId: world.providerP1,
      clientId: referral.clientId,
      resourceType: 'activity',
      resourceId: (res.body as { id: string }).id,
      categories: [],
      details: { referralId: referral.id },
    });
  });

  it('keeps the earliest reached contact: an earlier one moves it, a later or unreached one not', async () => {
    const referral = await workedReferral(app, world);
    await http.post(world.workerP1, path(referral), body('2026-11-20T10:00:00.000Z')).expect(201);
    await http.post(world.workerP1, path(referral), body('2026-11-25T10:00:00.000Z')).expect(201);
    await http
      .post(world.workerP1, path(referral), body('2026-11-01T10:00:00.000Z', false))
      .expect(201);
    expect((await facts(referral)).firstContactAt?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    await http.post(world.workerP1, path(referral), body('2026-11-10T10:00:00.000Z')).expect(201);
    expect(await facts(referral)).toMatchObject({ activities: 4, events: 4 });
    expect((await facts(referral)).firstContactAt?.toISOString()).toBe('2026-11-10T10:00:00.000Z');
  });

  it('answers 409 referral-not-active for a referral not being worked on, writing nothing', async () => {
    for (const state of [ReferralState.Requested, ReferralState.Completed]) {
      const referral = await workedReferral(app, world, state);
      // The lead: a worker sees only what is assigned to them, and nothing is before acceptance.
      const res = await http.post(world.leadP1, path(referral), body('2026-11-20T10:00:00.000Z'));
      expectProblem(res, 409, 'referral-not-active');
      expect(await facts(referral)).toMatchObject({ activities: 0, events: 0 });
      expect((await facts(referral)).firstContactAt).toBeNull();
    }
  });

  it('answers 404 to another provider and to a worker it is not assigned to, writing nothing', async () => {
    const referral = await workedReferral(app, world);
    for (const other of [world.workerP2, world.leadP2, world.otherWorkerP1]) {
      const res = await http.post(other, path(referral), body('2026-11-20T10:00:00.000Z'));
      expectProblem(res, 404, 'not-found');
    }
    expect(await facts(referral)).toMatchObject({ activities: 0, events: 0, firstContactAt: null });
  });

  it("refuses a restricted client's referral with processing-restricted, writing nothing", async () => {
    const referral = await workedReferral(app, world);
    await db.query(
      `UPDATE clients SET restricted_at = now(), restriction_ground = 'legal_claims' WHERE id = $1`,
      [referral.clientId],
    );
    const res = await http.post(world.workerP1, path(referral), body('2026-11-20T10:00:00.000Z'));
    expectProblem(res, 403, 'processing-restricted');
    expect(await facts(referral)).toMatchObject({ activities: 0, events: 0, firstContactAt: null });
  });
});
