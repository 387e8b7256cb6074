import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { statementsDuring } from '../support/statement-count';
import { createTestApp } from '../support/test-app';

/*
 * The round-trip budget of the hot referral reads (ADR 0024): besides the access guard's
 * statements (the session check on every request; recognised by the tables they read), a
 * provider's read of one referral and a page of the referral list each send exactly one
 * statement, which carries the scope, the restriction of processing and the names. And what
 * that one statement must keep deciding.
 */

/** The guard's statements: the live session (and what the guard folds into it). */
const GUARD = /\bFROM sessions\b|\bJOIN sessions\b|\brate_limit/i;

describe('round trips of the referral reads', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let working: string;
  let restricted: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    working = (await referralInState(app, world, ReferralState.InProgress)).id;
    const other = await createClient(app, { jobcenterId: world.jobcenterA });
    restricted = (
      await referralInState(app, world, ReferralState.InProgress, { clientId: other.id })
    ).id;
    await http
      .post(world.auditorA, `/api/v1/clients/${other.id}/restriction`, {
        ground: 'accuracy_contested',
      })
      .expect(200);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  /** The statements of one request other than the guard's, and the response. */
  async function beyondGuard(request: () => Promise<unknown>): Promise<string[]> {
    const texts = await statementsDuring(request);
    expect(texts.filter((t) => GUARD.test(t)).length).toBeGreaterThan(0);
    return texts.filter((t) => !GUARD.test(t));
  }

  it('reads one referral for its provider worker in one statement', async () => {
    let body: unknown;
    const texts = await beyondGuard(async () => {
      body = (await http.get(world.workerP1, `/api/v1/referrals/${working}`).expect(200)).body;
    });
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^SELECT v\.\*, EXISTS .*FROM referrals r/);
    expect(body).toMatchObject({ id: working, state: 'in_progress', overdue: false });
  });

  it('reads a page of the list in one statement, for the jobcenter and the provider', async () => {
    for (const actor of [world.caseworkerA, world.workerP1, world.leadP1]) {
      let items: { id: string }[] = [];
      const texts = await beyondGuard(async () => {
        const res = await http.get(actor, '/api/v1/referrals?limit=50&state=in_progress');
        expect(res.status).toBe(200);
        items = (res.body as { items: { id: string }[] }).items;
      });
      expect(texts).toHaveLength(1);
      expect(texts[0]).toMatch(/FROM referrals r/);
      expect(texts[0]).not.toMatch(/^SELECT v\./);
      expect(items.map((i) => i.id)).toContain(working);
      // A restricted client's referrals are left out of every list.
      expect(items.map((i) => i.id)).not.toContain(restricted);
    }
  });

  it('lists a referral exactly as its read shows it (instants as the database wrote them)', async () => {
    const read = await http.get(world.workerP1, `/api/v1/referrals/${working}`).expect(200);
    const list = await http.get(world.workerP1, '/api/v1/referrals?limit=50').expect(200);
    const item = (list.body as { items: { id: string }[] }).items.find((i) => i.id === working);
    expect(item).toStrictEqual(read.body);
  });

  it('answers a foreign provider 404, and a restricted client’s referral as before', async () => {
    expectProblem(await http.get(world.workerP2, `/api/v1/referrals/${working}`), 404, 'not-found');
    expectProblem(await http.get(world.leadP2, `/api/v1/referrals/${working}`), 404, 'not-found');
    expectProblem(
      await http.get(world.workerP1, `/api/v1/referrals/${restricted}`),
      403,
      'processing-restricted',
    );
  });
});
