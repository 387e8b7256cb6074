import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { MaintenanceJobs } from '../../src/jobs/maintenance-jobs.service';
import { ReferralState } from '../../src/common/referral-states';
import { DataCategory } from '../../src/confidentiality/data-category';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { openCase } from '../factories/consent';
import { createOrganisation, createUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent } from '../factories/reports';
import { readFeed } from '../support/events';
import { httpOf, type HttpActor } from '../support/http';
import { createTestApp } from '../support/test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The pruning job (ADR 0019). Other test files share the database, so the clock is moved on
 * this file's own rows (their times set into the past) rather than by running the job in the
 * future, which would prune every other file's live sessions too.
 */
describe('maintenance jobs prune refresh tokens, sessions, idempotency keys and events', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  const ago = (ms: number) => new Date(Date.now() - ms);
  const exists = async (table: string, column: string, value: string) =>
    (await ds.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [value])).length > 0;

  it('removes sessions ended 30 days ago, expired refresh tokens, day-old keys, old events', async () => {
    const [oldEnded, recentEnded, live] = await Promise.all([
      createUser(app, { roles: [Role.Caseworker] }),
      createUser(app, { roles: [Role.Caseworker] }),
      createUser(app, { roles: [Role.Caseworker] }),
    ]);
    await ds.query('UPDATE sessions SET ended_at = $2 WHERE id = $1', [
      oldEnded.sessionId,
      ago(31 * DAY),
    ]);
    await ds.query('UPDATE sessions SET ended_at = $2 WHERE id = $1', [
      recentEnded.sessionId,
      ago(29 * DAY),
    ]);
    // The live session's token expired a minute ago; a second one of it is still good.
    await ds.query('UPDATE refresh_tokens SET expires_at = $2 WHERE session_id = $1', [
      live.sessionId,
      ago(60_000),
    ]);
    const refreshed = await httpOf(app)
      .post('anonymous', '/api/v1/auth/refresh', { refreshToken: live.refreshToken })
      .expect((r) => expect([401, 400]).toContain(r.status));
    expect(refreshed.status).not.toBe(200);

    const org = await createOrganisation(app);
    const [oldKey, newKey] = [randomUUID(), randomUUID()];
    for (const [key, at] of [
      [oldKey, ago(25 * HOUR)],
      [newKey, ago(23 * HOUR)],
    ] as const) {
      await ds.query(
        `INSERT INTO idempotency_keys (organisation_id, key, fingerprint, state, created_at)
         VALUES ($1, $2, 'f', 'done', $3)`,
        [org.id, key, at],
      );
    }
    const [oldEvent, newEvent] = [randomUUID(), randomUUID()];
    for (const [id, at, position] of [
      [oldEvent, ago(31 * DAY), null],
      [newEvent, ago(29 * DAY), null],
    ] as const) {
      await ds.query(
        `INSERT INTO events (id, type, organisation_id, subject_type, subject_id, instruction,
                             occurred_at, position)
         VALUES ($1, 'referral.sent', $2, 'referral', $1, 'fetch', $3, $4)`,
        [id, org.id, at, position],
      );
    }
    // Events get their feed position from the dispatcher before they can age out of the feed.
    await ds.query(
      `UPDATE events SET position = (SELECT coalesce(max(position), 0) FROM events) + n
         FROM (VALUES ($1::uuid, 1), ($2::uuid, 2)) AS v(id, n) WHERE events.id = v.id`,
      [oldEvent, newEvent],
    );

    const report = await app.get(MaintenanceJobs).run();

    expect(await exists('sessions', 'id', oldEnded.sessionId)).toBe(false);
    expect(await exists('refresh_tokens', 'session_id', oldEnded.sessionId)).toBe(false);
    expect(await exists('sessions', 'id', recentEnded.sessionId)).toBe(true);
    expect(await exists('sessions', 'id', live.sessionId)).toBe(true);
    expect(
      (
        await ds.query(
          'SELECT 1 FROM refresh_tokens WHERE session_id = $1 AND expires_at < now()',
          [live.sessionId],
        )
      ).length,
    ).toBe(0);
    expect(await exists('idempotency_keys', 'key', oldKey)).toBe(false);
    expect(await exists('idempotency_keys', 'key', newKey)).toBe(true);
    expect(await exists('events', 'id', oldEvent)).toBe(false);
    expect(await exists('events', 'id', newEvent)).toBe(true);
    expect(report.sessions).toBeGreaterThanOrEqual(1);
    expect(report.refreshTokens).toBeGreaterThanOrEqual(1);
    expect(report.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(report.events).toBeGreaterThanOrEqual(1);

    // The live session still works: its access token is accepted.
    await httpOf(app).get(live, '/api/v1/me').expect(200);
    // A second run finds nothing more of these.
    await app.get(MaintenanceJobs).run();
    expect(await exists('idempotency_keys', 'key', newKey)).toBe(true);
  });

  it('runs on the timer fallback when JOBS_RUNNER=timer', async () => {
    const timed = await createTestApp({ env: { JOBS_RUNNER: 'timer', JOBS_INTERVAL_MS: '50' } });
    try {
      const org = await createOrganisation(timed);
      const key = randomUUID();
      await ds.query(
        `INSERT INTO idempotency_keys (organisation_id, key, fingerprint, state, created_at)
         VALUES ($1, $2, 'f', 'done', $3)`,
        [org.id, key, ago(25 * HOUR)],
      );
      for (let i = 0; i < 100 && (await exists('idempotency_keys', 'key', key)); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await exists('idempotency_keys', 'key', key)).toBe(false);
    } finally {
      await timed.close();
    }
  });
});

describe('the consent-expiry job announces expiring and expired consents once each', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function consentEvents(consentId: string, actor: HttpActor) {
    await app.get(EventDispatcher).drain(undefined, { organisationIds: [] });
    const items = await readFeed(httpOf(app), actor);
    return items.filter((e) => e.subject.id === consentId).map((e) => e.type);
  }

  it('tells the releasing provider and the recipients in force, and never twice', async () => {
    const { clientId, referral } = await openCase(app, world, ReferralState.InProgress);
    const { consentId } = await insertConsent(app, {
      clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
      validUntilOffset: 3 * 86_400,
    });
    const jobs = app.get(MaintenanceJobs);
    await jobs.run();
    await jobs.run();
    expect(await consentEvents(consentId, world.caseworkerA)).toEqual(['consent.expiring_soon']);
    expect(await consentEvents(consentId, world.leadP1)).toEqual(['consent.expiring_soon']);
    expect(await consentEvents(consentId, world.caseworkerB)).toEqual([]);

    // One that ended an hour ago (records are immutable: a second case stands for the moved clock).
    const ended = await openCase(app, world, ReferralState.InProgress);
    const expired = await insertConsent(app, {
      clientId: ended.clientId,
      referralId: ended.referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category: DataCategory.Goals, recipientOrganisationId: world.jobcenterA }],
      validFromOffset: -10 * 86_400,
      recordedOffset: -10 * 86_400,
      validUntilOffset: -3600,
    });
    await jobs.run();
    await jobs.run();
    expect(await consentEvents(expired.consentId, world.caseworkerA)).toEqual(['consent.expired']);
    expect(await consentEvents(expired.consentId, world.leadP1)).toEqual(['consent.expired']);
    expect(await consentEvents(consentId, world.caseworkerA)).toEqual(['consent.expiring_soon']);
  });
});
