import { randomUUID } from 'node:crypto';
import { Client as Pg } from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyScope } from '../../src/auth/role';
import { ReportKind } from '../../src/reporting/report.entity';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { createApiKey, type TestApiKey } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { reportBody, workedReferral } from '../factories/reports';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, type Answer } from './support/http';

/*
 * R6 (docs/security.md §5, item 38): provider systems submit reports with an Idempotency-Key to the
 * app process on real PostgreSQL. A sequential retry is replayed (same status and body, one
 * row); the key with another body is 422; 10 concurrent requests with one key execute once
 * (the others 409 or the replay); provider B using A's key string is independent of A.
 * test/reporting/idempotency.spec.ts covers the rest of the matrix in process.
 */

const CONCURRENT = 10;
const newKey = () => `rel-${randomUUID()}`;

describe('R6: idempotent report submission', () => {
  let app: AppProcess;
  let db: Pg;
  let world: ReferralWorld;
  let keyP1: TestApiKey;
  let keyP2: TestApiKey;
  let referrals: {
    sequential: string;
    mismatch: string;
    concurrent: string;
    p1: string;
    p2: string;
  };

  beforeAll(async () => {
    const seeder = await createTestApp();
    try {
      world = await buildReferralWorld(seeder);
      [keyP1, keyP2] = await Promise.all(
        [world.providerP1, world.providerP2].map((organisationId) =>
          createApiKey(seeder, {
            organisationId,
            scopes: [ApiKeyScope.ReportsWrite],
            admin: world.admin,
          }),
        ),
      );
      const worked = async () => (await workedReferral(seeder, world)).id;
      // A referral of B's client at P2, worked by P2's worker: P2's own case.
      const [contract] = await seeder
        .get(DataSource)
        .query<{ id: string }[]>(
          'SELECT id FROM contracts WHERE jobcenter_id = $1 AND provider_id = $2',
          [world.jobcenterB, world.providerP2],
        );
      const p2 = await referralInState(seeder, world, ReferralState.InProgress, {
        jobcenterId: world.jobcenterB,
        providerId: world.providerP2,
        clientId: (await createClient(seeder, { jobcenterId: world.jobcenterB })).id,
        caseManagerId: world.caseworkerB.userId,
        assignedWorkerId: world.workerP2.userId,
        contractId: contract.id,
      });
      referrals = {
        sequential: await worked(),
        mismatch: await worked(),
        concurrent: await worked(),
        p1: await worked(),
        p2: p2.id,
      };
    } finally {
      await seeder.close();
    }
    app = await AppProcess.start();
    db = new Pg({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.stop();
  });

  const post = (
    referralId: string,
    key: string,
    auth: { Authorization: string } = keyP1.authHeader,
    body: object = reportBody(),
  ): Promise<Answer> =>
    call(app.baseUrl, 'POST', `/api/v1/referrals/${referralId}/reports`, {
      headers: { ...auth, 'Idempotency-Key': key },
      body,
    });

  async function reportCount(referralId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM reports WHERE referral_id = $1',
      [referralId],
    );
    return rows[0].n;
  }

  it('replays a sequential retry with the same status and body, and stores one report', async () => {
    const key = newKey();
    const first = await post(referrals.sequential, key);
    expect(first.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const again = await post(referrals.sequential, key);
      expect({ status: again.status, body: again.body }).toEqual({
        status: first.status,
        body: first.body,
      });
    }
    expect(await reportCount(referrals.sequential)).toBe(1);
  });

  it('refuses the same key with another body: 422, and nothing more stored', async () => {
    const key = newKey();
    expect((await post(referrals.mismatch, key)).status).toBe(201);
    const other = await post(
      referrals.mismatch,
      key,
      keyP1.authHeader,
      reportBody({ kind: ReportKind.Final }),
    );
    expect(other.status).toBe(422);
    expect(other.contentType).toMatch(/^application\/problem\+json/);
    expect(other.body.type).toBe('urn:lotse:problem:idempotency-key-reused');
    expect(await reportCount(referrals.mismatch)).toBe(1);
  });

  it(`executes ${CONCURRENT} concurrent requests with one key once: the others 409 or the replay`, async () => {
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => post(referrals.concurrent, key)),
    );
    expect(await reportCount(referrals.concurrent)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    const inFlight = answers.filter((a) => a.status === 409);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map(brief)).toEqual([]);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0].body);
    for (const a of inFlight) {
      expect(a.body.type).toBe('urn:lotse:problem:idempotency-key-in-flight');
      expect(a.headers.get('retry-after')).toBe('1');
    }
    const retry = await post(referrals.concurrent, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(created[0].body);
    expect(await reportCount(referrals.concurrent)).toBe(1);
    process.stdout.write(
      `R6 concurrent figures: ${JSON.stringify({ requests: CONCURRENT, executions: 1, created201: created.length, inFlight409: inFlight.length })}\n`,
    );
  });

  it("keeps keys per provider: P2 reusing P1's key string is independent", async () => {
    const key = newKey();
    const p1 = await post(referrals.p1, key);
    expect(p1.status).toBe(201);
    const p2 = await post(
      referrals.p2,
      key,
      keyP2.authHeader,
      reportBody({ kind: ReportKind.Initial }),
    );
    expect(p2.status).toBe(201);
    expect(p2.body.id).not.toBe(p1.body.id);
    expect(p2.body).toMatchObject({ referralId: referrals.p2, kind: 'initial' });
    expect((await post(referrals.p1, key)).body).toEqual(p1.body);
    expect(await reportCount(referrals.p1)).toBe(1);
    expect(await reportCount(referrals.p2)).toBe(1);
  });
});
