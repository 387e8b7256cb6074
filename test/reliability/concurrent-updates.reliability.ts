import { Client as Pg } from 'pg';
import { PauseReason } from '../../src/referrals/referral-codes';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, type Answer } from './support/http';

/*
 * R5 (docs/security.md §5, item 36): 10 concurrent conflicting changes with the same If-Match on
 * two resources, a client (PATCH) and a referral (the pause action), sent to the app process at
 * once over separate connections: exactly one 2xx and nine 412, the version is v+1 and holds
 * the winner's change; without If-Match, 428.
 */

const RACERS = 10;

describe('R5: concurrent conflicting updates with one If-Match', () => {
  let app: AppProcess;
  let world: ReferralWorld;
  let clientId: string;
  let referralId: string;

  beforeAll(async () => {
    const seeder = await createTestApp();
    try {
      world = await buildReferralWorld(seeder);
      clientId = (await createClient(seeder, { jobcenterId: world.jobcenterA })).id;
      referralId = (
        await referralInState(seeder, world, ReferralState.InProgress, {
          clientId: (await createClient(seeder, { jobcenterId: world.jobcenterA })).id,
        })
      ).id;
    } finally {
      await seeder.close();
    }
    app = await AppProcess.start();
  });
  afterAll(async () => {
    await app?.stop();
  });

  function expectOneWinner(answers: Answer[]): Answer {
    const winners = answers.filter((a) => a.status >= 200 && a.status < 300);
    const losers = answers.filter((a) => a.status === 412);
    expect({
      winners: winners.length,
      losers: losers.length,
      other: answers.filter((a) => !winners.includes(a) && !losers.includes(a)).map(brief),
    }).toEqual({ winners: 1, losers: RACERS - 1, other: [] });
    for (const a of losers) {
      expect(a.contentType).toMatch(/^application\/problem\+json/);
      expect(a.body.type).toBe('urn:lotse:problem:precondition-failed');
    }
    return winners[0];
  }

  it('lets exactly one of 10 client PATCHes win; the version is v+1 with its change', async () => {
    const path = `/api/v1/clients/${clientId}`;
    const auth = world.caseworkerA.authHeader;
    const before = await call(app.baseUrl, 'GET', path, { headers: auth });
    expect(before.status).toBe(200);
    const etag = before.headers.get('etag')!;
    const version = Number(JSON.parse(etag));

    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call(app.baseUrl, 'PATCH', path, {
          headers: { ...auth, 'If-Match': etag },
          body: { preferredContactTimes: `Racer ${i}` },
        }),
      ),
    );
    const winner = expectOneWinner(answers);
    const winnerTimes = winner.body.preferredContactTimes;
    expect(winnerTimes).toMatch(/^Racer \d$/);
    expect(winner.headers.get('etag')).toBe(`"${version + 1}"`);

    const after = await call(app.baseUrl, 'GET', path, { headers: auth });
    expect(after.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(after.body.preferredContactTimes).toBe(winnerTimes);

    const missing = await call(app.baseUrl, 'PATCH', path, {
      headers: auth,
      body: { preferredContactTimes: 'ohne If-Match' },
    });
    expect(missing.status).toBe(428);
    expect(missing.body.type).toBe('urn:lotse:problem:precondition-required');
    expect(
      (await call(app.baseUrl, 'GET', path, { headers: auth })).body.preferredContactTimes,
    ).toBe(winnerTimes);
    process.stdout.write(
      `R5 client figures: ${JSON.stringify({ racers: RACERS, won: 1, refused412: answers.filter((a) => a.status === 412).length, version: `${version} -> ${version + 1}` })}\n`,
    );
  });

  it('lets exactly one of 10 pause actions win: one transition, one audit event, v+1', async () => {
    const path = `/api/v1/referrals/${referralId}`;
    const auth = world.workerP1.authHeader;
    const before = await call(app.baseUrl, 'GET', path, { headers: auth });
    expect(before.status).toBe(200);
    const etag = before.headers.get('etag')!;
    const version = Number(JSON.parse(etag));

    const missing = await call(app.baseUrl, 'POST', `${path}/pause`, {
      headers: auth,
      body: { reason: PauseReason.Other },
    });
    expect(missing.status).toBe(428);
    expect(missing.body.type).toBe('urn:lotse:problem:precondition-required');

    const reasons = Object.values(PauseReason);
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call(app.baseUrl, 'POST', `${path}/pause`, {
          headers: { ...auth, 'If-Match': etag },
          body: { reason: reasons[i % reasons.length] },
        }),
      ),
    );
    const winner = expectOneWinner(answers);
    expect(winner.body.state).toBe(ReferralState.OnHold);
    expect(winner.headers.get('etag')).toBe(`"${version + 1}"`);
    const after = await call(app.baseUrl, 'GET', path, { headers: auth });
    expect(after.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(after.body.state).toBe(ReferralState.OnHold);

    const db = new Pg({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events
         WHERE action = 'referral.pause' AND resource_id = $1`,
        [referralId],
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
    process.stdout.write(
      `R5 referral figures: ${JSON.stringify({ racers: RACERS, won: 1, refused412: answers.filter((a) => a.status === 412).length, version: `${version} -> ${version + 1}` })}\n`,
    );
  });
});
