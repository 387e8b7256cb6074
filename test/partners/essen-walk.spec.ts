import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { DataCategory } from '../../src/confidentiality/data-category';
import { createApprovedTemplate, consentBody } from '../factories/consent';
import { createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { sendReferral } from '../support/events';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * The Essen walk (issue 22, "Done when"), through HTTP only after the world's set-up: the
 * operator's admin creates the LVR clinic as a partner, the jobcenter lead makes its agreement
 * with reserved places; the assessment team (P1) works a referral, records the client's consent
 * to the onward referral and refers the client to the clinic; the clinic accepts (and only then
 * learns who the client is) and records the uptake. The jobcenter sees nothing of it without a
 * release, and exactly the released fact once the client releases `mental_health` to it.
 */
describe('the Essen walk: onward referral to the LVR clinic', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let clinicId: string;
  let clinic: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('walks from the agreement to the uptake, and the jobcenter learns only what is released', async () => {
    // The operator's admin creates the clinic; its staff member (set up by the factory).
    const created = await http
      .post(world.admin, `${API}/organisations`, {
        kind: 'partner',
        name: `LVR-Universitätsklinik Essen ${randomUUID().slice(0, 8)}`,
      })
      .expect(201);
    clinicId = created.body.id as string;
    clinic = await createUser(app, { roles: [Role.PartnerStaff], organisationId: clinicId });

    // The jobcenter lead reserves places at the clinic for the jobcenter's clients.
    const agreement = await http
      .post(world.leadA, `${API}/partner-agreements`, {
        partnerId: clinicId,
        category: 'mental_health',
        reservedPlaces: 4,
        validFrom: '2026-01-01',
      })
      .expect(201);
    expect(agreement.body).toMatchObject({ reservedPlaces: 4, placesTaken: 0 });
    // The assessment team finds the clinic among the agreements valid today.
    const offered = await http.get(world.workerP1, `${API}/partner-agreements`).expect(200);
    expect(offered.body.items.map((a: { partnerId: string }) => a.partnerId)).toContain(clinicId);

    // The case manager refers the client to the assessment team, which takes it on.
    const referralId = await sendReferral(http, world);
    await http.advance(world.leadP1, referralId, 'accept', {
      assignedWorkerId: world.workerP1.userId,
    });
    await http.advance(world.workerP1, referralId, 'start');

    // Without the client's consent there is no onward referral.
    await http
      .post(world.workerP1, `${API}/referrals/${referralId}/onward-referrals`, {
        partnerId: clinicId,
      })
      .expect(422);

    // The client agrees to be referred to the clinic, and releases participation to the
    // jobcenter: nothing about the clinic.
    const template = await createApprovedTemplate(app, world.providerP1);
    /** The assessment team records the client's consent for the referral, over HTTP. */
    const consentTo = (toJobcenter: DataCategory[]) =>
      http
        .post(
          world.workerP1,
          `${API}/clients/${world.client.id}/consents`,
          consentBody({
            referralId,
            templateId: template.id,
            grants: [
              { category: DataCategory.MentalHealth, recipientOrganisationId: clinicId },
              ...toJobcenter.map((category) => ({
                category,
                recipientOrganisationId: world.jobcenterA,
              })),
            ],
          }),
        )
        .expect(201);
    await consentTo([DataCategory.Participation]);

    const onward = await http
      .post(world.workerP1, `${API}/referrals/${referralId}/onward-referrals`, {
        partnerId: clinicId,
      })
      .expect(201);
    const id = onward.body.id as string;

    // The clinic sees the request, not the client; it accepts, then knows the client.
    const asked = await http.get(clinic, `${API}/onward-referrals`).expect(200);
    expect(asked.body.items).toEqual([
      expect.objectContaining({ id, state: 'requested', client: null, referralId: null }),
    ]);
    const accepted = await http.post(clinic, `${API}/onward-referrals/${id}/accept`).expect(200);
    expect(accepted.body.client).toMatchObject({
      id: world.client.id,
      familyName: world.client.familyName,
    });
    const uptake = await http
      .post(clinic, `${API}/onward-referrals/${id}/uptake`, { outcome: 'took_up' })
      .expect(200);
    expect(uptake.body.state).toBe('took_up');
    // The clinic never sees the case: the referral, the client record, reports.
    await http.get(clinic, `${API}/referrals/${referralId}`).expect(403);
    await http.get(clinic, `${API}/clients/${world.client.id}`).expect(403);

    // The assessment team sees the answer and the uptake.
    const mine = await http
      .get(world.workerP1, `${API}/referrals/${referralId}/onward-referrals`)
      .expect(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, state: 'took_up' })]);

    // The jobcenter: nothing without a release, not even in the client's disclosure record.
    const none = await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(200);
    expect(none.body.items).toEqual([]);
    const referralSeen = await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}`)
      .expect(200);
    const disclosures = await http
      .get(world.caseworkerA, `${API}/clients/${world.client.id}/disclosures`)
      .expect(200);
    for (const body of [referralSeen.body, disclosures.body]) {
      expect(JSON.stringify(body)).not.toContain(clinicId);
      expect(JSON.stringify(body)).not.toContain(id);
    }

    // The client releases mental_health to the jobcenter too (a new consent for the referral):
    // the jobcenter now sees exactly the fact of the onward referral, not the answer or uptake.
    await consentTo([DataCategory.Participation, DataCategory.MentalHealth]);
    const released = await http
      .get(world.caseworkerA, `${API}/referrals/${referralId}/released-onward-referrals`)
      .expect(200);
    expect(released.body.items).toEqual([
      {
        id,
        referralId,
        partnerId: clinicId,
        category: 'mental_health',
        createdAt: onward.body.createdAt,
      },
    ]);
  });
});
