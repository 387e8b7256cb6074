import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReferralState } from '../../src/common/referral-states';
import { DataCategory } from '../../src/confidentiality/data-category';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { MaintenanceJobs } from '../../src/jobs/maintenance-jobs.service';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import type { TestUser } from '../factories/identity';
import { createPartner, createPartnerAgreement } from '../factories/partners';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent } from '../factories/reports';
import { readFeed } from '../support/events';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

const { MentalHealth, Participation, Goals } = DataCategory;
const API = '/api/v1';

/**
 * Onward referral to a partner organisation (issue 22 point 2, ADR 0022), through HTTP: the
 * consent it needs, what the partner sees before and after accepting, what the jobcenter sees
 * with and without a release, revocation, and the partner's reach into nothing else.
 */
describe('onward referrals to a partner organisation', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let partnerId: string;
  let staff: TestUser;
  let otherPartnerId: string;
  let otherStaff: TestUser;
  let templateId: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    ({ partnerId, staff } = await createPartner(app));
    ({ partnerId: otherPartnerId, staff: otherStaff } = await createPartner(app));
    await createPartnerAgreement(app, world.leadA, partnerId);
    templateId = (
      await createApprovedTemplate(app, world.providerP1, [MentalHealth, Participation, Goals])
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh case of A with P1, with the consent's grants (to the partner and/or jobcenter). */
  async function caseWith(grants: { category: DataCategory; recipientOrganisationId: string }[]) {
    const { clientId, referral } = await openCase(app, world, ReferralState.InProgress);
    const consent =
      grants.length > 0
        ? await recordConsent(app, world.workerP1.actor, clientId, {
            referralId: referral.id,
            templateId,
            grants,
          })
        : null;
    return { clientId, referralId: referral.id, consent };
  }

  const toPartner = () => ({ category: MentalHealth, recipientOrganisationId: partnerId });
  const toJobcenter = (category = MentalHealth) => ({
    category,
    recipientOrganisationId: world.jobcenterA,
  });

  async function refer(referralId: string, actor: TestUser = world.workerP1): Promise<string> {
    const res = await http
      .post(actor, `${API}/referrals/${referralId}/onward-referrals`, { partnerId })
      .expect(201);
    return res.body.id as string;
  }

  it('needs the client’s consent granting the partner the agreement’s category', async () => {
    const none = await caseWith([]);
    expectProblem(
      await http.post(world.workerP1, `${API}/referrals/${none.referralId}/onward-referrals`, {
        partnerId,
      }),
      422,
      'onward-referral-not-consented',
    );
    // A release to the jobcenter, or of another category to the partner, is no consent to it.
    const other = await caseWith([
      toJobcenter(),
      { category: Goals, recipientOrganisationId: partnerId },
    ]);
    expectProblem(
      await http.post(world.workerP1, `${API}/referrals/${other.referralId}/onward-referrals`, {
        partnerId,
      }),
      422,
      'onward-referral-not-consented',
    );
    // A partner without an agreement with the referral's jobcenter: 404, consent or not.
    const consented = await caseWith([
      toPartner(),
      { category: MentalHealth, recipientOrganisationId: otherPartnerId },
    ]);
    await http
      .post(world.workerP1, `${API}/referrals/${consented.referralId}/onward-referrals`, {
        partnerId: otherPartnerId,
      })
      .expect(404);
  });

  it('only the referral’s provider refers: another provider, an unassigned worker, a jobcenter', async () => {
    const { referralId } = await caseWith([toPartner()]);
    for (const actor of [world.workerP2, world.leadP2, world.otherWorkerP1]) {
      await http
        .post(actor, `${API}/referrals/${referralId}/onward-referrals`, { partnerId })
        .expect(404);
    }
    for (const actor of [world.caseworkerA, world.leadA, staff]) {
      await http
        .post(actor, `${API}/referrals/${referralId}/onward-referrals`, { partnerId })
        .expect(403);
    }
    // The provider lead may; a second open one to the same partner is refused.
    await refer(referralId, world.leadP1);
    expectProblem(
      await http.post(world.workerP1, `${API}/referrals/${referralId}/onward-referrals`, {
        partnerId,
      }),
      409,
      'onward-referral-state-conflict',
    );
  });

  it('the partner sees the client only after accepting, and then records the uptake', async () => {
    const { clientId, referralId } = await caseWith([toPartner()]);
    const id = await refer(referralId);

    const before = await http.get(staff, `${API}/onward-referrals/${id}`).expect(200);
    expect(before.body).toMatchObject({ state: 'requested', client: null, referralId: null });
    expect(JSON.stringify(before.body)).not.toContain(clientId);
    const listed = await http.get(staff, `${API}/onward-referrals`).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain(clientId);

    // Another partner sees nothing of it and cannot answer it.
    await http.get(otherStaff, `${API}/onward-referrals/${id}`).expect(404);
    await http.post(otherStaff, `${API}/onward-referrals/${id}/accept`).expect(404);

    // Uptake before acceptance: refused.
    expectProblem(
      await http.post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'took_up' }),
      409,
      'onward-referral-state-conflict',
    );
    const accepted = await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    expect(accepted.body.state).toBe('accepted');
    expect(accepted.body.client).toEqual({
      id: clientId,
      givenName: expect.any(String),
      familyName: expect.any(String),
      dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(accepted.body.referralId).toBeNull();
    await http.post(staff, `${API}/onward-referrals/${id}/decline`).expect(409);

    const uptake = await http
      .post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'took_up' })
      .expect(200);
    expect(uptake.body.state).toBe('took_up');
    await http
      .post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'did_not_take_up' })
      .expect(409);
    await http
      .post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'arrived_late' })
      .expect(400);

    // The provider sees the answer and the uptake, with its own referral.
    const seen = await http.get(world.workerP1, `${API}/onward-referrals/${id}`).expect(200);
    expect(seen.body).toMatchObject({ state: 'took_up', referralId, partnerId });
  });

  it('the partner never reaches the referral, the client record, consents or reports', async () => {
    const { clientId, referralId } = await caseWith([toPartner()]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    for (const path of [
      `/referrals/${referralId}`,
      `/referrals/${referralId}/activities`,
      `/referrals/${referralId}/reports`,
      `/referrals/${referralId}/history`,
      `/referrals/${referralId}/onward-referrals`,
      `/referrals/${referralId}/released-onward-referrals`,
      `/clients/${clientId}`,
      `/clients/${clientId}/consents`,
      `/clients/${clientId}/consents/effective`,
      `/clients/${clientId}/disclosures`,
      '/referrals',
      '/clients',
    ]) {
      const res = await http.get(staff, `${API}${path}`);
      expect([403, 404]).toContain(res.status);
    }
  });

  it('the jobcenter sees nothing without a release', async () => {
    const { referralId, clientId } = await caseWith([toPartner(), toJobcenter(Participation)]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    const released = await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(200);
    expect(released.body).toEqual({ items: [], nextCursor: null });
    await http.get(world.caseworkerA, `${API}/onward-referrals/${id}`).expect(404);
    const all = await http.get(world.caseworkerA, `${API}/onward-referrals`).expect(200);
    expect(all.body.items).toEqual([]);
    await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}/onward-referrals`)
      .expect(404);
    // Nor in the client's disclosure record, nor by the partner's name anywhere it reads.
    const record = await http
      .get(world.caseworkerA, `${API}/clients/${clientId}/disclosures`)
      .expect(200);
    expect(JSON.stringify(record.body)).not.toContain(partnerId);
    const consents = await http
      .get(world.caseworkerA, `${API}/clients/${clientId}/consents`)
      .expect(200);
    expect(JSON.stringify(consents.body)).not.toContain(partnerId);
  });

  it('the jobcenter sees exactly the released fact with a release of the category', async () => {
    const { referralId, clientId } = await caseWith([toPartner(), toJobcenter(MentalHealth)]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    await http
      .post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'did_not_take_up' })
      .expect(200);
    const res = await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(200);
    expect(res.body.items).toEqual([
      { id, referralId, partnerId, category: 'mental_health', createdAt: expect.any(String) },
    ]);
    // The read is a disclosure of the provider's content, in the client's record.
    const record = await http
      .get(world.caseworkerA, `${API}/clients/${clientId}/disclosures`)
      .expect(200);
    expect(
      record.body.items.some((d: { categories: string[] }) =>
        d.categories.includes('mental_health'),
      ),
    ).toBe(true);
    // The jobcenter B, or the jobcenter lead (no case content), see nothing of it.
    await http
      .get(world.caseworkerB, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(404);
    await http
      .get(world.leadA, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(403);
  });

  it('a revocation of the partner’s grant ends its access on the next request', async () => {
    const { referralId, consent } = await caseWith([toPartner()]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    await http.get(staff, `${API}/onward-referrals/${id}`).expect(200);
    const grantId = consent!.grants.find((g) => g.recipientOrganisationId === partnerId)!.id;
    await http
      .post(world.workerP1, `${API}/consents/${consent!.record.id}/revoke`, {
        grantIds: [grantId],
      })
      .expect(200);
    await http.get(staff, `${API}/onward-referrals/${id}`).expect(404);
    const listed = await http.get(staff, `${API}/onward-referrals`).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    await http
      .post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'took_up' })
      .expect(404);
    // The provider still sees its own onward referral.
    await http.get(world.workerP1, `${API}/onward-referrals/${id}`).expect(200);
  });

  it('restriction: the partner and the provider are refused, the jobcenter learns nothing', async () => {
    const { clientId, referralId } = await caseWith([toPartner()]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    await http
      .post(world.auditorA, `${API}/clients/${clientId}/restriction`, {
        ground: 'accuracy_contested',
      })
      .expect(200);
    const restricted = (res: { status: number; body: { type?: string } }) => {
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('urn:lotse:problem:processing-restricted');
    };
    restricted(await http.get(staff, `${API}/onward-referrals/${id}`));
    restricted(
      await http.post(staff, `${API}/onward-referrals/${id}/uptake`, { outcome: 'took_up' }),
    );
    restricted(await http.get(world.workerP1, `${API}/onward-referrals/${id}`));
    restricted(await http.get(world.workerP1, `${API}/referrals/${referralId}/onward-referrals`));
    // The jobcenter: its own referral's restriction, but no hint of the onward referral.
    await http.get(world.caseworkerA, `${API}/onward-referrals/${id}`).expect(404);
    // The partner's list leaves it out.
    const listed = await http.get(staff, `${API}/onward-referrals`).expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('events go to the provider and the partner only, ids only', async () => {
    const { referralId } = await caseWith([toPartner(), toJobcenter(MentalHealth)]);
    const id = await refer(referralId);
    await http.post(staff, `${API}/onward-referrals/${id}/accept`).expect(200);
    await app.get(EventDispatcher).drain(undefined, {
      organisationIds: [world.jobcenterA, world.providerP1, partnerId, otherPartnerId],
    });
    const partnerFeed = await readFeed(http, staff);
    expect(partnerFeed.length).toBeGreaterThan(0);
    // Only its onward referrals, and purges: of a revoked grant to it and of a client it
    // accepted being restricted (earlier tests); never the consent's recording nor a referral id.
    const others = partnerFeed.filter((e) => e.subject.type !== 'onward_referral');
    expect(others.map((e) => `${e.type}/${e.instruction}`).sort()).toEqual([
      'client.restricted/purge',
      'consent.revoked/purge',
    ]);
    expect(partnerFeed.filter((e) => e.referralId !== null)).toEqual([]);
    expect(partnerFeed.filter((e) => e.subject.id === id).map((e) => e.type)).toEqual([
      'onward_referral.requested',
      'onward_referral.accepted',
    ]);
    const providerFeed = await readFeed(http, world.leadP1);
    expect(providerFeed.some((e) => e.subject.id === id)).toBe(true);
    const jobcenterFeed = await readFeed(http, world.caseworkerA);
    expect(jobcenterFeed.some((e) => e.subject.type === 'onward_referral')).toBe(false);
    expect((await readFeed(http, otherStaff)).length).toBe(0);
  });

  it('a consent expiring for the partner tells it so without the referral it was made from', async () => {
    const { clientId, referral } = await openCase(app, world, ReferralState.InProgress);
    const { consentId } = await insertConsent(app, {
      clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [
        { category: MentalHealth, recipientOrganisationId: partnerId },
        { category: Participation, recipientOrganisationId: world.jobcenterA },
      ],
      validUntilOffset: 2 * 86_400,
    });
    await app.get(MaintenanceJobs).run();
    await app.get(EventDispatcher).drain(undefined, {
      organisationIds: [world.jobcenterA, world.providerP1, partnerId],
    });
    const about = async (actor: TestUser) =>
      (await readFeed(http, actor))
        .filter((e) => e.subject.id === consentId)
        .map((e) => ({ type: e.type, referralId: e.referralId }));
    expect(await about(staff)).toEqual([{ type: 'consent.expiring_soon', referralId: null }]);
    expect(await about(world.leadP1)).toEqual([
      { type: 'consent.expiring_soon', referralId: referral.id },
    ]);
    expect(await about(world.caseworkerA)).toEqual([
      { type: 'consent.expiring_soon', referralId: referral.id },
    ]);
    expect(await about(otherStaff)).toEqual([]);
  });
});
