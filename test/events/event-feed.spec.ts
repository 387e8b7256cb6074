import { appointmentBody } from '../factories/appointments';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeyScope } from '../../src/auth/role';
import { ReferralState } from '../../src/common/referral-states';
import { DataCategory } from '../../src/confidentiality/data-category';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { EventType } from '../../src/events/event-types';
import { createClient } from '../factories/clients';
import { consentBody, createApprovedTemplate, openCase } from '../factories/consent';
import { createApiKey } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { readFeed, sendReferral, worldScope, type FeedEvent } from '../support/events';
import { WebhookReceiver } from '../support/webhook-receiver';

/** Markers of case content in the world: no event may carry any of them (ADR 0019). */
const SENTINEL = {
  givenName: 'Sentinelgiven',
  familyName: 'Sentinelfamily',
  reasonText: 'SENTINEL-REASON-TEXT',
  goals: 'SENTINEL-GOALS-TEXT',
};

describe('event feed: GET /events per organisation, and no content in any event (ADR 0019)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    app = await createTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
    await receiver.stop();
  });

  async function feed(actor: HttpActor, after = '0', limit = 100): Promise<FeedEvent[]> {
    const res = await http.get(actor, '/api/v1/events', { query: { after, limit } }).expect(200);
    return res.body.items as FeedEvent[];
  }

  const all = (actor: HttpActor) => readFeed(http, actor);

  it('shows each organisation its own events only, in order, page by page', async () => {
    const id = await sendReferral(http, world);
    // Before the dispatcher ran, the feed has no position for it yet.
    expect((await all(world.caseworkerA)).map((e) => e.referralId)).not.toContain(id);
    await app.get(EventDispatcher).drain(undefined, worldScope(world));
    await http.advance(world.leadP1, id, 'accept', { assignedWorkerId: world.workerP1.userId });
    await app.get(EventDispatcher).drain(undefined, worldScope(world));

    const ofA = (await all(world.caseworkerA)).filter((e) => e.referralId === id);
    expect(ofA.map((e) => e.type)).toEqual(['referral.sent', 'referral.accepted']);
    expect(ofA.every((e) => e.organisationId === world.jobcenterA)).toBe(true);
    const key = await createApiKey(app, {
      organisationId: world.providerP1,
      scopes: [ApiKeyScope.ReferralsRead],
    });
    const ofP1 = (await all(key)).filter((e) => e.referralId === id);
    expect(ofP1.map((e) => e.type)).toEqual(['referral.sent', 'referral.accepted']);
    expect(ofP1.every((e) => e.organisationId === world.providerP1)).toBe(true);
    expect(ofP1.map((e) => e.id)).not.toEqual(ofA.map((e) => e.id));

    // The other jobcenter and the other provider never see it.
    for (const outsider of [world.caseworkerB, world.leadP2]) {
      expect((await all(outsider)).filter((e) => e.referralId === id)).toEqual([]);
    }
    // Paging: one at a time, the cursor moves on, and ends with an empty page at the same cursor.
    const first = await http
      .get(world.caseworkerA, '/api/v1/events', { query: { limit: 1 } })
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.cursor).toBe(first.body.items[0].cursor);
    const next = await feed(world.caseworkerA, first.body.cursor, 1);
    expect(Number(next[0].cursor)).toBeGreaterThan(Number(first.body.cursor));
    const last = ofA[1].cursor;
    const after = await http
      .get(world.caseworkerA, '/api/v1/events', { query: { after: '999999999999' } })
      .expect(200);
    expect(after.body).toEqual({ items: [], cursor: '999999999999' });
    expect(Number(last)).toBeGreaterThan(0);
  });

  it('refuses a malformed cursor and callers without the permission', async () => {
    const bad = await http.get(world.caseworkerA, '/api/v1/events', { query: { after: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    await http.get(world.workerP1, '/api/v1/events').expect(403);
    await http.get(world.auditorA, '/api/v1/events').expect(403);
    await http.get(world.admin, '/api/v1/events').expect(403);
    await http.get('anonymous', '/api/v1/events').expect(401);
  });

  it('tells a consent revocation to the recipients whose grants it removed, with "purge"', async () => {
    const { clientId, referral } = await openCase(app, world, ReferralState.InProgress);
    const template = await createApprovedTemplate(app, world.providerP1);
    const recorded = await http
      .post(
        world.workerP1,
        `/api/v1/clients/${clientId}/consents`,
        consentBody({
          referralId: referral.id,
          templateId: template.id,
          grants: [
            { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
            { category: DataCategory.Health, recipientOrganisationId: world.jobcenterA },
          ],
        }),
      )
      .expect(201);
    const consentId = recorded.body.id as string;
    await http.post(world.workerP1, `/api/v1/consents/${consentId}/revoke`, {}).expect(200);
    await app.get(EventDispatcher).drain(undefined, worldScope(world));
    const ofA = (await all(world.caseworkerA)).filter((e) => e.subject.id === consentId);
    expect(ofA.map((e) => [e.type, e.instruction])).toEqual([
      ['consent.recorded', 'fetch'],
      ['consent.revoked', 'purge'],
    ]);
    expect(ofA[1].referralId).toBe(referral.id);
    // The provider that released it, and outsiders, get no event about it.
    for (const other of [world.leadP1, world.caseworkerB, world.leadP2]) {
      expect((await all(other)).filter((e) => e.subject.id === consentId)).toEqual([]);
    }
  });

  it('carries no case content: sentinels of names, texts and categories appear in no event', async () => {
    const hook = await http
      .post(world.leadA, '/api/v1/webhook-subscriptions', {
        url: receiver.url('/sentinel'),
        eventTypes: Object.values(EventType),
      })
      .expect(201);
    const client = await createClient(app, {
      jobcenterId: world.jobcenterA,
      givenName: SENTINEL.givenName,
      familyName: SENTINEL.familyName,
    });
    const created = await http
      .post(world.caseworkerA, '/api/v1/referrals', {
        clientId: client.id,
        providerId: world.providerP1,
        reasonCategory: 'lost_contact',
        reasonText: SENTINEL.reasonText,
        goals: SENTINEL.goals,
        requestedServices: ['outreach_home_visits'],
      })
      .expect(201);
    const id = created.body.id as string;
    await http.advance(world.caseworkerA, id, 'send');
    await http.advance(world.leadP1, id, 'accept', { assignedWorkerId: world.workerP1.userId });
    await http.advance(world.workerP1, id, 'start');
    const template = await createApprovedTemplate(app, world.providerP1);
    const consent = await http
      .post(
        world.leadP1,
        `/api/v1/clients/${client.id}/consents`,
        consentBody({
          referralId: id,
          templateId: template.id,
          grants: Object.values(DataCategory).map((category) => ({
            category,
            recipientOrganisationId: world.jobcenterA,
          })),
        }),
      )
      .expect(201);
    // An appointment (ADR 0021): proposed, the wish recorded and confirmed; its place and purpose
    // stay behind the API.
    const appointment = await http
      .post(
        world.caseworkerA,
        `/api/v1/referrals/${id}/appointments`,
        appointmentBody({ location: 'Terminort-Sentinel', purpose: 'cooperation_plan' }),
      )
      .expect(201);
    const wished = await http
      .post(
        world.workerP1,
        `/api/v1/appointments/${appointment.body.id}/accompaniment-wish`,
        { wished: true },
        { ifMatch: appointment.headers.etag },
      )
      .expect(200);
    await http
      .post(
        world.workerP1,
        `/api/v1/appointments/${appointment.body.id}/accompaniment-confirmation`,
        undefined,
        { ifMatch: wished.headers.etag },
      )
      .expect(200);
    await http.advance(world.workerP1, id, 'pause', { reason: 'hospital_stay' });
    await http.advance(world.workerP1, id, 'resume');
    await http.advance(world.workerP1, id, 'end', { reason: 'client_declined' });
    await http
      .post(world.caseworkerA, `/api/v1/clients/${client.id}/consents/revoke`, {})
      .expect(204);
    await app.get(EventDispatcher).drain(undefined, worldScope(world));

    const fed = (await all(world.caseworkerA)).filter(
      (e) => e.referralId === id || e.subject.id === consent.body.id,
    );
    const hooks = receiver.at('/sentinel').map((h) => h.body);
    expect(fed.length).toBeGreaterThanOrEqual(11);
    expect(fed.filter((e) => e.subject.type === 'appointment').map((e) => e.type)).toEqual([
      'appointment.proposed',
      'appointment.changed',
      'appointment.changed',
    ]);
    expect(hooks.length).toBe(fed.length);
    const texts = [...fed.map((e) => JSON.stringify(e)), ...hooks];
    const forbidden = [
      ...Object.values(SENTINEL),
      ...Object.values(DataCategory).map((c) => `"${c}"`),
      'hospital_stay',
      'client_declined',
      'lost_contact',
      'Lindenstraße',
      'Terminort-Sentinel',
      'cooperation_plan',
      'in_person',
      client.customerNumber,
    ];
    for (const text of texts) {
      for (const marker of forbidden) expect(text).not.toContain(marker);
    }
    await http.delete(world.leadA, `/api/v1/webhook-subscriptions/${hook.body.id}`).expect(204);
  });
});
