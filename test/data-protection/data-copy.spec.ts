import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createClient } from '../factories/clients';
import { createUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { insertConsent, submittedReport } from '../factories/reports';
import { expectProblem } from '../support/problem';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * The Art. 15 copy (issue 20 point 4, ADR 0020): the owning jobcenter's auditor produces, for one
 * client, everything Lotse holds about them (JSON) and a plain German text; it holds exactly
 * that client's data, nothing of another client.
 */
describe('Art. 15 copy', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  const run = randomBytes(4).toString('hex');

  /** A client of A with a worked, reported and consented case, each free text a marker. */
  async function caseOf(tag: string) {
    const m = (what: string) => `COPY${run}${tag}${what}`;
    const client = await createClient(app, {
      jobcenterId: world.jobcenterA,
      givenName: m('Given'),
      familyName: m('Family'),
      noteToProvider: m('Note'),
    });
    const referral = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
      reasonText: m('Reason'),
      goals: m('Goals'),
    });
    const { consentId } = await insertConsent(app, {
      clientId: client.id,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    const report = await submittedReport(app, world.workerP1.actor, referral.id, {
      sections: [
        { category: DataCategory.Participation, text: m('Report') },
        // Not released to the jobcenter: the provider's to disclose, never in the copy.
        { category: DataCategory.Debts, text: m('Unreleased') },
      ],
    });
    // The jobcenter reads the released report: a disclosure on the client's record.
    expect((await http.get(world.caseworkerA, `${API}/reports/${report.id}`)).status).toBe(200);
    return {
      clientId: client.id,
      referralId: referral.id,
      consentId,
      reportId: report.id,
      markers: ['Given', 'Family', 'Note', 'Reason', 'Goals', 'Report'].map(m),
      unreleased: m('Unreleased'),
    };
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('holds everything of the client, including consents and disclosures, and nothing of another', async () => {
    const mine = await caseOf('A');
    const other = await caseOf('B');
    const res = await http.get(world.auditorA, `${API}/clients/${mine.clientId}/data-copy`);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const marker of mine.markers) expect(text).toContain(marker);
    expect(text).not.toContain(mine.unreleased);
    for (const marker of other.markers) expect(text).not.toContain(marker);
    for (const id of [other.clientId, other.referralId, other.consentId, other.reportId]) {
      expect(text).not.toContain(id);
    }
    expect(res.body.client).toMatchObject({ id: mine.clientId });
    expect(res.body.referrals).toEqual([expect.objectContaining({ id: mine.referralId })]);
    expect(res.body.consents).toEqual([expect.objectContaining({ id: mine.consentId })]);
    expect(res.body.consentGrants).toHaveLength(1);
    expect(res.body.reports).toEqual([expect.objectContaining({ id: mine.reportId })]);
    expect(res.body.disclosures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recipientOrganisationId: world.jobcenterA }),
      ]),
    );
  });

  it('renders it as plain German text for the client', async () => {
    const mine = await caseOf('C');
    const res = await http.get(world.auditorA, `${API}/clients/${mine.clientId}/data-copy/text`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^Auskunft nach Art\. 15 DSGVO/);
    for (const heading of ['Ihre Stammdaten', 'Berichte', 'Ihre Einwilligungen', 'Offenlegungen']) {
      expect(res.text).toContain(heading);
    }
    expect(res.text).toContain(`Vorname: ${mine.markers[0]}`);
    for (const marker of mine.markers) expect(res.text).toContain(marker);
  });

  it('is the owning auditor’s, also under restriction; others 403, a foreign client 404', async () => {
    const mine = await caseOf('D');
    const path = `${API}/clients/${mine.clientId}/data-copy`;
    expectProblem(await http.get(world.caseworkerA, path), 403, 'forbidden');
    const foreign = await createClient(app, { jobcenterId: world.jobcenterB });
    expectProblem(
      await http.get(world.auditorA, `${API}/clients/${foreign.id}/data-copy`),
      404,
      'not-found',
    );
    await http.post(world.auditorA, `${API}/clients/${mine.clientId}/restriction`, {
      ground: 'objection_pending',
    });
    expect((await http.get(world.auditorA, path)).status).toBe(200);
    const [event] = await app
      .get(DataSource)
      .query<{ details: unknown }[]>(
        `SELECT details FROM audit_events WHERE action = 'client.data_copy' AND client_id = $1`,
        [mine.clientId],
      );
    expect(event).toBeDefined();
  });

  /**
   * The provider's part (ADR 0020): each controller answers for its part. The provider's
   * auditor gets what the provider itself holds about a client of its referrals: its
   * activities, every section of its reports, the consents it recorded; nothing the jobcenter
   * wrote, nothing of another provider or client.
   */
  describe('the provider’s part', () => {
    const auditorOf = (organisationId: string) =>
      createUser(app, {
        roles: [Role.Auditor],
        organisationKind: OrganisationKind.Provider,
        organisationId,
      });

    async function providerCase(tag: string) {
      const mine = await caseOf(tag);
      const note = `COPY${run}${tag}Activity`;
      const activity = await http.post(
        world.workerP1,
        `${API}/referrals/${mine.referralId}/activities`,
        {
          kind: 'home_visit',
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          reached: true,
          note,
        },
      );
      expect(activity.status).toBe(201);
      return { ...mine, activityNote: note };
    }

    it('holds exactly what the provider holds of that client, nothing of others', async () => {
      const mine = await providerCase('P');
      const other = await providerCase('Q');
      // Another provider's report about the same client.
      const theirs = await referralInState(app, world, ReferralState.InProgress, {
        clientId: mine.clientId,
        providerId: world.providerP2,
        assignedWorkerId: world.workerP2.userId,
      });
      const otherProviderText = `COPY${run}P2Report`;
      const theirReport = await submittedReport(app, world.workerP2.actor, theirs.id, {
        sections: [{ category: DataCategory.Participation, text: otherProviderText }],
      });
      const auditor = await auditorOf(world.providerP1);
      const res = await http.get(auditor, `${API}/clients/${mine.clientId}/provider-data-copy`);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(res.body).toMatchObject({ clientId: mine.clientId, providerId: world.providerP1 });
      // The provider's own: every section (released or not), the activity, its consent.
      for (const own of [mine.markers[5], mine.unreleased, mine.activityNote]) {
        expect(text).toContain(own);
      }
      expect(res.body.referrals).toEqual([expect.objectContaining({ id: mine.referralId })]);
      expect(res.body.consents).toEqual([expect.objectContaining({ id: mine.consentId })]);
      expect(res.body.reports).toEqual([expect.objectContaining({ id: mine.reportId })]);
      expect(res.body.activities).toHaveLength(1);
      // Nothing the jobcenter wrote (client record, referral texts).
      for (const jobcenters of mine.markers.slice(0, 5)) expect(text).not.toContain(jobcenters);
      // Nothing of another client, nothing of another provider.
      for (const marker of [...other.markers, other.unreleased, other.activityNote]) {
        expect(text).not.toContain(marker);
      }
      for (const id of [other.clientId, other.referralId, other.consentId, other.reportId]) {
        expect(text).not.toContain(id);
      }
      expect(text).not.toContain(otherProviderText);
      expect(text).not.toContain(theirs.id);
      expect(text).not.toContain(theirReport.id);
      // The jobcenter read the provider's released report: the provider was a party to it.
      expect(res.body.disclosures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            recipientOrganisationId: world.jobcenterA,
            authorOrganisationId: world.providerP1,
          }),
        ]),
      );
      for (const d of res.body.disclosures as Record<string, unknown>[]) {
        expect([d.recipientOrganisationId, d.authorOrganisationId]).toContain(world.providerP1);
      }

      const asText = await http.get(
        auditor,
        `${API}/clients/${mine.clientId}/provider-data-copy/text`,
      );
      expect(asText.status).toBe(200);
      expect(asText.headers['content-type']).toMatch(/^text\/plain/);
      expect(asText.text).toMatch(/^Auskunft nach Art\. 15 DSGVO – Teil des Trägers/);
      expect(asText.text).toContain(mine.activityNote);
      expect(asText.text).not.toContain(mine.markers[0]);
      const [event] = await app.get(DataSource).query<{ details: unknown }[]>(
        `SELECT details FROM audit_events WHERE action = 'client.data_copy' AND client_id = $1
              AND organisation_id = $2`,
        [mine.clientId, world.providerP1],
      );
      expect(event).toMatchObject({ details: { part: 'provider' } });
    });

    it('404 for a provider with no case of the client, 403 for other roles and under restriction', async () => {
      const mine = await providerCase('R');
      const path = `${API}/clients/${mine.clientId}/provider-data-copy`;
      expectProblem(await http.get(await auditorOf(world.providerP2), path), 404, 'not-found');
      // The jobcenter's auditor has the jobcenter's part, not a provider's.
      expectProblem(await http.get(world.auditorA, path), 404, 'not-found');
      expectProblem(await http.get(world.leadP1, path), 403, 'forbidden');
      expectProblem(await http.get(world.workerP1, path), 403, 'forbidden');
      await http.post(world.auditorA, `${API}/clients/${mine.clientId}/restriction`, {
        ground: 'objection_pending',
      });
      expectProblem(
        await http.get(await auditorOf(world.providerP1), path),
        403,
        'processing-restricted',
      );
    });
  });
});
