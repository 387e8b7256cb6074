import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/auth/role';
import { DataCategory } from '../../src/confidentiality/data-category';
import { createApiKey } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import {
  draftReport,
  insertConsent,
  reportBody,
  submittedReport,
  workedReferral,
} from '../factories/reports';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/*
 * Who may touch A/P1's reports (docs/security.md items 2, 3 and 18; docs/domain.md "Who sees what"): a
 * role that may never call a route gets 403 (function level); anyone else who may not see the
 * report or its referral gets 404, exactly as for a missing one, and nothing changes.
 */

type Route = 'get' | 'patch' | 'submit' | 'preview' | 'list' | 'create';
const ROUTES: Route[] = ['get', 'patch', 'submit', 'preview', 'list', 'create'];

interface Caller {
  name: string;
  authHeader: { Authorization: string };
  /** The routes this caller's role may never call. */
  forbidden: Route[];
}

describe('report routes for callers outside the case', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let world: ReferralWorld;
  let callers: Caller[];
  let referralId: string;
  let submittedId: string;
  let draftId: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
    const keyP2 = await createApiKey(app, {
      organisationId: world.providerP2,
      scopes: [ApiKeyScope.ReportsWrite, ApiKeyScope.ReferralsRead],
      admin: world.admin,
    });
    const referral = await workedReferral(app, world);
    referralId = referral.id;
    const sections = [
      { category: DataCategory.Debts, text: 'Schulden geregelt.' },
      { category: DataCategory.Health, text: 'Arzttermin wahrgenommen.' },
    ];
    submittedId = (await submittedReport(app, world.workerP1.actor, referralId, { sections })).id;
    draftId = (await draftReport(app, world.workerP1.actor, referralId, { sections })).id;
    // Everything released to A: being outside the case is what keeps these callers out.
    await insertConsent(app, {
      clientId: referral.clientId,
      referralId,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: Object.values(DataCategory).map((category) => ({
        category,
        recipientOrganisationId: world.jobcenterA,
      })),
    });
    const writes: Route[] = ['create', 'patch', 'submit', 'preview'];
    callers = [
      { name: 'the lead of provider P2', authHeader: world.leadP2.authHeader, forbidden: [] },
      { name: 'a worker of provider P2', authHeader: world.workerP2.authHeader, forbidden: [] },
      // API keys never preview: that is for people checking a report before they submit it.
      { name: 'an API key of provider P2', authHeader: keyP2.authHeader, forbidden: ['preview'] },
      {
        name: 'a worker of P1 not assigned',
        authHeader: world.otherWorkerP1.authHeader,
        forbidden: [],
      },
      // Case managers read released sections and write none.
      {
        name: 'a case manager of jobcenter B',
        authHeader: world.caseworkerB.authHeader,
        forbidden: writes,
      },
      { name: 'the lead of jobcenter A', authHeader: world.leadA.authHeader, forbidden: ROUTES },
      {
        name: 'the auditor of jobcenter A',
        authHeader: world.auditorA.authHeader,
        forbidden: ROUTES,
      },
      { name: 'the administrator', authHeader: world.admin.authHeader, forbidden: ROUTES },
    ];
  });
  afterAll(async () => {
    await app.close();
  });

  function call(route: Route, reportId: string, auth: { Authorization: string }) {
    const idempotency = { 'Idempotency-Key': `scope-${randomUUID()}` };
    switch (route) {
      case 'get':
        return http.get(auth, `/api/v1/reports/${reportId}`);
      case 'patch':
        return http.patch(
          auth,
          `/api/v1/reports/${reportId}`,
          { periodUntil: '2026-11-29' },
          { ifMatch: '"1"' },
        );
      case 'submit':
        return http.post(auth, `/api/v1/reports/${reportId}/submit`, undefined, {
          ifMatch: reportId === draftId ? '"1"' : '"2"',
        });
      case 'preview':
        return http.get(auth, `/api/v1/reports/${reportId}/preview?recipient=${world.jobcenterA}`);
      case 'list':
        return http.get(auth, `/api/v1/referrals/${referralId}/reports`);
      case 'create':
        return http.post(auth, `/api/v1/referrals/${referralId}/reports`, reportBody(), {
          headers: idempotency,
        });
    }
  }

  /** Everything a denied call could have changed or left behind. */
  async function snapshot() {
    return db.query<unknown[]>(
      `SELECT r.id, r.status, r.version, r.period_until, r.updated_at,
              (SELECT json_agg(s ORDER BY s.position) FROM report_sections s WHERE s.report_id = r.id) AS sections,
              (SELECT count(*)::int FROM audit_events e WHERE e.resource_id = r.id::text) AS events,
              (SELECT count(*)::int FROM audit_events e WHERE e.resource_id = r.referral_id::text) AS referral_events
         FROM reports r WHERE r.referral_id = $1
       UNION ALL
       SELECT NULL, NULL, count(*)::int, NULL, NULL, NULL, NULL, NULL
         FROM idempotency_keys WHERE key LIKE 'scope-%'
        ORDER BY 1`,
      [referralId],
    );
  }

  it.each(ROUTES)(
    '%s: 404 for those outside the case, 403 for roles that may never call it',
    async (route) => {
      for (const reportId of [submittedId, draftId]) {
        for (const caller of callers) {
          const before = await snapshot();
          const res = await call(route, reportId, caller.authHeader);
          const [status, kind] = caller.forbidden.includes(route)
            ? [403, 'forbidden']
            : [404, 'not-found'];
          expect({
            caller: caller.name,
            report: reportId === draftId ? 'draft' : 'submitted',
            status: res.status,
          }).toEqual({
            caller: caller.name,
            report: reportId === draftId ? 'draft' : 'submitted',
            status,
          });
          expectProblem(res, status, kind);
          const body = JSON.stringify(res.body);
          expect(body).not.toMatch(/Schulden|Arzttermin|debts|health/);
          expect(await snapshot()).toEqual(before);
        }
      }
    },
  );

  it('lets the case manager of A read submitted reports only, and change nothing', async () => {
    const auth = world.caseworkerA.authHeader;
    for (const route of ['create', 'patch', 'submit', 'preview'] as const) {
      for (const reportId of [submittedId, draftId]) {
        const before = await snapshot();
        expectProblem(await call(route, reportId, auth), 403, 'forbidden');
        expect(await snapshot()).toEqual(before);
      }
    }
    expectProblem(await call('get', draftId, auth), 404, 'not-found');
    const read = await call('get', submittedId, auth);
    expect(read.status).toBe(200);
    expect(read.body.sections.map((s: { category: string }) => s.category)).toEqual([
      'debts',
      'health',
    ]);
    const list = await call('list', submittedId, auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([submittedId]);
    expect(JSON.stringify(list.body)).not.toContain(draftId);
  });

  it('lets P1 (its lead, the assigned worker, its API key) see drafts and submitted reports alike', async () => {
    const keyP1 = await createApiKey(app, {
      organisationId: world.providerP1,
      scopes: [ApiKeyScope.ReportsWrite],
      admin: world.admin,
    });
    for (const auth of [world.leadP1.authHeader, world.workerP1.authHeader, keyP1.authHeader]) {
      const list = await call('list', submittedId, auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
        [submittedId, draftId].sort(),
      );
      for (const reportId of [submittedId, draftId]) {
        expect((await call('get', reportId, auth)).status).toBe(200);
      }
    }
    const preview = await call('preview', draftId, world.workerP1.authHeader);
    expect(preview.status).toBe(200);
  });
});
