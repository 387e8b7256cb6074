import { Controller, Get, HttpCode, StreamableFile } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Public } from '../../src/auth/public.decorator';
import { EVERYTHING } from '../../src/confidentiality/content-category';
import { DataCategory } from '../../src/confidentiality/data-category';
import { Disclosed, Discloses } from '../../src/confidentiality/disclosed';
import { sealed } from '../../src/confidentiality/disclosure';
import { ActivityDto } from '../../src/referrals/dto/activity.dto';
import { ReferralState } from '../../src/common/referral-states';
import { ResourceNotFound } from '../../src/common/problem/domain-error';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/** Test-only routes that get the disclosure step wrong, to see it fail closed. */
@Public()
@Controller('probe/disclosure')
class MisbehavingController {
  @Get('undeclared')
  undeclared(): Disclosed<object> {
    return new Disclosed({ id: 'x', note: 'secret' }, EVERYTHING);
  }

  @Get('raw')
  // @ts-expect-error -- the compiler refuses this route; at run time it must fail closed too
  @Discloses(ActivityDto)
  raw(): object {
    return { referralId: 'r', note: 'secret', reached: true };
  }

  @Get('stray')
  stray(): object {
    return { reason: sealed(DataCategory.Health, 'hospital_stay') };
  }

  @Get('text')
  // @ts-expect-error -- the compiler refuses this route; a text answer skips serialization
  @Discloses(ActivityDto)
  text(): string {
    return 'secret note of the case';
  }

  @Get('file')
  // @ts-expect-error -- the compiler refuses this route; a file skips serialization, and its name is content
  @Discloses(ActivityDto)
  file(): StreamableFile {
    return new StreamableFile(Buffer.from('secret note of the case'), {
      type: 'text/plain',
      disposition: 'attachment; filename="secret-hospital_stay.txt"',
    });
  }

  @Get('teapot')
  @HttpCode(418)
  // @ts-expect-error -- the compiler refuses this route; an error status does not make it a problem
  @Discloses(ActivityDto)
  teapot(): object {
    return { referralId: 'r', note: 'secret', reached: true };
  }

  @Get('exploding')
  @Discloses(ActivityDto)
  exploding(): Disclosed<ActivityDto> {
    const body = {
      referralId: 'r',
      get note(): string {
        throw new Error('secret note that fails to read');
      },
    };
    return new Disclosed(body, EVERYTHING);
  }

  @Get('missing')
  @Discloses(ActivityDto)
  missing(): Disclosed<ActivityDto> {
    throw new ResourceNotFound('activity');
  }
}

const NOTE = `Notiz-${randomUUID()}`;

describe('the jobcenter reads provider content exactly as released', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let db: DataSource;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({ extra: { controllers: [MisbehavingController] } });
    http = httpOf(app);
    world = await buildReferralWorld(app);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A referral worked by P1 for a fresh client of A: two activities, paused for a hospital stay, ended. */
  async function workedCase() {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referral = await referralInState(app, world, ReferralState.Ended, {
      clientId: client.id,
      firstContactAt: new Date('2026-11-02T10:00:00Z'),
    });
    for (const reached of [false, true]) {
      await db.query(
        `INSERT INTO activities (referral_id, author_organisation_id, kind, occurred_at, reached, note, recorded_by_kind, recorded_by_id)
         VALUES ($1, $2, 'home_visit', now() - interval '1 day', $3, $4, 'user', $5)`,
        [referral.id, world.providerP1, reached, NOTE, world.workerP1.userId],
      );
    }
    for (const [action, from, to, reason, category] of [
      ['pause', 'in_progress', 'on_hold', 'hospital_stay', 'health'],
      ['end', 'on_hold', 'ended', 'client_declined', 'participation'],
    ]) {
      await db.query(
        `INSERT INTO referral_transitions (referral_id, action, from_state, to_state, reason, reason_category, actor_kind, actor_id, actor_organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'user', $7, $8)`,
        [referral.id, action, from, to, reason, category, world.workerP1.userId, world.providerP1],
      );
    }
    return { client, referral };
  }

  /** A consent of the client, released by `releasing` with the grants to `recipient`. */
  async function consent(
    clientId: string,
    referralId: string,
    categories: DataCategory[],
    options: { releasing?: string; recipient?: string } = {},
  ): Promise<string[]> {
    const releasing = options.releasing ?? world.providerP1;
    const [template] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_templates (organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
       VALUES ($1, $2, 1, 'Schweigepflichtentbindung', 'Text', $3::data_category[], $4, $4, now()) RETURNING id`,
      [releasing, `t-${randomUUID()}`, Object.values(DataCategory), world.auditorA.userId],
    );
    const [record] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_records (client_id, releasing_organisation_id, referral_id, template_id, valid_from, evidence_form, given_on, recorded_by)
       VALUES ($1, $2, $3, $4, now() - interval '1 hour', 'written', current_date, $5) RETURNING id`,
      [clientId, releasing, referralId, template.id, world.workerP1.userId],
    );
    const grants: string[] = [];
    for (const category of categories) {
      const [grant] = await db.query<{ id: string }[]>(
        `INSERT INTO consent_grants (consent_id, category, recipient_organisation_id) VALUES ($1, $2, $3) RETURNING id`,
        [record.id, category, options.recipient ?? world.jobcenterA],
      );
      grants.push(grant.id);
    }
    return grants;
  }

  async function readAll(referralId: string) {
    const auth = world.caseworkerA.authHeader;
    const [detail, history, activities] = await Promise.all([
      http.get(auth, `/api/v1/referrals/${referralId}`).expect(200),
      http.get(auth, `/api/v1/referrals/${referralId}/history`).expect(200),
      http.get(auth, `/api/v1/referrals/${referralId}/activities`).expect(200),
    ]);
    return { detail, history, activities };
  }

  async function disclosures(requestId: string): Promise<string[][]> {
    const rows = await db.query<{ categories: string[] }[]>(
      "SELECT categories FROM audit_events WHERE action = 'content.disclose' AND request_id = $1",
      [requestId],
    );
    return rows.map((r) => r.categories);
  }

  const reasons = (body: { items: { action: string; reason: string | null }[] }) =>
    Object.fromEntries(
      body.items.filter((r) => r.reason !== undefined).map((r) => [r.action, r.reason]),
    );

  it('without a release: nothing of the provider’s, said explicitly, and nothing audited', async () => {
    const { referral } = await workedCase();
    const { detail, history, activities } = await readAll(referral.id);
    expect(activities.body).toEqual({ items: [], nextCursor: null, nothingReleased: true });
    expect(detail.body).not.toHaveProperty('firstContactAt');
    expect(reasons(history.body)).toMatchObject({ pause: null, end: null });
    const all = JSON.stringify([detail.body, history.body, activities.body]);
    for (const secret of [NOTE, 'client_declined', 'hospital_stay', world.workerP1.userId]) {
      expect(all).not.toContain(secret);
    }
    for (const res of [detail, history, activities]) {
      expect(await disclosures(res.headers['x-request-id'])).toEqual([]);
    }
  });

  it('with participation released: activities, attendance, the end reason and the first contact, each read audited', async () => {
    const { client, referral } = await workedCase();
    await consent(client.id, referral.id, [DataCategory.Participation]);
    const { detail, history, activities } = await readAll(referral.id);
    expect(activities.body.nothingReleased).toBe(false);
    expect(activities.body.items).toHaveLength(2);
    for (const item of activities.body.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'createdAt',
          'durationMinutes',
          'id',
          'kind',
          'occurredAt',
          'reached',
          'referralId',
        ].sort(),
      );
    }
    expect(detail.body.firstContactAt).toBe('2026-11-02T10:00:00.000Z');
    // The hospital stay is health data: participation alone does not release it.
    expect(reasons(history.body)).toMatchObject({ end: 'client_declined', pause: null });
    const all = JSON.stringify([detail.body, history.body, activities.body]);
    expect(all).not.toContain(NOTE);
    expect(all).not.toContain(world.workerP1.userId);
    for (const res of [detail, history, activities]) {
      expect(await disclosures(res.headers['x-request-id'])).toEqual([['participation']]);
    }
  });

  it('releases health separately: the hospital stay only with health', async () => {
    const { client, referral } = await workedCase();
    await consent(client.id, referral.id, [DataCategory.Health]);
    const { history, activities } = await readAll(referral.id);
    expect(reasons(history.body)).toMatchObject({ pause: 'hospital_stay', end: null });
    expect(activities.body.nothingReleased).toBe(true);
    expect(await disclosures(history.headers['x-request-id'])).toEqual([['health']]);
  });

  it('stops on the very next request after a revocation', async () => {
    const { client, referral } = await workedCase();
    const [grant] = await consent(client.id, referral.id, [DataCategory.Participation]);
    expect((await readAll(referral.id)).activities.body.items).toHaveLength(2);
    await db.query('UPDATE consent_grants SET revoked_at = now() WHERE id = $1', [grant]);
    const after = await readAll(referral.id);
    expect(after.activities.body).toEqual({ items: [], nextCursor: null, nothingReleased: true });
    expect(reasons(after.history.body)).toMatchObject({ end: null });
    expect(after.detail.body).not.toHaveProperty('firstContactAt');
  });

  it('a release by another provider, or to another jobcenter, releases nothing here', async () => {
    const { client, referral } = await workedCase();
    await consent(client.id, referral.id, [DataCategory.Participation], {
      releasing: world.providerP2,
    });
    await consent(client.id, referral.id, [DataCategory.Participation], {
      recipient: world.jobcenterB,
    });
    const { activities, history } = await readAll(referral.id);
    expect(activities.body.nothingReleased).toBe(true);
    expect(reasons(history.body)).toMatchObject({ end: null });
  });

  it('the provider, who wrote it all, reads it all, without a disclosure event', async () => {
    const { referral } = await workedCase();
    const res = await http
      .get(world.leadP1, `/api/v1/referrals/${referral.id}/activities`)
      .expect(200);
    expect(res.body.items.map((a: { note: string }) => a.note)).toEqual([NOTE, NOTE]);
    expect(await disclosures(res.headers['x-request-id'])).toEqual([]);
  });

  it.each([
    ['a Disclosed body on a route that declares no type', 'undeclared'],
    ['a raw body on a route that declares disclosure', 'raw'],
    ['a sealed value on an ordinary route', 'stray'],
    ['a text answer on a route that declares disclosure', 'text'],
  ])('fails closed on %s', async (_, path) => {
    const res = await http.get('anonymous', `/api/v1/probe/disclosure/${path}`).expect(200);
    expect(res.text).not.toMatch(/secret|hospital_stay|reached/);
  });

  it('fails closed on a file on a route that declares disclosure, its name included', async () => {
    for (const method of ['get', 'head'] as const) {
      const res = await http.send('anonymous', method, '/api/v1/probe/disclosure/file').expect(200);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(JSON.stringify(res.headers)).not.toMatch(/secret|hospital_stay/);
      if (method === 'get') expect(res.text).toBe('{}');
    }
  });

  it('fails closed on a raw body with an error status on a route that declares disclosure', async () => {
    const res = await http.get('anonymous', '/api/v1/probe/disclosure/teapot').expect(418);
    expect(res.text).not.toMatch(/secret|reached/);
  });

  it('answers a disclosure step that fails with a plain 500 problem', async () => {
    const res = await http.get('anonymous', '/api/v1/probe/disclosure/exploding').expect(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.text).not.toMatch(/secret|referralId/);
  });

  it('answers an error on a route that declares disclosure with its problem, untouched', async () => {
    const res = await http.get('anonymous', '/api/v1/probe/disclosure/missing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:lotse:problem:not-found', status: 404 });
  });
});
