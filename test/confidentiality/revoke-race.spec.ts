import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditAction } from '../../src/audit/audit-actions';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';

/*
 * No TOCTOU on consent (docs/security.md items 6 and 39): the jobcenter reads a referral's
 * activities (participation) while the client's release of participation is revoked. A read
 * sent after the revocation committed never returns the activities; reads sent before may go
 * either way. Every response that did carry activities left exactly one disclosure audit event.
 * The revocation alternates between the API and a bare committed UPDATE (the database's own
 * clock, no service code involved).
 */

const READS = 50;
/** The last reads of a round wait for the revocation, so that each round has reads after it. */
const HELD_BACK = 10;
const ROUNDS = 5;

interface Read {
  /** Client-side, before the request was handed to fetch. */
  sentAt: number;
  status: number;
  requestId: string;
  nothingReleased: boolean;
  items: unknown[];
}

describe('revocation racing reads of released content', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: ReferralWorld;
  let baseUrl: string;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    world = await buildReferralWorld(app);
    // A listening server, so that a request leaves when it is sent (not when supertest starts
    // a server for it).
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  /**
   * A fresh client of A with a referral in progress at P1, three activities, and participation
   * released to A by P1 (recorded yesterday, open-ended).
   */
  async function releasedParticipation(): Promise<{
    referralId: string;
    consentId: string;
    grantId: string;
  }> {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referral = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
    });
    for (const minutesAgo of [90, 60, 30]) {
      await ds.query(
        `INSERT INTO activities (referral_id, author_organisation_id, kind, occurred_at, reached,
                                 note, recorded_by_kind, recorded_by_id)
         VALUES ($1, $2, 'home_visit', now() - make_interval(mins => $3), true,
                 'nur intern', 'user', $4)`,
        [referral.id, world.providerP1, minutesAgo, world.workerP1.userId],
      );
    }
    const [template] = await ds.query<{ id: string }[]>(
      `INSERT INTO consent_templates
         (organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
       VALUES ($1, $2, 1, 'Schweigepflichtentbindung', 'Ich entbinde …', '{participation}',
               $3, $3, now())
       RETURNING id`,
      [world.providerP1, `race-${randomUUID()}`, world.leadP1.userId],
    );
    const [record] = await ds.query<{ id: string }[]>(
      `INSERT INTO consent_records
         (client_id, releasing_organisation_id, referral_id, template_id, valid_from,
          evidence_form, given_on, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, now() - interval '1 day', 'written', current_date - 1, $5,
               now() - interval '1 day')
       RETURNING id`,
      [client.id, world.providerP1, referral.id, template.id, world.workerP1.userId],
    );
    const [grant] = await ds.query<{ id: string }[]>(
      `INSERT INTO consent_grants (consent_id, category, recipient_organisation_id)
       VALUES ($1, 'participation', $2)
       RETURNING id`,
      [record.id, world.jobcenterA],
    );
    return { referralId: referral.id, consentId: record.id, grantId: grant.id };
  }

  async function read(referralId: string): Promise<Read> {
    const sentAt = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/referrals/${referralId}/activities`, {
      headers: world.caseworkerA.authHeader,
    });
    const body = (await res.json()) as { nothingReleased: boolean; items: unknown[] };
    return {
      sentAt,
      status: res.status,
      requestId: res.headers.get('x-request-id') ?? '',
      nothingReleased: body.nothingReleased,
      items: body.items,
    };
  }

  /**
   * Revokes the grant: through the API as P1's worker (the releasing organisation), or in one
   * committed statement on another connection than the reads. Resolves after the commit.
   */
  async function revoke(via: 'api' | 'sql', consentId: string, grantId: string): Promise<void> {
    if (via === 'api') {
      const res = await fetch(`${baseUrl}/api/v1/consents/${consentId}/revoke`, {
        method: 'POST',
        headers: { ...world.workerP1.authHeader, 'Content-Type': 'application/json' },
        body: JSON.stringify({ grantIds: [grantId] }),
      });
      expect(res.status).toBe(200);
      return;
    }
    await ds.query(
      `UPDATE consent_grants SET revoked_at = clock_timestamp(), revoked_by = $2 WHERE id = $1`,
      [grantId, world.workerP1.userId],
    );
  }

  it(`never returns revoked participation to a read sent after the revocation (${ROUNDS} rounds of ${READS} reads)`, async () => {
    const everyRead: Read[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { referralId, consentId, grantId } = await releasedParticipation();
      const via = round % 2 === 0 ? 'sql' : 'api';
      const before = await read(referralId);
      expect(before).toMatchObject({ status: 200, nothingReleased: false });
      expect(before.items).toHaveLength(3);

      const revokeAt = 5 + round * 7;
      let revocation: Promise<void> | undefined;
      let committedAt = Infinity;
      let next: Promise<Read> | undefined;
      const reads: Promise<Read>[] = [];
      for (let i = 0; i < READS; i++) {
        if (i === revokeAt) {
          revocation = revoke(via, consentId, grantId).then(() => {
            committedAt = performance.now();
            next = read(referralId);
          });
        }
        if (i === READS - HELD_BACK) await revocation;
        reads.push(read(referralId));
        await sleep(1);
      }
      await revocation;
      const results = await Promise.all(reads);
      const nextRead = await next!;

      expect(results.every((r) => r.status === 200)).toBe(true);
      const after = results.filter((r) => r.sentAt > committedAt);
      expect(after.length).toBeGreaterThanOrEqual(HELD_BACK);
      expect(
        after.filter((r) => !r.nothingReleased || r.items.length > 0).map((r) => r.requestId),
      ).toEqual([]);
      // The very next request after the revocation.
      expect(nextRead).toMatchObject({ status: 200, nothingReleased: true, items: [] });
      for (const r of results) {
        // Either released with all three activities, or nothing and said so.
        expect(r.nothingReleased ? r.items.length === 0 : r.items.length === 3).toBe(true);
      }
      const [{ revoked }] = await ds.query<{ revoked: boolean }[]>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM consent_grants WHERE id = $1',
        [grantId],
      );
      expect(revoked).toBe(true);
      everyRead.push(before, ...results, nextRead);
    }

    const events = await ds.query<{ request_id: string; categories: string[] }[]>(
      `SELECT request_id, categories FROM audit_events
       WHERE action = $1 AND request_id = ANY($2)`,
      [AuditAction.ContentDisclose, everyRead.map((r) => r.requestId)],
    );
    const eventsOf = (r: Read) => events.filter((e) => e.request_id === r.requestId);
    const disclosed = everyRead.filter((r) => r.items.length > 0);
    expect(new Set(everyRead.map((r) => r.requestId)).size).toBe(everyRead.length);
    for (const r of disclosed) {
      expect({ requestId: r.requestId, events: eventsOf(r).map((e) => e.categories) }).toEqual({
        requestId: r.requestId,
        events: [[DataCategory.Participation]],
      });
    }
    for (const r of everyRead.filter((x) => x.items.length === 0)) {
      expect({ requestId: r.requestId, events: eventsOf(r).length }).toEqual({
        requestId: r.requestId,
        events: 0,
      });
    }
    expect(events).toHaveLength(disclosed.length);
  }, 120_000);
});
