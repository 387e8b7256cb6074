import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReferralState } from '../../src/common/referral-states';
import { DataCategory } from '../../src/confidentiality/data-category';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { createPartner, createPartnerAgreement } from '../factories/partners';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * A partner's reserved places are never overbooked, however many onward referrals race for the
 * last ones (the agreement row is locked while the places are counted). Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL with a pool of connections.
 */
describe('reserved places of a partner agreement under concurrency', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('of 8 parallel onward referrals for 3 places, exactly 3 succeed; a place freed is taken once', async () => {
    const { partnerId, staff } = await createPartner(app);
    const agreement = await createPartnerAgreement(app, world.leadA, partnerId, {
      reservedPlaces: 3,
    });
    const template = await createApprovedTemplate(app, world.providerP1, [
      DataCategory.MentalHealth,
    ]);
    const referrals: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { clientId, referral } = await openCase(app, world, ReferralState.InProgress);
      await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId: template.id,
        grants: [{ category: DataCategory.MentalHealth, recipientOrganisationId: partnerId }],
      });
      referrals.push(referral.id);
    }
    const results = await Promise.all(
      referrals.map((id) =>
        http.post(world.workerP1, `${API}/referrals/${id}/onward-referrals`, { partnerId }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    expect(
      results
        .filter((r) => r.status === 409)
        .every((r) => r.body.type === 'urn:lotse:problem:partner-capacity-exhausted'),
    ).toBe(true);
    const listed = await http.get(world.leadA, `${API}/partner-agreements`).expect(200);
    expect(listed.body.items.find((a: { id: string }) => a.id === agreement.id).placesTaken).toBe(
      3,
    );

    // The partner declines one: its place is free, and of two racing for it one gets it.
    const first = results.find((r) => r.status === 201)!.body.id as string;
    await http.post(staff, `${API}/onward-referrals/${first}/decline`).expect(200);
    const waiting = referrals.filter((_, i) => results[i].status === 409).slice(0, 2);
    const again = await Promise.all(
      waiting.map((id) =>
        http.post(world.workerP1, `${API}/referrals/${id}/onward-referrals`, { partnerId }),
      ),
    );
    expect(again.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
