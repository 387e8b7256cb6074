import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayInGermany } from '../../src/common/calendar';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ErasureRepository } from '../../src/data-protection/erasure.repository';
import { ErasureService } from '../../src/data-protection/erasure.service';
import { CLIENT_LINK_COLUMNS, KEPT_TABLES } from '../../src/data-protection/erasure-plan';
import { clientBody, createClient } from '../factories/clients';
import { createApprovedTemplate } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { textColumns } from '../sentinel/markers';
import { expectChainHolds } from '../support/audit-chain';
import { expectProblem } from '../support/problem';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/** Months after which the default schedule erases a closed case, plus margin. */
const YEARS_LATER = 4;

/**
 * Erasure (Art. 17 GDPR, issue 20 point 2, ADR 0020): a closed case past its period is erased by
 * the retention sweep (with a moved clock) and a client on request; afterwards no marker of
 * theirs is in any text column of any table (the catalogue, as the sentinel test reads it), no
 * row refers to them, the statistics' aggregates are unchanged and the audit chain verifies.
 */
describe('erasure', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let db: DataSource;
  let world: ReferralWorld;
  const run = randomBytes(4).toString('hex');
  let n = 0;
  /** A fresh marker: unique in the database, so that finding it anywhere is a leak. */
  const marker = (what: string) => `ERASE${run}x${n++}${what}`;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A case walked through HTTP, every free text holding a marker; answers the ids and markers. */
  async function workedCase(options: { close: boolean | 'end' }) {
    const markers: string[] = [];
    const m = (what: string) => {
      const value = marker(what);
      markers.push(value);
      return value;
    };
    const client = await http.post(
      world.caseworkerA,
      `${API}/clients`,
      clientBody({
        givenName: m('Given'),
        familyName: m('Family'),
        street: `${m('Street')} 1`,
        city: m('City'),
        careOf: m('CareOf'),
        usualWhereabouts: m('Whereabouts'),
        municipality: m('Town'),
        preferredContactTimes: m('Times'),
        noteToProvider: m('Note'),
        email: `${m('mail').toLowerCase()}@example.org`,
      }),
    );
    expect(client.status).toBe(201);
    const clientId = client.body.id as string;
    const draft = await http.post(world.caseworkerA, `${API}/referrals`, {
      clientId,
      providerId: world.providerP1,
      reasonCategory: 'lost_contact',
      reasonText: m('Reason'),
      goals: m('Goals'),
      requestedServices: ['outreach_home_visits'],
    });
    expect(draft.status).toBe(201);
    const referralId = draft.body.id as string;
    await http.advance(world.caseworkerA, referralId, 'send');
    await http.advance(world.leadP1, referralId, 'accept', {
      assignedWorkerId: world.workerP1.userId,
    });
    await http.advance(world.workerP1, referralId, 'start');
    const activity = await http.post(world.workerP1, `${API}/referrals/${referralId}/activities`, {
      kind: 'home_visit',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      reached: true,
      note: m('Activity'),
    });
    expect(activity.status).toBe(201);
    const template = await createApprovedTemplate(app, world.providerP1);
    const consent = await http.post(world.workerP1, `${API}/clients/${clientId}/consents`, {
      referralId,
      templateId: template.id,
      grants: [{ category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA }],
      evidence: {
        form: 'written',
        givenOn: todayInGermany(),
        documentReference: m('Doc'),
      },
    });
    expect(consent.status).toBe(201);
    const report = await http.post(
      world.workerP1,
      `${API}/referrals/${referralId}/reports`,
      {
        kind: 'interim',
        periodFrom: '2026-11-01',
        periodUntil: '2026-11-30',
        sections: [{ category: DataCategory.Participation, text: m('Report') }],
      },
      { headers: { 'Idempotency-Key': `erasure-${run}-${n}` } },
    );
    expect(report.status).toBe(201);
    const submitted = await http.post(
      world.workerP1,
      `${API}/reports/${report.body.id}/submit`,
      undefined,
      { ifMatch: report.headers.etag },
    );
    expect(submitted.status).toBe(200);
    if (options.close === 'end') {
      await http.advance(world.leadP1, referralId, 'end', { reason: 'client_withdrew' });
    } else if (options.close) {
      await http.advance(world.leadP1, referralId, 'complete', { outcome: 'goals_reached' });
    }
    return { clientId, referralId, markers };
  }

  /** Every cell of every table (the catalogue's text columns) holding one of the markers. */
  async function cellsHolding(markers: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const column of await textColumns(db)) {
      const value =
        column.kind === 'bytes'
          ? `encode("${column.column}", 'escape')`
          : `"${column.column}"::text`;
      const [row] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${column.table}"
          WHERE ${value} LIKE ANY($1::text[])`,
        [markers.map((mk) => `%${mk}%`)],
      );
      if (row.n > 0) found.push(`${column.table}.${column.column}`);
    }
    return found;
  }

  /** Rows of any table but the kept ones that name the client or the referral. */
  async function rowsReferring(clientId: string, referralId: string): Promise<string[]> {
    const { linked } = await app.get(ErasureRepository).scope(db.manager);
    const found: string[] = [];
    for (const table of [...linked, 'clients', 'referrals']) {
      if (table in KEPT_TABLES) continue;
      const columns = await db.query<{ column: string }[]>(
        `SELECT a.attname AS column FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace
            AND a.attname = ANY($2) AND NOT a.attisdropped`,
        [table, ['id', 'client_id', 'referral_id']],
      );
      for (const { column } of columns) {
        const [row] = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text = ANY($1::text[])`,
          [[clientId, referralId]],
        );
        if (row.n > 0) found.push(`${table}.${column}`);
      }
    }
    return found;
  }

  /**
   * The outbox rows about the client or the referral (subject or referral), and their webhook
   * deliveries, but for the announcements of the erasure itself (`client.erased`).
   */
  async function eventsAbout(clientId: string, referralId: string): Promise<number> {
    const [row] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM events e
         LEFT JOIN webhook_deliveries d ON d.event_sequence = e.sequence
        WHERE (e.subject_id = ANY($1::uuid[]) OR e.referral_id = ANY($1::uuid[]))
          AND e.type <> 'client.erased'`,
      [[clientId, referralId]],
    );
    return row.n;
  }

  /** The jobcenter's rows of every statistics aggregate, as text, in a stable order. */
  async function aggregates(): Promise<string[]> {
    const rows: string[] = [];
    for (const table of [
      'statistics_state_counts',
      'statistics_month_counts',
      'statistics_service_counts',
      'statistics_durations',
    ]) {
      const columns = await db.query<{ column: string }[]>(
        `SELECT a.attname AS column FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped
            AND a.attname IN ('jobcenter_id', 'organisation_id')`,
        [table],
      );
      const where = columns.map((c) => `"${c.column}" = $1`).join(' OR ');
      const found = await db.query<Record<string, unknown>[]>(
        `SELECT * FROM "${table}" WHERE ${where}`,
        [world.jobcenterA],
      );
      rows.push(...found.map((r) => `${table} ${JSON.stringify(r)}`));
    }
    return rows.sort();
  }

  const statistics = () =>
    http.get(world.leadA, `${API}/statistics/referrals`, {
      query: { year: new Date().getFullYear() },
    });

  const providerStatistics = () =>
    http.get(world.leadP1, `${API}/statistics/referrals`, {
      query: { year: new Date().getFullYear() },
    });

  it('covers every table with a client_id or referral_id column (derived from the catalogue)', async () => {
    const scope = await app.get(ErasureRepository).scope(db.manager);
    const uncovered = scope.linked.filter(
      (t) => !scope.order.includes(t) && !scope.forgotten.includes(t) && !(t in KEPT_TABLES),
    );
    expect(uncovered).toEqual([]);
    expect(scope.linked).toEqual(
      expect.arrayContaining(['referrals', 'activities', 'reports', 'events']),
    );
    // `events` names referrals and subjects without a foreign key: its module forgets them.
    expect(scope.forgotten).toEqual(['events']);
    expect(scope.order).not.toContain('events');
    for (const column of CLIENT_LINK_COLUMNS) expect(typeof column).toBe('string');
    expect(scope.order[scope.order.length - 1]).toBe('clients');
  });

  it('the retention sweep erases a closed case past its period, and only that', async () => {
    const closed = await workedCase({ close: true });
    // An ended case: its end reason lives in the history, which the erasure takes along.
    const ended = await workedCase({ close: 'end' });
    const open = await workedCase({ close: false });
    const statsBefore = await statistics();
    const providerStatsBefore = await providerStatistics();
    expect(statsBefore.status).toBe(200);
    const aggregatesBefore = await aggregates();
    expect(aggregatesBefore.length).toBeGreaterThan(0);
    expect(await cellsHolding(closed.markers)).not.toEqual([]);
    // The case was announced (sent, accepted, …, report, consent): the outbox names it.
    expect(await eventsAbout(closed.clientId, closed.referralId)).toBeGreaterThan(3);

    // Not yet: the period has not passed.
    expect(await app.get(ErasureService).sweep(new Date(), { jobcenterId: world.jobcenterA })).toBe(
      0,
    );
    const later = new Date(Date.now() + YEARS_LATER * 365 * 86_400_000);
    const erased = await app.get(ErasureService).sweep(later, { jobcenterId: world.jobcenterA });
    // The closed case, and the world's client, which was never referred through HTTP.
    expect(erased).toBeGreaterThanOrEqual(1);

    expect(await cellsHolding([...closed.markers, ...ended.markers])).toEqual([]);
    expect(await rowsReferring(closed.clientId, closed.referralId)).toEqual([]);
    expect(await rowsReferring(ended.clientId, ended.referralId)).toEqual([]);
    expect(await eventsAbout(closed.clientId, closed.referralId)).toBe(0);
    expect(await eventsAbout(ended.clientId, ended.referralId)).toBe(0);
    // The open case is kept whole.
    expect((await cellsHolding(open.markers)).length).toBeGreaterThan(5);
    expect(await rowsReferring(open.clientId, open.referralId)).not.toEqual([]);
    expect(await eventsAbout(open.clientId, open.referralId)).toBeGreaterThan(3);

    expect(await aggregates()).toEqual(aggregatesBefore);
    const statsAfter = await statistics();
    // Everything but the end reasons, which rest on the client's consent: erased with the
    // client, an ended case's released reason counts as not released from now on (as after a
    // revocation; ADR 0020).
    const comparable = (body: Record<string, unknown>) => ({
      ...body,
      computedAt: null,
      byOutcome: null,
    });
    expect(comparable(statsAfter.body)).toEqual(comparable(statsBefore.body));
    // The provider's statistics still add up (its end reason now counts as unspecified).
    const providerStatsAfter = await providerStatistics();
    expect(providerStatsAfter.status).toBe(200);
    expect(providerStatsAfter.body.total).toEqual(providerStatsBefore.body.total);

    await expectChainHolds(http, world.auditorA);
    const [event] = await db.query<{ actor_kind: string; details: Record<string, unknown> }[]>(
      `SELECT actor_kind, details FROM audit_events WHERE action = 'client.erase' AND client_id = $1`,
      [closed.clientId],
    );
    expect(event).toMatchObject({
      actor_kind: 'system',
      details: { trigger: 'retention', tables: expect.arrayContaining(['clients', 'reports']) },
    });
  });

  describe('on request', () => {
    const erase = (clientId: string, as = world.auditorA) =>
      http.post(as, `${API}/clients/${clientId}/erasure`, { reason: 'consent_withdrawn' });

    it('is refused (409) while an open referral requires the data', async () => {
      const open = await workedCase({ close: false });
      const res = expectProblem(await erase(open.clientId), 409, 'erasure-blocked');
      expect(res.detail).toMatch(/open referral/);
      expect(await cellsHolding(open.markers)).not.toEqual([]);
    });

    it('is refused (409) under a legal hold, and erases once it is lifted', async () => {
      const closed = await workedCase({ close: true });
      const hold = await http.post(
        world.auditorA,
        `${API}/clients/${closed.clientId}/restriction`,
        {
          ground: 'legal_claims',
        },
      );
      expect(hold.status).toBe(200);
      const refused = expectProblem(await erase(closed.clientId), 409, 'erasure-blocked');
      expect(refused.detail).toMatch(/legal hold/);
      expect(
        (await http.delete(world.auditorA, `${API}/clients/${closed.clientId}/restriction`)).status,
      ).toBe(204);

      const aggregatesBefore = await aggregates();
      const res = await erase(closed.clientId);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        clientId: closed.clientId,
        reason: 'consent_withdrawn',
        erasedAt: expect.any(String),
      });
      expect(await cellsHolding(closed.markers)).toEqual([]);
      expect(await rowsReferring(closed.clientId, closed.referralId)).toEqual([]);
      expect(await eventsAbout(closed.clientId, closed.referralId)).toBe(0);
      expect(await aggregates()).toEqual(aggregatesBefore);
      await expectChainHolds(http, world.auditorA);
      // Gone: the client and its disclosure record are unknown now.
      expectProblem(await erase(closed.clientId), 404, 'not-found');
      expectProblem(
        await http.get(world.caseworkerA, `${API}/clients/${closed.clientId}`),
        404,
        'not-found',
      );
    });

    it('is the owning auditor’s only: the case manager 403, another jobcenter’s client 404', async () => {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      expectProblem(await erase(client.id, world.caseworkerA), 403, 'forbidden');
      const foreign = await createClient(app, { jobcenterId: world.jobcenterB });
      expectProblem(await erase(foreign.id), 404, 'not-found');
    });
  });
});
