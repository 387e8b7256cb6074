import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataCategory } from '../../src/confidentiality/data-category';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { login, ME } from '../auth/helpers';
import { MetricsServer } from '../../src/metrics/metrics-server';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/** One sample's value from Prometheus' text format, or undefined if the series is absent. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics (METRICS_PORT)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let url: string;
  const scrape = async (): Promise<string> => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    app = await createTestApp({ env: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' } });
    http = httpOf(app);
    world = await buildReferralWorld(app);
    url = app.get(MetricsServer).url!;
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves /metrics on a port of its own, not on the API port', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await http.get('anonymous', '/metrics')).status).toBe(404);
    expect((await http.get('anonymous', '/api/v1/metrics')).status).toBe(404);
    expect((await fetch(url.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('counts requests by route template and status, with their latency', async () => {
    const before = await scrape();
    const route = '/api/v1/referrals/:id';
    const count = (text: string, status: string) =>
      sample(text, 'lotse_http_requests_total', { method: 'GET', route, status }) ?? 0;
    const { referral } = await openCase(app, world);
    const ok = await http.get(world.caseworkerA, `/api/v1/referrals/${referral.id}`);
    expect(ok.status).toBe(200);
    const foreign = await http.get(world.caseworkerB, `/api/v1/referrals/${referral.id}`);
    expect(foreign.status).toBe(404);
    expect((await http.get('anonymous', ME)).status).toBe(401);

    const after = await scrape();
    expect(count(after, '200') - count(before, '200')).toBe(1);
    expect(count(after, '404') - count(before, '404')).toBe(1);
    // One series per template: the id never becomes a label value.
    expect(after).not.toContain(referral.id);
    expect(
      sample(after, 'lotse_http_request_duration_seconds_count', { method: 'GET', route }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sample(after, 'lotse_http_requests_total', { route: '/api/v1/me', status: '401' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts failed logins by reason and disclosures by category', async () => {
    const { clientId, referral } = await openCase(app, world, undefined, {
      firstContactAt: new Date(),
    });
    const template = await createApprovedTemplate(app, world.providerP1, [
      DataCategory.Participation,
    ]);
    await recordConsent(app, world.workerP1.actor, clientId, {
      referralId: referral.id,
      templateId: template.id,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    const before = await scrape();
    expect((await login(http, world.caseworkerA.email, 'not the password at all')).status).toBe(
      401,
    );
    expect((await login(http, 'nobody@test.lotse.invalid', 'not the password at all')).status).toBe(
      401,
    );
    const read = await http.get(world.caseworkerA, `/api/v1/referrals/${referral.id}`);
    expect(read.status).toBe(200);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(delta('lotse_login_failures_total', { reason: 'wrong_password' })).toBe(1);
    expect(delta('lotse_login_failures_total', { reason: 'unknown_account' })).toBe(1);
    expect(delta('lotse_disclosure_events_total', { category: 'participation' })).toBe(1);
    expect(delta('lotse_audit_events_total', { action: 'auth.login', outcome: 'failure' })).toBe(2);
  });

  it('reports the database pool and the audit sealer', async () => {
    const text = await scrape();
    expect(sample(text, 'lotse_db_pool_max')).toBe(Number(process.env.DB_POOL_MAX ?? 10));
    expect(sample(text, 'lotse_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lotse_db_pool_connections', { state: 'active' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(sample(text, 'lotse_db_pool_waiting')).toBe(0);
    expect(sample(text, 'lotse_db_pool_acquire_seconds_count')).toBeGreaterThan(0);
    expect(sample(text, 'lotse_audit_sealing_queue')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lotse_audit_sealing_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'lotse_events_undispatched')).toBeGreaterThanOrEqual(0);
    for (const status of ['pending', 'delivered', 'failed']) {
      expect(sample(text, 'lotse_webhook_deliveries', { status })).toBeGreaterThanOrEqual(0);
    }
    // Process metrics come along where the endpoint is served.
    expect(sample(text, 'lotse_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
