import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/auth/role';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { createApiKey } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

describe('reports: the main path', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('drafts, submits, and shows the jobcenter only released sections', async () => {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referral = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
    });
    const created = await http.post(world.workerP1, `/api/v1/referrals/${referral.id}/reports`, {
      kind: 'initial',
      periodFrom: '2026-11-01',
      periodUntil: '2026-11-20',
      sections: [
        {
          category: 'participation',
          text: 'Drei Hausbesuche, zwei erfolgreich.',
          fields: { contactsMade: 2 },
        },
        { category: 'debts', text: 'Schulden bei fünf Gläubigern.', fields: { creditors: 5 } },
        { category: 'health', text: 'Termin beim Hausarzt vereinbart.' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.sections.map((s: { category: string }) => s.category)).toEqual([
      'participation',
      'debts',
      'health',
    ]);
    // Drafts do not exist for the jobcenter.
    await http.get(world.caseworkerA, `/api/v1/reports/${created.body.id}`).expect(404);
    const submitted = await http
      .post(world.workerP1, `/api/v1/reports/${created.body.id}/submit`, undefined, {
        ifMatch: created.headers.etag,
      })
      .expect(200);
    expect(submitted.body.status).toBe('submitted');
    const none = await http
      .get(world.caseworkerA, `/api/v1/reports/${created.body.id}`)
      .expect(200);
    expect(none.body.sections).toEqual([]);
    expect(none.body.nothingReleased).toBe(true);
    const db = app.get(DataSource);
    const [template] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_templates (organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
       VALUES ($1, 'smoke', 1, 'T', 'Text', '{participation,debts,health}', $2, $2, now()) RETURNING id`,
      [world.providerP1, world.workerP1.userId],
    );
    const [record] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_records (client_id, releasing_organisation_id, referral_id, template_id, valid_from, evidence_form, given_on, recorded_by)
       VALUES ($1, $2, $3, $4, now() - interval '1 hour', 'written', current_date, $5) RETURNING id`,
      [client.id, world.providerP1, referral.id, template.id, world.workerP1.userId],
    );
    await db.query(
      `INSERT INTO consent_grants (consent_id, category, recipient_organisation_id) VALUES ($1, 'debts', $2)`,
      [record.id, world.jobcenterA],
    );
    const some = await http
      .get(world.caseworkerA, `/api/v1/reports/${created.body.id}`)
      .expect(200);
    expect(some.body.sections).toEqual([
      {
        id: expect.any(String),
        category: 'debts',
        text: 'Schulden bei fünf Gläubigern.',
        fields: { creditors: 5 },
      },
    ]);
    expect(some.body.nothingReleased).toBe(false);
    expect(JSON.stringify(some.body)).not.toMatch(/participation|health|Hausbesuche|Hausarzt/);
    const list = await http
      .get(world.caseworkerA, `/api/v1/referrals/${referral.id}/reports`)
      .expect(200);
    expect(list.body.items[0].sections).toHaveLength(1);
    const preview = await http
      .get(world.leadP1, `/api/v1/reports/${created.body.id}/preview?recipient=${world.jobcenterA}`)
      .expect(200);
    expect(preview.body.sections.map((s: { category: string }) => s.category)).toEqual(['debts']);
    const events = await db.query<{ categories: string[] }[]>(
      "SELECT categories FROM audit_events WHERE action = 'content.disclose' AND request_id = ANY($1)",
      [[none.headers['x-request-id'], some.headers['x-request-id'], list.headers['x-request-id']]],
    );
    expect(events.map((e) => e.categories)).toEqual([['debts'], ['debts']]);
  });

  it('makes provider systems send an Idempotency-Key and replays the first answer', async () => {
    const referral = await referralInState(app, world, ReferralState.InProgress);
    const key = await createApiKey(app, {
      organisationId: world.providerP1,
      scopes: [ApiKeyScope.ReportsWrite],
      admin: world.admin,
    });
    const body = {
      kind: 'interim',
      periodFrom: '2026-11-01',
      periodUntil: '2026-11-15',
      sections: [],
    };
    const post = (idempotencyKey?: string, payload: object = body) => {
      return http.post(key, `/api/v1/referrals/${referral.id}/reports`, payload, {
        headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
      });
    };
    expectProblem(await post(), 400, 'idempotency-key-missing');
    const first = await post('k-1');
    expect(first.status).toBe(201);
    const again = await post('k-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expectProblem(await post('k-1', { ...body, kind: 'final' }), 422, 'idempotency-key-reused');
    const [{ n }] = await app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM reports WHERE referral_id = $1', [
        referral.id,
      ]);
    expect(n).toBe(1);
  });
});
