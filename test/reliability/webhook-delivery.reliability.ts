import { setTimeout as sleep } from 'node:timers/promises';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { httpOf } from '../support/http';
import { createTestApp } from '../support/test-app';
import { sendReferral, verifyWebhook } from '../support/events';
import { WebhookReceiver } from '../support/webhook-receiver';
import { AppProcess } from './support/app-process';

/*
 * R8 (docs/security.md, "Reliability"; ADR 0019): kill -9 of the app process after a
 * change committed and before its event was delivered. The event is in the outbox with the
 * change; the next process delivers it, signed, exactly once to the receiver.
 */
describe('R8: kill -9 between commit and webhook delivery', () => {
  let world: ReferralWorld;
  let receiver: WebhookReceiver;
  let secret: string;
  const apps: AppProcess[] = [];
  const ALLOW = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' };

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    const seeder = await createTestApp({ env: ALLOW });
    try {
      world = await buildReferralWorld(seeder);
      const sub = await httpOf(seeder)
        .post(world.leadP1, '/api/v1/webhook-subscriptions', {
          url: receiver.url('/r7'),
          eventTypes: ['referral.sent'],
        })
        .expect(201);
      secret = sub.body.secret as string;
    } finally {
      await seeder.close();
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.stop().catch(() => undefined);
    await receiver.stop();
  });

  it('delivers the committed event from the next process', async () => {
    // The first process never reaches its first dispatch (an hour away).
    const first = await AppProcess.start({ ...ALLOW, EVENTS_DISPATCH_INTERVAL_MS: '3600000' });
    apps.push(first);
    const referralId = await sendReferral(httpOf(first.baseUrl), world);
    await first.kill9();
    expect(receiver.at('/r7')).toHaveLength(0);

    const second = await AppProcess.start({ ...ALLOW, EVENTS_DISPATCH_INTERVAL_MS: '200' });
    apps.push(second);
    const deadline = Date.now() + 30000;
    while (receiver.at('/r7').length === 0 && Date.now() < deadline) await sleep(100);
    await sleep(1000); // and nothing more arrives
    const hooks = receiver.at('/r7');
    expect(hooks).toHaveLength(1);
    expect(verifyWebhook(secret, hooks[0])).toMatchObject({ type: 'referral.sent', referralId });
  });
});
