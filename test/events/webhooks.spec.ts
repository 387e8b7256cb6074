import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  EventDispatcher,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
} from '../../src/events/event-dispatcher.service';
import { Outbox } from '../../src/events/outbox.service';
import { EventSubject, EventType } from '../../src/events/event-types';
import { ServiceKind } from '../../src/providers/service-kind';
import { createContract } from '../factories/providers';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { reportBody, workedReferral } from '../factories/reports';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { sendReferral, verifyWebhook, worldScope } from '../support/events';
import { WebhookReceiver } from '../support/webhook-receiver';

const EVENT_KEYS = [
  'cursor',
  'id',
  'instruction',
  'occurredAt',
  'organisationId',
  'referralId',
  'subject',
  'type',
].sort();

describe('webhooks: signed delivery from the transactional outbox (ADR 0019)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let receiver: WebhookReceiver;
  let dispatcher: EventDispatcher;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    app = await createTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    http = httpOf(app);
    world = await buildReferralWorld(app);
    dispatcher = app.get(EventDispatcher);
  });
  afterAll(async () => {
    await app.close();
    await receiver.stop();
  });

  async function subscribe(
    lead: ReferralWorld['leadP1'],
    path: string,
    eventTypes: string[] = Object.values(EventType),
  ): Promise<{ id: string; secret: string }> {
    const res = await http
      .post(lead, '/api/v1/webhook-subscriptions', { url: receiver.url(path), eventTypes })
      .expect(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    expect(res.headers.location).toBe(`/api/v1/webhook-subscriptions/${res.body.id}`);
    return { id: res.body.id, secret: res.body.secret };
  }

  const sentReferral = () =>
    sendReferral(http, world, {
      reasonText: 'Post kommt ungeöffnet zurück',
      goals: 'Wieder Kontakt zum Jobcenter',
    });

  it('delivers every referral event to both parties, signed and verifiable, ids only', async () => {
    const p1 = await subscribe(world.leadP1, '/p1');
    const a = await subscribe(world.leadA, '/a');
    const id = await sentReferral();
    await http.advance(world.leadP1, id, 'accept', { assignedWorkerId: world.workerP1.userId });
    await http.advance(world.workerP1, id, 'start');
    await http.advance(world.workerP1, id, 'pause', { reason: 'client_request' });
    await http.advance(world.workerP1, id, 'resume');
    await http.advance(world.workerP1, id, 'complete', { outcome: 'goals_reached' });
    const rejected = await sentReferral();
    await http.advance(world.leadP1, rejected, 'reject', { reason: 'no_capacity' });
    const cancelled = await sentReferral();
    await http.advance(world.caseworkerA, cancelled, 'cancel', { reason: 'no_longer_needed' });
    const ended = await sentReferral();
    await http.advance(world.leadP1, ended, 'accept', { assignedWorkerId: world.workerP1.userId });
    await http.advance(world.workerP1, ended, 'end', { reason: 'client_declined' });

    await dispatcher.drain(undefined, worldScope(world));

    for (const [path, sub, org] of [
      ['/p1', p1, world.providerP1],
      ['/a', a, world.jobcenterA],
    ] as const) {
      const events = receiver.at(path).map((hook) => verifyWebhook(sub.secret, hook));
      const types = new Set(events.map((e) => e.type));
      for (const type of [
        'referral.sent',
        'referral.accepted',
        'referral.started',
        'referral.paused',
        'referral.resumed',
        'referral.completed',
        'referral.rejected',
        'referral.cancelled',
        'referral.ended',
      ]) {
        expect(types).toContain(type);
      }
      for (const event of events) {
        expect(Object.keys(event).sort()).toEqual(EVENT_KEYS);
        expect(event.organisationId).toBe(org);
      }
      // Deliveries run in parallel: the feed's cursor, not the arrival, gives the order.
      const ofFirst = events
        .filter((e) => e.referralId === id)
        .sort((x, y) => Number(x.cursor) - Number(y.cursor))
        .map((e) => e.type);
      expect(ofFirst).toEqual([
        'referral.sent',
        'referral.accepted',
        'referral.started',
        'referral.paused',
        'referral.resumed',
        'referral.completed',
      ]);
    }
    // The webhook id is the event id, and a wrong secret does not verify.
    const first = receiver.at('/p1')[0];
    expect(verifyWebhook(p1.secret, first).id).toBe(first.headers['webhook-id']);
    expect(() => verifyWebhook(a.secret, first)).toThrow();
    // Nobody else: the other jobcenter and provider got nothing.
    const other = await subscribe(world.leadP2, '/p2');
    await sentReferral();
    await dispatcher.drain(undefined, worldScope(world));
    expect(receiver.at('/p2')).toHaveLength(0);
    await http.delete(world.leadP2, `/api/v1/webhook-subscriptions/${other.id}`).expect(204);
  });

  it('announces report submission and correction, and the booking of the last place', async () => {
    const a = await subscribe(world.leadA, '/reports-a', [
      'report.submitted',
      'report.corrected',
      'contract.capacity_exhausted',
    ]);
    const referral = await workedReferral(app, world);
    const submit = async (body: object) => {
      const draft = await http
        .post(world.workerP1, `/api/v1/referrals/${referral.id}/reports`, body)
        .expect(201);
      await http
        .post(
          world.workerP1,
          `/api/v1/reports/${draft.body.id}/submit`,
          {},
          {
            ifMatch: draft.headers.etag,
          },
        )
        .expect(200);
      return draft.body.id as string;
    };
    const first = await submit(reportBody());
    const correction = await submit(reportBody({ correctsId: first }));

    // A contract with one place: the send that takes it announces it is exhausted.
    const small = await createContract(app, {
      jobcenterId: world.jobcenterA,
      providerId: world.providerP2,
      capacity: 1,
      services: [ServiceKind.OutreachHomeVisits],
    });
    await sendReferral(http, world, { providerId: world.providerP2 });
    await dispatcher.drain(undefined, worldScope(world));

    const events = receiver.at('/reports-a').map((hook) => verifyWebhook(a.secret, hook));
    expect(events.map((e) => [e.type, e.subject.id]).sort()).toEqual(
      [
        ['contract.capacity_exhausted', small.id],
        ['report.corrected', correction],
        ['report.submitted', first],
      ].sort(),
    );
    expect(events.find((e) => e.type === 'report.submitted')?.referralId).toBe(referral.id);
    await http.delete(world.leadA, `/api/v1/webhook-subscriptions/${a.id}`).expect(204);
  });

  it('retries with backoff: three failures then success is one delivery with 4 attempts', async () => {
    const sub = await subscribe(world.leadP1, '/flaky', ['referral.sent']);
    receiver.script('/flaky', [500, 503, 502]);
    await sentReferral();
    let clock = Date.now();
    await dispatcher.drain(new Date(clock), worldScope(world));
    for (let i = 0; i < 3; i++) {
      clock += RETRY_DELAYS_MS[i];
      await dispatcher.drain(new Date(clock - 1000), worldScope(world)); // not due yet
      clock += 1000;
      await dispatcher.drain(new Date(clock), worldScope(world));
    }
    const hooks = receiver.at('/flaky');
    expect(hooks.map((h) => h.answered)).toEqual([500, 503, 502, 200]);
    expect(new Set(hooks.map((h) => h.headers['webhook-id'])).size).toBe(1);
    const log = await http
      .get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/deliveries`)
      .expect(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastStatusCode: 200,
      lastError: null,
      eventType: 'referral.sent',
    });
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
  });

  it('gives up after about a day, marks the subscription failing, and redelivers on request', async () => {
    const sub = await subscribe(world.leadP1, '/down', ['referral.sent']);
    receiver.script('/down', Array<number>(MAX_ATTEMPTS).fill(500));
    await sentReferral();
    let clock = Date.now();
    await dispatcher.drain(new Date(clock), worldScope(world));
    for (const delay of RETRY_DELAYS_MS) {
      clock += delay;
      await dispatcher.drain(new Date(clock), worldScope(world));
    }
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3600_000);
    expect(total).toBeLessThan(28 * 3600_000);
    expect(receiver.at('/down')).toHaveLength(MAX_ATTEMPTS);
    const log = await http
      .get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/deliveries`)
      .expect(200);
    expect(log.body.items[0]).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: null,
    });
    const failing = await http
      .get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`)
      .expect(200);
    expect(failing.body.failingSince).toEqual(expect.any(String));

    const again = await http
      .post(world.leadP1, `/api/v1/webhook-deliveries/${log.body.items[0].id}/redeliver`)
      .expect(200);
    expect(again.body.status).toBe('pending');
    await dispatcher.drain(undefined, worldScope(world));
    expect(receiver.at('/down').at(-1)?.answered).toBe(200);
    const healthy = await http
      .get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`)
      .expect(200);
    expect(healthy.body.failingSince).toBeNull();
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
  });

  it('pause holds deliveries and resume sends them; a rotated secret overlaps the old one', async () => {
    const sub = await subscribe(world.leadP1, '/paused', ['referral.sent']);
    await http.post(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/pause`).expect(200);
    await sentReferral();
    await dispatcher.drain(undefined, worldScope(world));
    expect(receiver.at('/paused')).toHaveLength(0);

    const rotated = await http
      .post(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/rotate-secret`)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(rotated.body.secretsInForce).toBe(2);
    const read = await http.get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`);
    expect(read.body).not.toHaveProperty('secret');

    const resumed = await http
      .post(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/resume`)
      .expect(200);
    expect(resumed.body.paused).toBe(false);
    await dispatcher.drain(undefined, worldScope(world));
    const [hook] = receiver.at('/paused');
    expect(hook).toBeDefined();
    expect(String(hook.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWebhook(sub.secret, hook).type).toBe('referral.sent');
    expect(verifyWebhook(rotated.body.secret, hook).type).toBe('referral.sent');
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
  });

  it('writes no event for a change that is refused or rolled back', async () => {
    const ds = app.get(DataSource);
    const count = async (referralId: string) =>
      (
        await ds.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM events WHERE referral_id = $1',
          [referralId],
        )
      )[0].n;
    const id = await sentReferral();
    expect(await count(id)).toBe(2); // referral.sent, to the jobcenter and the provider
    // 409: cannot start a requested referral; 412: a stale ETag.
    await http.act(world.workerP1, id, 'start', {}, '"1"').expect((r) => {
      expect([404, 409, 412]).toContain(r.status);
    });
    await http
      .act(world.caseworkerA, id, 'cancel', { reason: 'no_longer_needed' }, '"99"')
      .expect(412);
    expect(await count(id)).toBe(2);
    // An event enqueued in a transaction that then fails is gone with it.
    await expect(
      ds.transaction(async (manager) => {
        await app.get(Outbox).enqueue(manager, {
          type: EventType.ReferralAccepted,
          recipients: [world.jobcenterA],
          subject: { type: EventSubject.Referral, id },
          referralId: id,
        });
        expect(
          await manager.query('SELECT 1 FROM events WHERE referral_id = $1', [id]),
        ).toHaveLength(3);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await count(id)).toBe(2);
  });

  it('loses nothing when the app dies after commit: the next app delivers', async () => {
    const sub = await subscribe(world.leadP1, '/restart', ['referral.sent']);
    // A second app instance makes the change and stops before it ever dispatches.
    const first = await createTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    const referralId = await sendReferral(httpOf(first), world);
    await first.close();
    expect(receiver.at('/restart')).toHaveLength(0);
    await dispatcher.drain(undefined, worldScope(world));
    const hooks = receiver.at('/restart');
    expect(hooks).toHaveLength(1);
    expect(verifyWebhook(sub.secret, hooks[0]).referralId).toBe(referralId);
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
  });

  it('follows no redirect: a 302 to an internal address is a failed attempt', async () => {
    const sub = await subscribe(world.leadP1, '/redirect', ['referral.sent']);
    receiver.redirect('/redirect', 'http://169.254.169.254/latest/meta-data/');
    await sentReferral();
    await dispatcher.drain(undefined, worldScope(world));
    expect(receiver.at('/redirect')).toHaveLength(1);
    const log = await http
      .get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}/deliveries`)
      .expect(200);
    expect(log.body.items[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 302,
      lastError: 'redirect not followed',
    });
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
  });

  it('lets only the lead of the organisation manage its subscriptions', async () => {
    const sub = await subscribe(world.leadP1, '/own', ['referral.sent']);
    await http.get(world.leadP2, `/api/v1/webhook-subscriptions/${sub.id}`).expect(404);
    await http.post(world.leadP2, `/api/v1/webhook-subscriptions/${sub.id}/pause`).expect(404);
    await http.get(world.workerP1, '/api/v1/webhook-subscriptions').expect(403);
    const list = await http.get(world.leadP2, '/api/v1/webhook-subscriptions').expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(sub.id);
    await http.delete(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(204);
    await http.get(world.leadP1, `/api/v1/webhook-subscriptions/${sub.id}`).expect(404);
  });
});
