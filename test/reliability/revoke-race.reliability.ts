import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent, workedReferral } from '../factories/reports';
import { createTestApp } from '../support/test-app';
import { AppProcess } from './support/app-process';
import { brief, call, type Answer } from './support/http';

/*
 * R7 (docs/security.md §5, item 39): 1 revocation and 50 concurrent reads of the released
 * participation (a referral's activities), against the app process on real PostgreSQL, where
 * reads really run in parallel on separate connections. Ordering as in
 * test/confidentiality/revoke-race.spec.ts: a read sent after the revocation's commit was
 * acknowledged necessarily takes its snapshot after that commit, and must not contain the
 * category. Rounds alternate between the API and a bare committed UPDATE on another connection.
 */

const READS = 50;
const HELD_BACK = 10;
const ROUNDS = 4;

interface Case {
  referralId: string;
  consentId: string;
  grantId: string;
}

describe('R7: consent revocation racing 50 reads', () => {
  let app: AppProcess;
  let world: ReferralWorld;
  let seeder: Awaited<ReturnType<typeof createTestApp>>;
  let db: DataSource;

  beforeAll(async () => {
    seeder = await createTestApp();
    db = seeder.get(DataSource);
    world = await buildReferralWorld(seeder);
    app = await AppProcess.start();
  });
  afterAll(async () => {
    await app?.stop();
    await seeder?.close();
  });

  /** A referral in progress at P1 with three activities, participation released to A. */
  async function releasedParticipation(): Promise<Case> {
    const referral = await workedReferral(seeder, world);
    for (const minutesAgo of [90, 60, 30]) {
      await db.query(
        `INSERT INTO activities (referral_id, author_organisation_id, kind, occurred_at, reached,
                                 note, recorded_by_kind, recorded_by_id)
         VALUES ($1, $2, 'home_visit', now() - make_interval(mins => $3), true,
                 'nur intern', 'user', $4)`,
        [referral.id, world.providerP1, minutesAgo, world.workerP1.userId],
      );
    }
    const { consentId, grantIds } = await insertConsent(seeder, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
    });
    return { referralId: referral.id, consentId, grantId: grantIds[0] };
  }

  const read = (referralId: string) =>
    call(app.baseUrl, 'GET', `/api/v1/referrals/${referralId}/activities`, {
      headers: world.caseworkerA.authHeader,
    });
  const disclosed = (a: Answer) =>
    a.body.nothingReleased !== true || (a.body.items as unknown[]).length > 0;

  async function revoke(via: 'api' | 'sql', c: Case): Promise<void> {
    if (via === 'api') {
      const res = await call(app.baseUrl, 'POST', `/api/v1/consents/${c.consentId}/revoke`, {
        headers: world.workerP1.authHeader,
        body: { grantIds: [c.grantId] },
      });
      expect(brief(res)).toMatchObject({ status: 200 });
      return;
    }
    await db.query(
      'UPDATE consent_grants SET revoked_at = clock_timestamp(), revoked_by = $2 WHERE id = $1',
      [c.grantId, world.workerP1.userId],
    );
  }

  it(`never returns the revoked category to a read sent after the revocation committed (${ROUNDS} rounds)`, async () => {
    const figures: { via: string; before: number; after: number; disclosedBefore: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const c = await releasedParticipation();
      const via = round % 2 === 0 ? 'api' : 'sql';
      const first = await read(c.referralId);
      expect(first.status).toBe(200);
      expect((first.body.items as unknown[]).length).toBe(3);

      let committedAt = Infinity;
      let revocation: Promise<void> | undefined;
      const reads: Promise<Answer>[] = [];
      const revokeAt = 5 + round * 9;
      for (let i = 0; i < READS; i++) {
        if (i === revokeAt) {
          revocation = revoke(via, c).then(() => {
            committedAt = performance.now();
          });
        }
        // The last reads wait for the commit, so that every round has reads after it.
        if (i === READS - HELD_BACK) await revocation;
        reads.push(read(c.referralId));
        await sleep(1);
      }
      await revocation;
      const answers = await Promise.all(reads);

      expect(answers.filter((a) => a.status !== 200).map(brief)).toEqual([]);
      const after = answers.filter((a) => a.sentAt > committedAt);
      expect(after.length).toBeGreaterThanOrEqual(HELD_BACK);
      expect(after.filter(disclosed).map((a) => a.headers.get('x-request-id'))).toEqual([]);
      // Each answer is whole: all three activities, or nothing and saying so.
      for (const a of answers) {
        const items = (a.body.items as unknown[]).length;
        expect(a.body.nothingReleased === true ? items === 0 : items === 3).toBe(true);
      }
      const before = answers.filter((a) => a.sentAt <= committedAt);
      figures.push({
        via,
        before: before.length,
        after: after.length,
        disclosedBefore: before.filter(disclosed).length,
      });
    }
    process.stdout.write(`R7 figures: ${JSON.stringify(figures)}\n`);
  });
});
