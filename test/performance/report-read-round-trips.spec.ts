import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import {
  draftReport,
  insertConsent,
  submittedReport,
  workedReferral,
  type GrantSpec,
} from '../factories/reports';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { routeStatementsDuring } from '../support/statement-count';
import { createTestApp } from '../support/test-app';

/*
 * GET /reports/{id} in one round trip (docs/architecture/0024): the route's own statements,
 * besides the guard's, are exactly one; and that one statement still makes every check the
 * transaction of eight made: scope, restriction, purpose-bound consent at the time of reading,
 * only readable sections leave the database, and the disclosure event names exactly them.
 */

interface DisclosureEvent {
  actorId: string;
  clientId: string;
  resourceId: string;
  categories: string[];
  details: Record<string, unknown>;
}

const SECTIONS = [
  { category: DataCategory.Participation, text: 'Zwei Hausbesuche.' },
  { category: DataCategory.Health, text: 'Arzttermin vereinbart.' },
];

describe('GET /reports/{id}: one statement, every check', () => {
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

  /** A referral of a fresh client with a submitted report, and grants of its consent to A. */
  async function reportWith(
    grants: Omit<GrantSpec, 'recipientOrganisationId'>[],
    sections = SECTIONS,
  ): Promise<{ referral: Referral; reportId: string }> {
    const referral = await workedReferral(app, world);
    if (grants.length > 0) {
      await insertConsent(app, {
        clientId: referral.clientId,
        referralId: referral.id,
        releasingOrganisationId: world.providerP1,
        recordedBy: world.workerP1.userId,
        grants: grants.map((g) => ({ ...g, recipientOrganisationId: world.jobcenterA })),
      });
    }
    const report = await submittedReport(app, world.workerP1.actor, referral.id, { sections });
    return { referral, reportId: report.id };
  }

  function disclosures(referralId: string): Promise<DisclosureEvent[]> {
    return db.query<DisclosureEvent[]>(
      `SELECT actor_id AS "actorId", client_id AS "clientId", resource_id AS "resourceId",
              categories, details
         FROM audit_events
        WHERE action = 'content.disclose' AND resource_type = 'referral' AND resource_id = $1
        ORDER BY id`,
      [referralId],
    );
  }

  it('reads, filters and audits in one statement; an unreleased category is neither shown nor audited', async () => {
    const { referral, reportId } = await reportWith([{ category: DataCategory.Participation }]);
    let res!: Awaited<ReturnType<TestHttp['get']>>;
    const statements = await routeStatementsDuring(async () => {
      res = await http.get(world.caseworkerA, `/api/v1/reports/${reportId}`);
    });
    expect(res.status).toBe(200);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^WITH rp AS/);
    const body = res.body as { sections: { category: string }[]; nothingReleased: boolean };
    expect(body.sections.map((s) => s.category)).toEqual([DataCategory.Participation]);
    expect(body.nothingReleased).toBe(false);
    expect(JSON.stringify(body)).not.toContain('Arzttermin');
    expect(res.headers.etag).toBeUndefined();
    expect(await disclosures(referral.id)).toEqual([
      {
        actorId: world.caseworkerA.userId,
        clientId: referral.clientId,
        resourceId: referral.id,
        categories: [DataCategory.Participation],
        details: { authorOrganisationId: world.providerP1, reports: 1 },
      },
    ]);
  });

  it('names every category shown, sorted, and the sections stay in their order', async () => {
    const { referral, reportId } = await reportWith([
      { category: DataCategory.Participation },
      { category: DataCategory.Health },
    ]);
    const res = await http.get(world.caseworkerA, `/api/v1/reports/${reportId}`).expect(200);
    const body = res.body as { sections: { category: string; text: string }[] };
    expect(body.sections).toMatchObject(SECTIONS);
    const [event] = await disclosures(referral.id);
    expect(event.categories).toEqual([DataCategory.Health, DataCategory.Participation]);
  });

  it('shows nothing of a revoked grant and records no disclosure', async () => {
    const { referral, reportId } = await reportWith([
      { category: DataCategory.Participation, revokedSecondsAgo: 5 },
    ]);
    const res = await http.get(world.caseworkerA, `/api/v1/reports/${reportId}`).expect(200);
    expect(res.body).toMatchObject({ sections: [], nothingReleased: true });
    expect(await disclosures(referral.id)).toEqual([]);
  });

  it("binds consent to its purpose: a grant for the client's other referral releases nothing here", async () => {
    const { referral, reportId } = await reportWith([]);
    const other = await referralInState(app, world, ReferralState.InProgress, {
      clientId: referral.clientId,
    });
    await insertConsent(app, {
      clientId: referral.clientId,
      referralId: other.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    const res = await http.get(world.caseworkerA, `/api/v1/reports/${reportId}`).expect(200);
    expect(res.body).toMatchObject({ sections: [], nothingReleased: true });
    expect(await disclosures(referral.id)).toEqual([]);
  });

  it('answers 404 to another jobcenter and for a draft, as for a missing report, writing nothing', async () => {
    const { referral, reportId } = await reportWith([{ category: DataCategory.Participation }]);
    expectProblem(
      await http.get(world.caseworkerB, `/api/v1/reports/${reportId}`),
      404,
      'not-found',
    );
    const draft = await draftReport(app, world.workerP1.actor, referral.id);
    expectProblem(
      await http.get(world.caseworkerA, `/api/v1/reports/${draft.id}`),
      404,
      'not-found',
    );
    expectProblem(
      await http.get(world.caseworkerA, `/api/v1/reports/${referral.id}`),
      404,
      'not-found',
    );
    expect(await disclosures(referral.id)).toEqual([]);
  });

  it("refuses a restricted client's report with processing-restricted, writing nothing", async () => {
    const { referral, reportId } = await reportWith([{ category: DataCategory.Participation }]);
    await db.query(
      `UPDATE clients SET restricted_at = now(), restriction_ground = 'legal_claims' WHERE id = $1`,
      [referral.clientId],
    );
    for (const reader of [world.caseworkerA, world.workerP1]) {
      expectProblem(
        await http.get(reader, `/api/v1/reports/${reportId}`),
        403,
        'processing-restricted',
      );
    }
    expect(await disclosures(referral.id)).toEqual([]);
  });

  it('gives the author everything with its ETag, in one statement, without a disclosure event', async () => {
    const { referral, reportId } = await reportWith([]);
    for (const author of [world.workerP1, world.leadP1]) {
      let res!: Awaited<ReturnType<TestHttp['get']>>;
      const statements = await routeStatementsDuring(async () => {
        res = await http.get(author, `/api/v1/reports/${reportId}`);
      });
      expect(res.status).toBe(200);
      expect(statements).toHaveLength(1);
      expect(res.headers.etag).toBeDefined();
      expect(res.body).toMatchObject({ sections: SECTIONS, nothingReleased: false });
    }
    expectProblem(
      await http.get(world.otherWorkerP1, `/api/v1/reports/${reportId}`),
      404,
      'not-found',
    );
    expect(await disclosures(referral.id)).toEqual([]);
  });
});
