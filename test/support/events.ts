import { Webhook } from 'standardwebhooks';
import type { ReferralWorld } from '../factories/referrals';
import type { HttpActor, TestHttp } from './http';
import type { ReceivedWebhook } from './webhook-receiver';

/** An event as the feed and the webhooks carry it. */
export interface FeedEvent {
  id: string;
  cursor: string;
  type: string;
  organisationId: string;
  subject: { type: string; id: string };
  referralId: string | null;
  instruction: string;
  occurredAt: string;
}

/** A drain scope of the world's organisations (test files share one database). */
export function worldScope(world: ReferralWorld): { organisationIds: string[] } {
  return {
    organisationIds: [world.jobcenterA, world.jobcenterB, world.providerP1, world.providerP2],
  };
}

/** A referral of the world's client from A to P1, created and sent over HTTP: its id. */
export async function sendReferral(
  http: TestHttp,
  world: ReferralWorld,
  body: Record<string, unknown> = {},
): Promise<string> {
  const created = await http
    .post(world.caseworkerA, '/api/v1/referrals', {
      clientId: world.client.id,
      providerId: world.providerP1,
      reasonCategory: 'lost_contact',
      requestedServices: ['outreach_home_visits'],
      ...body,
    })
    .expect(201);
  await http.advance(world.caseworkerA, created.body.id, 'send');
  return created.body.id as string;
}

/** Every event of the actor's feed, page by page. */
export async function readFeed(http: TestHttp, actor: HttpActor): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  let after = '0';
  for (;;) {
    const res = await http.get(actor, '/api/v1/events', { query: { after } }).expect(200);
    if (res.body.items.length === 0) return events;
    events.push(...(res.body.items as FeedEvent[]));
    after = res.body.cursor as string;
  }
}

/** Verifies a received webhook with the Standard Webhooks library, as a receiver would. */
export function verifyWebhook(secret: string, hook: ReceivedWebhook): FeedEvent {
  return new Webhook(secret).verify(hook.body, {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  }) as FeedEvent;
}
