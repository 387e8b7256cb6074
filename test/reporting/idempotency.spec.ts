import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/auth/role';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReportKind } from '../../src/reporting/report.entity';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { createApiKey, type TestApiKey } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { reportBody, workedReferral } from '../factories/reports';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/*
 * Idempotent report submission by provider systems (docs/security.md item 38, R6; the IETF
 * Idempotency-Key draft): a retry gets the first answer and creates nothing; another body with
 * the same key is 422; while the first runs, 409 or its replay; keys belong to one provider.
 */

const newKey = () => `key-${randomUUID()}`;

describe('POST /referrals/{id}/reports with an Idempotency-Key', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let world: ReferralWorld;
  let keyP1: TestApiKey;
  let keyP2: TestApiKey;
  let baseUrl: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
    [keyP1, keyP2] = await Promise.all(
      [world.providerP1, world.providerP2].map((organisationId) =>
        createApiKey(app, {
          organisationId,
          scopes: [ApiKeyScope.ReportsWrite],
          admin: world.admin,
        }),
      ),
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  function post(
    referralId: string,
    auth: { Authorization: string },
    idempotencyKey: string | undefined,
    body: object = reportBody(),
  ) {
    return http.post(auth, `/api/v1/referrals/${referralId}/reports`, body, {
      headers: idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey },
    });
  }

  async function reportCount(referralId: string): Promise<number> {
    const [{ n }] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM reports WHERE referral_id = $1',
      [referralId],
    );
    return n;
  }

  /** A referral of B's client at P2, worked by P2's worker: P2's own case. */
  async function referralOfP2(): Promise<string> {
    const client = await createClient(app, { jobcenterId: world.jobcenterB });
    const [contract] = await db.query<{ id: string }[]>(
      'SELECT id FROM contracts WHERE jobcenter_id = $1 AND provider_id = $2',
      [world.jobcenterB, world.providerP2],
    );
    const referral = await referralInState(app, world, ReferralState.InProgress, {
      jobcenterId: world.jobcenterB,
      providerId: world.providerP2,
      clientId: client.id,
      caseManagerId: world.caseworkerB.userId,
      assignedWorkerId: world.workerP2.userId,
      contractId: contract.id,
    });
    return referral.id;
  }

  it('replays a sequential retry: same status, body, Location and ETag, and one report', async () => {
    const referral = await workedReferral(app, world);
    const key = newKey();
    const first = await post(referral.id, keyP1.authHeader, key);
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/reports/${first.body.id}`);
    expect(first.headers.etag).toBe('"1"');
    // The same body with its members in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(reportBody()).reverse());
    for (const body of [reportBody(), reordered, reportBody()]) {
      const again = await post(referral.id, keyP1.authHeader, key, body);
      expect(again.status).toBe(201);
      // Byte for byte the first answer, its members in the same order (ADR 0006).
      expect(again.text).toBe(first.text);
      expect(again.body).toEqual(first.body);
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
    expect(await reportCount(referral.id)).toBe(1);
    const [stored] = await db.query<{ state: string; response_status: number }[]>(
      'SELECT state, response_status FROM idempotency_keys WHERE organisation_id = $1 AND key = $2',
      [world.providerP1, key],
    );
    expect(stored).toEqual({ state: 'done', response_status: 201 });
  });

  it('refuses the key for another request: 422, and nothing created', async () => {
    const referral = await workedReferral(app, world);
    const other = await workedReferral(app, world);
    const key = newKey();
    expect((await post(referral.id, keyP1.authHeader, key)).status).toBe(201);
    expectProblem(
      await post(referral.id, keyP1.authHeader, key, reportBody({ kind: ReportKind.Final })),
      422,
      'idempotency-key-reused',
    );
    expectProblem(
      await post(
        referral.id,
        keyP1.authHeader,
        key,
        reportBody({ sections: [{ category: DataCategory.Debts, text: 'Andere Schulden.' }] }),
      ),
      422,
      'idempotency-key-reused',
    );
    // The same body on another referral is another request.
    expectProblem(await post(other.id, keyP1.authHeader, key), 422, 'idempotency-key-reused');
    expect(await reportCount(referral.id)).toBe(1);
    expect(await reportCount(other.id)).toBe(0);
  });

  it('runs 10 concurrent requests with one key once: the others are 409 or the replay', async () => {
    const referral = await workedReferral(app, world);
    const key = newKey();
    const body = JSON.stringify(reportBody());
    const responses = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const res = await fetch(`${baseUrl}/api/v1/referrals/${referral.id}/reports`, {
          method: 'POST',
          headers: {
            ...keyP1.authHeader,
            'Content-Type': 'application/json',
            'Idempotency-Key': key,
          },
          body,
        });
        return {
          status: res.status,
          contentType: res.headers.get('content-type'),
          retryAfter: res.headers.get('retry-after'),
          location: res.headers.get('location'),
          body: (await res.json()) as { id?: string; type?: string },
        };
      }),
    );
    expect(await reportCount(referral.id)).toBe(1);
    const created = responses.filter((r) => r.status === 201);
    const inFlight = responses.filter((r) => r.status !== 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of created) {
      expect(r.body).toEqual(created[0].body);
      expect(r.location).toBe(`/api/v1/reports/${created[0].body.id}`);
    }
    for (const r of inFlight) {
      expect(r).toMatchObject({
        status: 409,
        retryAfter: '1',
        body: { type: 'urn:lotse:problem:idempotency-key-in-flight' },
      });
      expect(r.contentType).toMatch(/^application\/problem\+json/);
    }
    // Once the first is done, a retry gets its answer.
    const retry = await post(referral.id, keyP1.authHeader, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(created[0].body);
    expect(await reportCount(referral.id)).toBe(1);
  });

  it('keeps keys per provider: P2 using the same key string on its own case is independent', async () => {
    const referralP1 = await workedReferral(app, world);
    const referralP2 = await referralOfP2();
    const key = newKey();
    const p1 = await post(referralP1.id, keyP1.authHeader, key);
    expect(p1.status).toBe(201);
    // Another body, even: P2's key has nothing to do with P1's.
    const p2 = await post(
      referralP2,
      keyP2.authHeader,
      key,
      reportBody({ kind: ReportKind.Initial }),
    );
    expect(p2.status).toBe(201);
    expect(p2.body.id).not.toBe(p1.body.id);
    expect(p2.body).toMatchObject({ referralId: referralP2, kind: 'initial' });
    expect(await reportCount(referralP1.id)).toBe(1);
    expect(await reportCount(referralP2)).toBe(1);
    // Each provider's retry still gets its own first answer.
    expect((await post(referralP1.id, keyP1.authHeader, key)).body).toEqual(p1.body);
    const p2Again = await post(
      referralP2,
      keyP2.authHeader,
      key,
      reportBody({ kind: ReportKind.Initial }),
    );
    expect(p2Again.body).toEqual(p2.body);
    // P2 cannot reach P1's case with it either.
    expectProblem(await post(referralP1.id, keyP2.authHeader, newKey()), 404, 'not-found');
  });

  it('replays only to callers who see the referral now, though keys are per provider', async () => {
    const referral = await workedReferral(app, world);
    const key = newKey();
    const first = await post(referral.id, world.workerP1.authHeader, key);
    expect(first.status).toBe(201);
    // A worker of P1 to whom the case is not assigned: as for any other request, 404.
    const other = await post(referral.id, world.otherWorkerP1.authHeader, key);
    expectProblem(other, 404, 'not-found');
    expect(JSON.stringify(other.body)).not.toContain(first.body.id);
    // P1's lead and P1's system see the case: the key is P1's, so they get the first answer.
    for (const auth of [world.leadP1.authHeader, keyP1.authHeader]) {
      expect((await post(referral.id, auth, key)).body).toEqual(first.body);
    }
    expect(await reportCount(referral.id)).toBe(1);
  });

  it('makes provider systems send a valid key (400), and creates nothing without one', async () => {
    const referral = await workedReferral(app, world);
    expectProblem(
      await post(referral.id, keyP1.authHeader, undefined),
      400,
      'idempotency-key-missing',
    );
    for (const invalid of ['k'.repeat(256), 'schlüssel', 'zwei teile', '""']) {
      expectProblem(
        await post(referral.id, keyP1.authHeader, invalid),
        400,
        'idempotency-key-invalid',
      );
    }
    expect(await reportCount(referral.id)).toBe(0);
    // The longest key is fine, and a quoted key (an sf-string) is the same key unquoted.
    expect((await post(referral.id, keyP1.authHeader, 'k'.repeat(255))).status).toBe(201);
    const key = newKey();
    const quoted = await post(referral.id, keyP1.authHeader, `"${key}"`);
    expect(quoted.status).toBe(201);
    expect((await post(referral.id, keyP1.authHeader, key)).body).toEqual(quoted.body);
    expect(await reportCount(referral.id)).toBe(2);
  });

  it('lets a person omit the key (each request a report), or send one (replayed)', async () => {
    const referral = await workedReferral(app, world);
    expect((await post(referral.id, world.workerP1.authHeader, undefined)).status).toBe(201);
    expect((await post(referral.id, world.workerP1.authHeader, undefined)).status).toBe(201);
    expect(await reportCount(referral.id)).toBe(2);
    const key = newKey();
    const first = await post(referral.id, world.workerP1.authHeader, key);
    expect(first.status).toBe(201);
    expect((await post(referral.id, world.workerP1.authHeader, key)).body).toEqual(first.body);
    expect(await reportCount(referral.id)).toBe(3);
  });

  it('releases the key of a failed request, so that a corrected retry with it works', async () => {
    const referral = await workedReferral(app, world);
    const key = newKey();
    // A wrong referral: 404, and the key is free again.
    expectProblem(await post(randomUUID(), keyP1.authHeader, key), 404, 'not-found');
    const stored = () =>
      db.query<unknown[]>(
        'SELECT 1 FROM idempotency_keys WHERE organisation_id = $1 AND key = $2',
        [world.providerP1, key],
      );
    expect(await stored()).toEqual([]);
    expect((await post(referral.id, keyP1.authHeader, key)).status).toBe(201);

    // A report of a kind the closed referral no longer takes: 409, then the final one.
    const closed = await workedReferral(app, world, ReferralState.Completed);
    const key2 = newKey();
    expectProblem(
      await post(closed.id, keyP1.authHeader, key2, reportBody({ kind: ReportKind.Interim })),
      409,
      'report-not-allowed-now',
    );
    const corrected = await post(
      closed.id,
      keyP1.authHeader,
      key2,
      reportBody({ kind: ReportKind.Final }),
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body.kind).toBe('final');
    expect(await reportCount(closed.id)).toBe(1);
  });

  it('takes over a key whose request was abandoned more than 60 s ago, not a younger one', async () => {
    const referral = await workedReferral(app, world);
    // The fingerprint of this very request, as the service computed it for an earlier key.
    const earlier = newKey();
    const done = await post(referral.id, keyP1.authHeader, earlier);
    expect(done.status).toBe(201);
    const [{ fingerprint }] = await db.query<{ fingerprint: string }[]>(
      'SELECT fingerprint FROM idempotency_keys WHERE organisation_id = $1 AND key = $2',
      [world.providerP1, earlier],
    );
    // Two requests that claimed their keys and died before committing anything.
    const [abandoned, young] = [newKey(), newKey()];
    for (const [key, age] of [
      [abandoned, 61],
      [young, 30],
    ] as const) {
      await db.query(
        `INSERT INTO idempotency_keys (organisation_id, key, fingerprint, state, created_at)
         VALUES ($1, $2, $3, 'in_flight', now() - make_interval(secs => $4))`,
        [world.providerP1, key, fingerprint, age],
      );
    }
    expectProblem(
      await post(referral.id, keyP1.authHeader, young),
      409,
      'idempotency-key-in-flight',
    );
    expect(await reportCount(referral.id)).toBe(1);
    const takenOver = await post(referral.id, keyP1.authHeader, abandoned);
    expect(takenOver.status).toBe(201);
    expect(takenOver.body.id).not.toBe(done.body.id);
    expect(await reportCount(referral.id)).toBe(2);
    expect((await post(referral.id, keyP1.authHeader, abandoned)).body).toEqual(takenOver.body);
    expect(await reportCount(referral.id)).toBe(2);
  });
});
