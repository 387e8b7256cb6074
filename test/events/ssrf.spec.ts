import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { WebhookSubscription } from '../../src/events/webhook-subscription.entity';
import { DataSource } from 'typeorm';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { sendReferral, worldScope } from '../support/events';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('webhook SSRF protection without an allowlist (ADR 0019)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    app = await createTestApp(); // WEBHOOK_ALLOWED_HOSTS unset
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
    await receiver.stop();
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['a name resolving to loopback', 'https://localhost/hook'],
    ['10/8', 'https://10.1.2.3/hook'],
    ['192.168/16', 'https://192.168.0.10/hook'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['plain http', 'http://hooks.example.org/hook'],
  ])('refuses %s (%s)', async (_, url) => {
    const res = await http.post(world.leadP1, '/api/v1/webhook-subscriptions', {
      url,
      eventTypes: ['referral.sent'],
    });
    expectProblem(res, 400, 'validation-error');
    expect(JSON.stringify(res.body)).toMatch(/url/);
  });

  it('does not deliver to an internal address that got into a subscription, nor follow redirects', async () => {
    // A row as an older configuration (or an allowlist since removed) may have left it.
    const ds = app.get(DataSource);
    const row = await ds.getRepository(WebhookSubscription).save({
      organisationId: world.providerP1,
      url: receiver.url('/internal'),
      eventTypes: ['referral.sent'] as WebhookSubscription['eventTypes'],
      secrets: [
        { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: '', expiresAt: null },
      ],
      paused: false,
      failingSince: null,
      createdBy: null,
    });
    await sendReferral(http, world);
    await app.get(EventDispatcher).drain(undefined, worldScope(world));
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await ds.query<{ attempts: number; last_error: string }[]>(
      'SELECT attempts, last_error FROM webhook_deliveries WHERE subscription_id = $1',
      [row.id],
    );
    expect(delivery.attempts).toBe(1);
    expect(delivery.last_error).toMatch(/https|internal/);
    await ds.getRepository(WebhookSubscription).delete({ id: row.id });
  });
});
