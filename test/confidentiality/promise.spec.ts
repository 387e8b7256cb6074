import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { DataCategory } from '../../src/confidentiality/data-category';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { consentBody, createApprovedTemplate } from '../factories/consent';
import { createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const { Participation, Goals, Health, MentalHealth } = DataCategory;

/*
 * The confidentiality promise, as an attacker tried to break it over HTTP (issue 13): the
 * jobcenter learns only what the client released, for the referral it was released for, and
 * the client can take it back at any time. One regression test per point of the issue (hole 2,
 * the operator's credentials, is `test/auth/dual-control.spec.ts`).
 */
describe('the confidentiality promise (issue 13)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let world: ReferralWorld;
  let templateId: string;
  let jobcenterName: string;
  let operatorAuditor: TestUser;
  let auditorP1: TestUser;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
    templateId = (
      await createApprovedTemplate(app, world.providerP1, Object.values(DataCategory), {
        title: 'Schweigepflichtentbindung Suchtberatung und Substitutionsbehandlung',
      })
    ).id;
    [operatorAuditor, auditorP1] = await Promise.all([
      createUser(app, { roles: [Role.Auditor], organisationKind: OrganisationKind.Operator }),
      createUser(app, { roles: [Role.Auditor], organisationId: world.providerP1 }),
    ]);
    [{ name: jobcenterName }] = await db.query<{ name: string }[]>(
      'SELECT name FROM organisations WHERE id = $1',
      [world.jobcenterA],
    );
  });
  afterAll(async () => {
    await app.close();
  });

  async function release(
    clientId: string,
    referralId: string,
    grants: { category: DataCategory; recipientOrganisationId: string }[],
    worker: TestUser = world.workerP1,
  ): Promise<{ id: string; grants: { id: string; category: DataCategory }[] }> {
    const res = await http
      .post(
        worker,
        `/api/v1/clients/${clientId}/consents`,
        consentBody({ referralId, templateId, grants }),
      )
      .expect(201);
    return res.body as { id: string; grants: { id: string; category: DataCategory }[] };
  }

  const toA = (...categories: DataCategory[]) =>
    categories.map((category) => ({ category, recipientOrganisationId: world.jobcenterA }));

  async function logAttempt(referralId: string) {
    await http
      .post(world.workerP1, `/api/v1/referrals/${referralId}/activities`, {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        reached: false,
      })
      .expect(201);
  }

  async function submitReport(referralId: string, sections: { category: DataCategory }[]) {
    const created = await http
      .post(world.workerP1, `/api/v1/referrals/${referralId}/reports`, {
        kind: 'interim',
        periodFrom: '2026-10-01',
        periodUntil: '2026-10-31',
        sections: sections.map((s) => ({ category: s.category, text: `Abschnitt ${s.category}` })),
      })
      .expect(201);
    await http
      .post(world.workerP1, `/api/v1/reports/${created.body.id}/submit`, undefined, {
        ifMatch: created.headers.etag,
      })
      .expect(200);
    return created.body.id as string;
  }

  const inProgress = (clientId: string) =>
    referralInState(app, world, ReferralState.InProgress, { clientId });

  const caseManager = () => world.caseworkerA.authHeader;

  describe('1. consent is bound to the referral it names', () => {
    it("a consent for a second referral releases nothing of the first one's content", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const r1 = await inProgress(client.id);
      await logAttempt(r1.id);
      await http.advance(world.workerP1, r1.id, 'end', { reason: 'client_withdrew' });
      const r2 = await inProgress(client.id);
      await release(client.id, r2.id, toA(Participation));

      const history = await http.get(caseManager(), `/api/v1/referrals/${r1.id}/history`);
      const end = (history.body.items as { action: string; reason: unknown }[]).find(
        (t) => t.action === 'end',
      );
      expect(end?.reason).toBeNull();
      expect(JSON.stringify(history.body)).not.toContain('client_withdrew');
      const activities = await http.get(caseManager(), `/api/v1/referrals/${r1.id}/activities`);
      expect(activities.body).toMatchObject({ items: [], nothingReleased: true });
      // R2's own participation content is released.
      await logAttempt(r2.id);
      const own = await http.get(caseManager(), `/api/v1/referrals/${r2.id}/activities`);
      expect(own.body.items).toHaveLength(1);
    });

    it('a narrower consent for a new referral narrows, whatever the old referral released', async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const r1 = await inProgress(client.id);
      await release(client.id, r1.id, toA(Participation, Health));
      await http.advance(world.workerP1, r1.id, 'complete', { outcome: 'goals_reached' });
      const r2 = await inProgress(client.id);
      await release(client.id, r2.id, toA(Goals));
      await http.advance(world.workerP1, r2.id, 'pause', { reason: 'hospital_stay' });
      const reportId = await submitReport(r2.id, [{ category: Health }, { category: Goals }]);

      const history = await http.get(caseManager(), `/api/v1/referrals/${r2.id}/history`);
      expect(JSON.stringify(history.body)).not.toContain('hospital_stay');
      const report = await http.get(caseManager(), `/api/v1/reports/${reportId}`);
      expect(report.status).toBe(200);
      expect((report.body.sections as { category: string }[]).map((s) => s.category)).toEqual([
        Goals,
      ]);
      // The effective consent says which referral each grant serves.
      const effective = await http.get(
        caseManager(),
        `/api/v1/clients/${client.id}/consents/effective`,
      );
      const byReferral = (effective.body.grants as { category: string; referralId: string }[])
        .map((g) => `${g.referralId === r1.id ? 'R1' : 'R2'}:${g.category}`)
        .sort();
      expect(byReferral).toEqual(['R1:health', 'R1:participation', 'R2:goals']);
    });
  });

  describe('3. revocation stays possible after the referral closed', () => {
    it('lets the releasing provider read, print and revoke its records long after closing, and the jobcenter revoke any grant about its client', async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      const consent = await release(client.id, referral.id, [
        ...toA(Participation),
        { category: MentalHealth, recipientOrganisationId: world.providerP2 },
      ]);
      // Closed 40 days ago: beyond even the 30 days of the final report.
      await db.query(
        `UPDATE referrals SET state = 'completed', closed_at = now() - interval '40 days' WHERE id = $1`,
        [referral.id],
      );
      for (const user of [world.workerP1, world.leadP1]) {
        const list = await http.get(user, `/api/v1/clients/${client.id}/consents`).expect(200);
        expect((list.body.items as { id: string }[]).map((r) => r.id)).toEqual([consent.id]);
        const receipt = await http.get(user, `/api/v1/consents/${consent.id}/receipt`).expect(200);
        // The receipt names both ways to revoke: the provider, and the client's jobcenter.
        expect(receipt.text).toContain(`bei ${jobcenterName} erklären`);
        await http.get(user, `/api/v1/clients/${client.id}/disclosures`).expect(200);
      }
      const mental = consent.grants.find((g) => g.category === MentalHealth)!;
      const revoked = await http
        .post(world.workerP1, `/api/v1/consents/${consent.id}/revoke`, { grantIds: [mental.id] })
        .expect(200);
      expect(revoked.body.status).toBe('given');
      // The jobcenter records the rest, as the client tells it.
      await http.post(caseManager(), `/api/v1/consents/${consent.id}/revoke`, {}).expect(200);
      const after = await http
        .get(world.leadP1, `/api/v1/clients/${client.id}/consents/effective`)
        .expect(200);
      expect(after.body).toEqual({ nothingReleased: true, grants: [] });
      // A revoked grant stays revoked.
      expectProblem(
        await http.post(world.leadP1, `/api/v1/consents/${consent.id}/revoke`, {}),
        409,
        'already-revoked',
      );
    });

    it('lets the jobcenter take back everything the client released about it, to anyone, without learning what there was', async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      await release(client.id, referral.id, [
        { category: MentalHealth, recipientOrganisationId: world.providerP2 },
      ]);
      // Nothing of that record is the jobcenter's to read.
      const seen = await http
        .get(caseManager(), `/api/v1/clients/${client.id}/consents`)
        .expect(200);
      expect(seen.body).toEqual({ items: [], nextCursor: null });
      const res = await http
        .post(caseManager(), `/api/v1/clients/${client.id}/consents/revoke`, {})
        .expect(204);
      expect(res.text).toBe('');
      const forProvider = await http
        .get(world.workerP1, `/api/v1/clients/${client.id}/consents/effective`)
        .expect(200);
      expect(forProvider.body).toEqual({ nothingReleased: true, grants: [] });
      // The same answer for a client with nothing to revoke; 404 for another jobcenter's.
      await http
        .post(caseManager(), `/api/v1/clients/${client.id}/consents/revoke`, {
          categories: [Health],
        })
        .expect(204);
      expectProblem(
        await http.post(world.caseworkerB, `/api/v1/clients/${client.id}/consents/revoke`, {}),
        404,
        'not-found',
      );
    });
  });

  describe('smaller leaks of metadata', () => {
    it("4. the provider's audit trail does not tell its auditors who the client of a request is", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const [rejected, accepted] = await Promise.all([
        referralInState(app, world, ReferralState.Requested, { clientId: client.id }),
        referralInState(app, world, ReferralState.Requested, { clientId: client.id }),
      ]);
      await http.advance(world.leadP1, rejected.id, 'reject', { reason: 'no_capacity' });
      await http.advance(world.leadP1, accepted.id, 'accept', {
        assignedWorkerId: world.workerP1.userId,
      });
      const events = await http.get(auditorP1, '/api/v1/audit-events?limit=100').expect(200);
      const mine = (
        events.body.items as { action: string; resourceId: string; clientId: string }[]
      ).filter((e) => [rejected.id, accepted.id].includes(e.resourceId));
      expect(mine.map((e) => e.action).sort()).toEqual([
        'client.disclose',
        'client.disclose',
        'referral.accept',
        'referral.reject',
      ]);
      expect(mine.map((e) => e.clientId)).toEqual([null, null, null, null]);
      // Nor can its auditor find them by a client id it knows from elsewhere.
      const byClient = await http
        .get(auditorP1, `/api/v1/audit-events?clientId=${client.id}`)
        .expect(200);
      expect(byClient.body.items).toEqual([]);
    });

    it("5. a recipient's view of a record is computed from its own grants only", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      const consent = await release(client.id, referral.id, [
        ...toA(Participation),
        { category: Goals, recipientOrganisationId: world.providerP2 },
      ]);
      await http
        .post(caseManager(), `/api/v1/consents/${consent.id}/revoke`, {
          grantIds: [consent.grants.find((g) => g.category === Participation)!.id],
        })
        .expect(200);
      const seen = await http
        .get(caseManager(), `/api/v1/clients/${client.id}/consents`)
        .expect(200);
      expect(seen.body.items).toHaveLength(1);
      expect(seen.body.items[0].status).toBe('withdrawn');
      expect(JSON.stringify(seen.body)).not.toContain(world.providerP2);
      const receipt = await http
        .get(caseManager(), `/api/v1/consents/${consent.id}/receipt`)
        .expect(200);
      expect(receipt.text).toContain('Vollständig widerrufen');
    });

    it("6. a recipient sees the template's version, not another organisation's title or key", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      const consent = await release(client.id, referral.id, toA(Goals));
      const [list, receipt] = await Promise.all([
        http.get(caseManager(), `/api/v1/clients/${client.id}/consents`).expect(200),
        http.get(caseManager(), `/api/v1/consents/${consent.id}/receipt`).expect(200),
      ]);
      for (const text of [JSON.stringify(list.body), receipt.text]) {
        expect(text).not.toContain('Suchtberatung');
        expect(text).not.toMatch(/test-[0-9a-f]{8}/);
      }
      expect(list.body.items[0].template).toEqual({ id: expect.any(String), version: 1 });
      expect(receipt.text).toContain('Einwilligungstext: Version 1');
      // The releasing provider sees its own template in full.
      const own = await http
        .get(world.workerP1, `/api/v1/consents/${consent.id}/receipt`)
        .expect(200);
      expect(own.text).toContain('Suchtberatung');
    });

    it("7. the operator's auditor reads no category of any client's content from the audit trail", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      await release(client.id, referral.id, toA(Goals));
      await submitReport(referral.id, [{ category: MentalHealth }, { category: Goals }]);
      await http.get(caseManager(), `/api/v1/referrals/${referral.id}/reports`).expect(200);
      const events = await http
        .get(operatorAuditor, `/api/v1/audit-events?clientId=${client.id}&limit=100`)
        .expect(200);
      const items = events.body.items as { action: string; categories: string[] }[];
      expect(items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['report.submit', 'consent.record', 'content.disclose']),
      );
      const json = JSON.stringify(items);
      for (const category of Object.values(DataCategory)) {
        expect(json).not.toContain(`"${category}"`);
      }
      // The organisations party to the case read their own events in full.
      const own = await http
        .get(auditorP1, `/api/v1/audit-events?clientId=${client.id}&action=report.submit`)
        .expect(200);
      expect(own.body.items[0].details.sectionCategories).toEqual([Goals, MentalHealth]);
      const jobcenter = await http
        .get(world.auditorA, `/api/v1/audit-events?clientId=${client.id}&action=content.disclose`)
        .expect(200);
      expect(jobcenter.body.items[0].categories).toEqual([Goals]);
    });

    it("8. the provider asked to take a case is in the client's disclosure record, without linking the request to the client", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      // P1 already works an earlier referral of the same client, so it knows the client's id.
      await inProgress(client.id);
      const referral = await referralInState(app, world, ReferralState.Requested, {
        clientId: client.id,
      });
      const read = await http.get(world.leadP1, `/api/v1/referrals/${referral.id}`).expect(200);
      expect(read.body.clientSummary).toBeDefined();
      expect(read.body.clientId).toBeUndefined();
      const summaries = async (user: TestUser) => {
        const record = await http.get(user, `/api/v1/clients/${client.id}/disclosures`).expect(200);
        return (record.body.items as { what: string; recipientOrganisationId: string }[]).filter(
          (e) => e.what === 'referral_summary',
        );
      };
      expect(await summaries(world.auditorA)).toEqual([
        expect.objectContaining({ recipientOrganisationId: world.providerP1, categories: [] }),
      ]);
      // The provider's own view of the record does not show it (its time would link the
      // request to the client) until it accepted the request.
      expect(await summaries(world.leadP1)).toEqual([]);
      expect(await summaries(auditorP1)).toEqual([]);
      await http.advance(world.leadP1, referral.id, 'accept', {
        assignedWorkerId: world.workerP1.userId,
      });
      expect(await summaries(world.leadP1)).toHaveLength(2);
    });

    it("9. a reassignment inside the provider does not change the jobcenter's version of the referral", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      const before = await http.get(caseManager(), `/api/v1/referrals/${referral.id}`).expect(200);
      const since = new Date().toISOString();
      const provider = await http.get(world.leadP1, `/api/v1/referrals/${referral.id}`).expect(200);
      const assigned = await http
        .post(
          world.leadP1,
          `/api/v1/referrals/${referral.id}/assign`,
          { assignedWorkerId: world.otherWorkerP1.userId },
          { ifMatch: provider.headers.etag },
        )
        .expect(200);
      expect(assigned.headers.etag).not.toBe(provider.headers.etag);
      const after = await http.get(caseManager(), `/api/v1/referrals/${referral.id}`).expect(200);
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(after.body.updatedAt).toBe(before.body.updatedAt);
      const changed = await http
        .get(
          caseManager(),
          `/api/v1/referrals?updatedSince=${encodeURIComponent(since)}&clientId=${client.id}`,
        )
        .expect(200);
      expect(changed.body.items).toEqual([]);
      // A change the jobcenter sees moves its version; its old ETag is then stale.
      await http.advance(world.otherWorkerP1, referral.id, 'pause', { reason: 'client_request' });
      expectProblem(
        await http.post(
          caseManager(),
          `/api/v1/referrals/${referral.id}/cancel`,
          { reason: 'no_longer_needed' },
          { ifMatch: before.headers.etag },
        ),
        412,
        'precondition-failed',
      );
    });

    it('10. the preview answers exactly what the recipient would get, 404 included', async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      await release(client.id, referral.id, [
        ...toA(Goals),
        { category: MentalHealth, recipientOrganisationId: world.providerP2 },
      ]);
      const reportId = await submitReport(referral.id, [
        { category: MentalHealth },
        { category: Goals },
      ]);
      const preview = (recipient: string) =>
        http.get(world.workerP1, `/api/v1/reports/${reportId}/preview?recipient=${recipient}`);
      // P2 holds no referral of the client: it gets 404 on the report, so does the preview.
      expectProblem(
        await http.get(world.workerP2, `/api/v1/reports/${reportId}`),
        404,
        'not-found',
      );
      expectProblem(await preview(world.providerP2), 404, 'not-found');
      expectProblem(await preview(world.jobcenterB), 404, 'not-found');
      const forA = await preview(world.jobcenterA).expect(200);
      const asA = await http.get(caseManager(), `/api/v1/reports/${reportId}`).expect(200);
      expect(forA.body.sections).toEqual(asA.body.sections);
      expect((forA.body.sections as { category: string }[]).map((s) => s.category)).toEqual([
        Goals,
      ]);
    });

    it("11. the client's jobcenter reads the client's whole disclosure record (Art. 15)", async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      const referral = await inProgress(client.id);
      await http.get(world.workerP1, `/api/v1/referrals/${referral.id}/client`).expect(200);
      for (const user of [world.caseworkerA, world.auditorA]) {
        const record = await http.get(user, `/api/v1/clients/${client.id}/disclosures`).expect(200);
        expect(record.body.items).toEqual([
          expect.objectContaining({
            what: 'client_record',
            recipientOrganisationId: world.providerP1,
          }),
        ]);
      }
      expectProblem(
        await http.get(world.caseworkerB, `/api/v1/clients/${client.id}/disclosures`),
        404,
        'not-found',
      );
    });
  });
});
