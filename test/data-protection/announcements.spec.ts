import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { ServiceKind } from '../../src/providers/service-kind';
import { createClient } from '../factories/clients';
import { createContract } from '../factories/providers';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import {
  readFeed,
  sendReferral,
  verifyWebhook,
  worldScope,
  type FeedEvent,
} from '../support/events';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const API = '/api/v1';
const CLIENT_EVENTS = ['client.restricted', 'client.restriction_lifted', 'client.erased'];

/**
 * Restriction and erasure are announced (issue 20, ADR 0020): `client.restricted`,
 * `client.restriction_lifted` and `client.erased`, ids only, to the parties to the client's
 * cases and nobody else; the erasure's announcement survives the erasure, the earlier events
 * about the client do not.
 */
describe('restriction and erasure are announced as events', () => {
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

  const drain = () => app.get(EventDispatcher).drain(undefined, worldScope(world));

  const referral = (clientId: string, providerId: string) =>
    sendReferral(http, world, { clientId, providerId });

  const about = (events: FeedEvent[], ids: string[]) =>
    events.filter((e) => ids.includes(e.subject.id) || ids.includes(e.referralId ?? ''));

  it('tells the provider of an accepted case (feed and signed webhook), not an unrelated one', async () => {
    const subscription = await http
      .post(world.leadP1, `${API}/webhook-subscriptions`, {
        url: receiver.url('/p1'),
        eventTypes: CLIENT_EVENTS,
      })
      .expect(201);
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referralId = await referral(client.id, world.providerP1);
    await http.advance(world.leadP1, referralId, 'accept', {
      assignedWorkerId: world.workerP1.userId,
    });
    await http.advance(world.workerP1, referralId, 'start');
    await http.advance(world.workerP1, referralId, 'complete', { outcome: 'goals_reached' });

    await http
      .post(world.auditorA, `${API}/clients/${client.id}/restriction`, { ground: 'legal_claims' })
      .expect(200);
    await drain();
    const restricted = about(await readFeed(http, world.leadP1), [client.id, referralId]).filter(
      (e) => e.type === 'client.restricted',
    );
    expect(restricted).toEqual([
      expect.objectContaining({
        type: 'client.restricted',
        organisationId: world.providerP1,
        subject: { type: 'client', id: client.id },
        referralId: null,
        instruction: 'purge',
      }),
    ]);
    await http.delete(world.auditorA, `${API}/clients/${client.id}/restriction`).expect(204);
    await drain();
    const lifted = about(await readFeed(http, world.leadP1), [client.id, referralId]);
    expect(lifted.map((e) => [e.type, e.instruction]).slice(-2)).toEqual([
      ['client.restricted', 'purge'],
      ['client.restriction_lifted', 'fetch'],
    ]);
    // P1's cursor has passed the newest events, which the erasure deletes: the positions given
    // next must still come after it (the dispatcher counts on from the position mark).
    const cursor = (
      await http
        .get(world.leadP1, `${API}/events`, { query: { after: lifted[lifted.length - 1].cursor } })
        .expect(200)
    ).body.cursor as string;
    await http
      .post(world.auditorA, `${API}/clients/${client.id}/erasure`, { reason: 'consent_withdrawn' })
      .expect(200);
    await drain();
    const next = await http
      .get(world.leadP1, `${API}/events`, { query: { after: cursor } })
      .expect(200);
    expect(about(next.body.items as FeedEvent[], [client.id]).map((e) => e.type)).toEqual([
      'client.erased',
    ]);

    // Every earlier event about the case is forgotten with it (the referral's, the
    // restriction's); the erasure's announcement stays.
    const p1 = about(await readFeed(http, world.leadP1), [client.id, referralId]);
    expect(p1.map((e) => [e.type, e.instruction])).toEqual([['client.erased', 'purge']]);
    const owner = about(await readFeed(http, world.leadA), [client.id, referralId]);
    expect(owner.map((e) => e.type)).toEqual(['client.erased']);

    const hooks = receiver
      .at('/p1')
      .map((hook) => verifyWebhook(subscription.body.secret as string, hook))
      .filter((e) => e.subject.id === client.id);
    expect(hooks.map((e) => e.type).sort()).toEqual(CLIENT_EVENTS.slice().sort());
    const erased = hooks.find((e) => e.type === 'client.erased');
    // Ids only: the keys of every event, nothing of the client but its id.
    expect(erased).toEqual({
      id: expect.any(String),
      cursor: expect.any(String),
      type: 'client.erased',
      organisationId: world.providerP1,
      subject: { type: 'client', id: client.id },
      referralId: null,
      instruction: 'purge',
      occurredAt: expect.any(String),
    });

    // Nobody else: the other provider and the other jobcenter see nothing of it.
    for (const outsider of [world.leadP2, world.caseworkerB]) {
      expect(about(await readFeed(http, outsider), [client.id, referralId])).toEqual([]);
    }
  });

  it('a provider never shown the client hears of its referral, not of the client’s id', async () => {
    await createContract(app, {
      jobcenterId: world.jobcenterA,
      providerId: world.providerP2,
      services: [ServiceKind.OutreachHomeVisits],
    });
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referralId = await referral(client.id, world.providerP2);
    await http
      .post(world.auditorA, `${API}/clients/${client.id}/restriction`, {
        ground: 'accuracy_contested',
      })
      .expect(200);
    await drain();
    const p2 = (await readFeed(http, world.leadP2)).filter((e) => e.type === 'client.restricted');
    const mine = p2.filter((e) => e.referralId === referralId);
    expect(mine).toEqual([
      expect.objectContaining({
        subject: { type: 'referral', id: referralId },
        referralId,
        instruction: 'purge',
      }),
    ]);
    expect(JSON.stringify(p2)).not.toContain(client.id);
    expect(about(await readFeed(http, world.leadP1), [client.id, referralId])).toEqual([]);
  });
});
