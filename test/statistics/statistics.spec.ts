import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { todayInGermany } from '../../src/common/calendar';
import { DataCategory } from '../../src/confidentiality/data-category';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ServiceKind } from '../../src/providers/service-kind';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from '../factories/clients';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract } from '../factories/providers';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { recovered } from './attacker';
import { createTestApp } from '../support/test-app';
import { DisclosureThread } from '../../src/statistics/disclosure-thread';
import { httpOf, type TestHttp } from '../support/http';

/*
 * GET /statistics/referrals: aggregate counts for the leads, small cells suppressed, end reasons
 * and first contacts (participation content) only as far as clients released them. Each
 * describe block builds its own jobcenters and providers, so that nothing else in the shared
 * database enters the counts.
 */

const URL = '/api/v1/statistics/referrals';
const S = ReferralState;
const DAY_MS = 24 * 60 * 60 * 1000;
const SUPPRESSED = { count: null, suppressed: true };
const n = (count: number) => ({ count, suppressed: false });
const MONTHS_2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

type Cell = { count: number | null; suppressed: boolean };
interface Table {
  rows: { organisationId?: string; service?: string; cells: Cell[]; total: Cell }[];
  columnTotals: Cell[];
  total: Cell;
}
interface Group {
  state: string;
  total: Cell;
  outcomes: ({ outcome: string } & Cell)[];
}

describe('referral statistics', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A referral sent on `sentAt`, with the dates and outcome given (days after sending). */
  async function sent(
    world: ReferralWorld,
    state: ReferralState,
    options: {
      sentAt: Date;
      providerId?: string;
      jobcenterId?: string;
      contractId?: string | null;
      clientId?: string;
      caseManagerId?: string;
      acceptDays?: number | null;
      contactDays?: number | null;
      closeDays?: number | null;
      outcome?: string | null;
      services?: ServiceKind[];
    },
  ): Promise<Referral> {
    const at = (days: number | null | undefined) =>
      days === null || days === undefined
        ? null
        : new Date(options.sentAt.getTime() + days * DAY_MS);
    const acceptedAt = at(options.acceptDays);
    return referralInState(app, world, state, {
      sentAt: options.sentAt,
      acceptedAt,
      assignedWorkerId: acceptedAt ? world.workerP1.userId : null,
      firstContactAt:
        acceptedAt && options.contactDays != null
          ? new Date(acceptedAt.getTime() + options.contactDays * DAY_MS)
          : null,
      closedAt: at(options.closeDays),
      outcome: options.outcome ?? null,
      ...(options.providerId ? { providerId: options.providerId } : {}),
      ...(options.jobcenterId ? { jobcenterId: options.jobcenterId } : {}),
      ...(options.contractId !== undefined ? { contractId: options.contractId } : {}),
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.caseManagerId ? { caseManagerId: options.caseManagerId } : {}),
      ...(options.services ? { requestedServices: options.services } : {}),
    });
  }

  /** The end in the referral's history: its reason, marked participation, by `providerId`. */
  async function endedWith(world: ReferralWorld, referral: Referral, reason: string) {
    await db.query(
      `INSERT INTO referral_transitions (referral_id, action, from_state, to_state, reason, reason_category, actor_kind, actor_id, actor_organisation_id)
       VALUES ($1, 'end', 'in_progress', 'ended', $2, 'participation', 'user', $3, $4)`,
      [referral.id, reason, world.workerP1.userId, referral.providerId],
    );
  }
  /** `count` referrals of a fresh client of A to P1, sent in January, ended with `reason`. */
  async function endedCase(
    world: ReferralWorld,
    count: number,
    reason: string,
    options: { sentAt?: string; contactDays?: number } = {},
  ): Promise<{ clientId: string; referrals: Referral[] }> {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const referrals: Referral[] = [];
    for (let k = 0; k < count; k++) {
      const referral = await sent(world, S.Ended, {
        sentAt: new Date(options.sentAt ?? '2026-01-12T10:00:00Z'),
        clientId: client.id,
        acceptDays: 1,
        ...(options.contactDays === undefined ? {} : { contactDays: options.contactDays }),
        closeDays: 10,
      });
      await endedWith(world, referral, reason);
      referrals.push(referral);
    }
    return { clientId: client.id, referrals };
  }

  /**
   * A consent of the client for the referral, released by `releasing` (default P1) to
   * `recipient` (default A), written as the consent module stores it. Returns the record id.
   */
  async function consent(
    world: ReferralWorld,
    clientId: string,
    referralId: string,
    categories: DataCategory[],
    options: {
      releasing?: string;
      recipient?: string;
      validFrom?: string;
      validUntil?: string | null;
      supersedes?: string;
      revoked?: boolean;
    } = {},
  ): Promise<string> {
    const releasing = options.releasing ?? world.providerP1;
    const [template] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_templates (organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
       VALUES ($1, $2, 1, 'Schweigepflichtentbindung', 'Text', $3::data_category[], $4, $4, now()) RETURNING id`,
      [releasing, `t-${randomUUID()}`, Object.values(DataCategory), world.auditorA.userId],
    );
    const [record] = await db.query<{ id: string }[]>(
      `INSERT INTO consent_records (client_id, releasing_organisation_id, referral_id, template_id, valid_from, valid_until, evidence_form, given_on, recorded_by, supersedes_id)
       VALUES ($1, $2, $3, $4, now() + CAST($5 AS interval), now() + CAST($6 AS interval), 'written', current_date, $7, $8) RETURNING id`,
      [
        clientId,
        releasing,
        referralId,
        template.id,
        options.validFrom ?? '-1 hour',
        options.validUntil ?? null,
        world.workerP1.userId,
        options.supersedes ?? null,
      ],
    );
    for (const category of categories) {
      await db.query(
        `INSERT INTO consent_grants (consent_id, category, recipient_organisation_id, revoked_at, revoked_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          record.id,
          category,
          options.recipient ?? world.jobcenterA,
          options.revoked ? new Date(Date.now() - 60_000) : null,
          options.revoked ? world.workerP1.userId : null,
        ],
      );
    }
    return record.id;
  }

  function stats(user: TestUser, query = '') {
    return http.get(user, `${URL}${query}`);
  }

  const byState = (body: { byState: { items: ({ state: string } & Cell)[] } }) =>
    Object.fromEntries(
      body.byState.items.map((i) => [i.state, i.suppressed ? 'S' : i.count]),
    ) as Record<string, number | 'S'>;
  const group = (body: { byOutcome: Group[] }, state: string) => {
    const g = body.byOutcome.find((x) => x.state === state)!;
    return {
      total: g.total.suppressed ? 'S' : g.total.count,
      ...Object.fromEntries(g.outcomes.map((o) => [o.outcome, o.suppressed ? 'S' : o.count])),
    };
  };
  const rowOf = (table: Table, key: string) =>
    table.rows.find((r) => r.organisationId === key || r.service === key)!;

  describe('a jobcenter with two providers over three months', () => {
    let w: ReferralWorld;
    let providerP3: string;
    let contractP3: string;
    let leadB: TestUser;
    let p1Name: string;
    let p3Name: string;
    const Q = '?year=2026';

    /*
     * 29 referrals of A (P1: Jan 6, Feb 7, Mar 3; P3: Jan 5, Mar 8) — by state: requested 6,
     * in_progress 5, on_hold 2, completed 8 (goals_reached 5, handed_over 3), rejected 5,
     * cancelled 3 (client_moved_away). Debt regulation is requested too by 2 in Jan and 6 in
     * Feb. 15 were accepted (acceptance after 1,1,2,2,2,3,3,3,3,4,4,5,6,7,10 days); all of them
     * had a first contact, 6 of a client who released participation (after 1–6 days), 9 of one
     * who did not (after 20 days); the 8 completed closed 10, 20, …, 80 days after sending.
     */
    beforeAll(async () => {
      w = await buildReferralWorld(app, { capacity: 40 });
      const p3 = await createOrganisation(app, OrganisationKind.Provider);
      providerP3 = p3.id;
      contractP3 = (
        await createContract(app, {
          jobcenterId: w.jobcenterA,
          providerId: providerP3,
          capacity: 20,
        })
      ).id;
      leadB = await createUser(app, { roles: [Role.JobcenterLead], organisationId: w.jobcenterB });
      const released = await createClient(app, { jobcenterId: w.jobcenterA });
      const unreleased = await createClient(app, { jobcenterId: w.jobcenterA });

      const acceptDays = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6, 7, 10];
      const closeDays = [10, 20, 30, 40, 50, 60, 70, 80];
      let accepted = 0;
      let completed = 0;
      const debt: Record<string, number> = { '2026-01': 2, '2026-02': 6 };
      const cells: [string, string, [ReferralState, string | null][]][] = [
        [
          'P1',
          '2026-01',
          [
            [S.Completed, 'goals_reached'],
            [S.Completed, 'goals_reached'],
            [S.Completed, 'goals_reached'],
            [S.Completed, 'handed_over'],
            [S.InProgress, null],
            [S.InProgress, null],
          ],
        ],
        [
          'P1',
          '2026-02',
          [
            ...Array.from({ length: 6 }, () => [S.Requested, null] as [ReferralState, null]),
            [S.Rejected, 'no_capacity'],
          ],
        ],
        [
          'P1',
          '2026-03',
          [
            [S.Completed, 'goals_reached'],
            [S.Completed, 'goals_reached'],
            [S.Completed, 'handed_over'],
          ],
        ],
        [
          'P3',
          '2026-01',
          [
            [S.Rejected, 'no_capacity'],
            [S.Rejected, 'no_capacity'],
            [S.Rejected, 'no_capacity'],
            [S.Rejected, 'no_capacity'],
            [S.Cancelled, 'client_moved_away'],
          ],
        ],
        [
          'P3',
          '2026-03',
          [
            [S.Completed, 'handed_over'],
            [S.InProgress, null],
            [S.InProgress, null],
            [S.InProgress, null],
            [S.OnHold, null],
            [S.OnHold, null],
            [S.Cancelled, 'client_moved_away'],
            [S.Cancelled, 'client_moved_away'],
          ],
        ],
      ];
      const releasedReferrals: Referral[] = [];
      for (const [provider, month, referrals] of cells) {
        for (const [k, [state, outcome]] of referrals.entries()) {
          const isAccepted = [S.InProgress, S.OnHold, S.Completed].includes(state);
          const releasedClient = isAccepted && accepted < 6;
          const closed = [S.Completed, S.Rejected, S.Cancelled].includes(state);
          const withDebt = (debt[month] ?? 0) > 0;
          if (withDebt) debt[month] -= 1;
          const referral = await sent(w, state, {
            sentAt: new Date(Date.parse(`${month}-05T09:00:00Z`) + k * 3_600_000),
            ...(provider === 'P3' ? { providerId: providerP3, contractId: contractP3 } : {}),
            clientId: releasedClient ? released.id : unreleased.id,
            acceptDays: isAccepted ? acceptDays[accepted] : null,
            contactDays: isAccepted ? (releasedClient ? accepted + 1 : 20) : null,
            closeDays: state === S.Completed ? closeDays[completed++] : closed ? 5 : null,
            outcome,
            services: withDebt
              ? [ServiceKind.OutreachHomeVisits, ServiceKind.DebtRegulation]
              : [ServiceKind.OutreachHomeVisits],
          });
          if (releasedClient) releasedReferrals.push(referral);
          if (isAccepted) accepted++;
        }
      }
      // Consent is purpose-bound: the released client released participation for each referral.
      for (const referral of releasedReferrals) {
        await consent(w, released.id, referral.id, [DataCategory.Participation]);
      }

      // Jobcenter B refers 5 clients to P2: never in A's figures, nor in P1's.
      const clientB = await createClient(app, { jobcenterId: w.jobcenterB });
      for (let k = 0; k < 5; k++) {
        await sent(w, S.Requested, {
          sentAt: new Date('2026-02-10T10:00:00Z'),
          jobcenterId: w.jobcenterB,
          providerId: w.providerP2,
          contractId: null,
          clientId: clientB.id,
          caseManagerId: w.caseworkerB.userId,
        });
      }

      // Names a spreadsheet would misread, for the CSV.
      const tag = randomUUID().slice(0, 8);
      p1Name = `=SUM(A1) ${tag}`;
      p3Name = `Träger "Nord", Essen ${tag}`;
      await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [w.providerP1, p1Name]);
      await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [providerP3, p3Name]);
    });

    it('runs the disclosure-control step on the audit’s thread, off the event loop (ADR 0012)', async () => {
      const run = jest.spyOn(DisclosureThread.prototype, 'run');
      try {
        const res = await stats(w.leadA, Q).expect(200);
        expect(run).toHaveBeenCalledTimes(1);
        const outcome = await run.mock.results[0].value;
        expect(res.body.disclosureCheck).toBe(outcome.failedClosed ? 'incomplete' : 'complete');
        expect(res.body.byState.total).toEqual(n(29));
      } finally {
        run.mockRestore();
      }
    });

    it('counts by state and outcome, every code listed, the open states protected against the capacity figures', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        perspective: 'jobcenter',
        year: 2026,
        from: '2026-01',
        to: '2026-12',
        minimumCount: 5,
      });
      expect(res.body.months).toEqual(MONTHS_2026);
      expect(Date.parse(res.body.computedAt)).not.toBeNaN();
      // The open referrals per contract are published (8 and 5, as booking needs them): with
      // them, requested 6 would give on_hold 2 and in_progress 5 back, so all three are hidden.
      expect(byState(res.body)).toEqual({
        requested: 'S',
        accepted: 0,
        in_progress: 'S',
        on_hold: 'S',
        completed: 'S',
        ended: 0,
        rejected: 'S',
        cancelled: 'S',
      });
      expect(res.body.byState.total).toEqual(n(29));
      expect(group(res.body, 'completed')).toEqual({
        total: 'S',
        goals_reached: 'S',
        handed_over: 'S',
        other: 0,
        unspecified: 0,
      });
      expect(group(res.body, 'cancelled')).toEqual({
        total: 'S',
        client_moved_away: 'S',
        no_longer_needed: 0,
        other: 0,
        unspecified: 0,
      });
      expect(group(res.body, 'ended')).toEqual({
        total: 0,
        client_unreachable: 0,
        client_declined: 0,
        client_withdrew: 0,
        other: 0,
        not_released: 0,
        unspecified: 0,
      });
    });

    it('lets no suppressed figure be recovered from everything one response publishes (exact integer attack)', async () => {
      const jobcenter = await stats(w.leadA, Q).expect(200);
      const provider = await stats(w.leadP1, Q).expect(200);
      expect(recovered([jobcenter.body])).toEqual([]);
      expect(recovered([provider.body])).toEqual([]);
      // The attacker is not blind: the state counts as published before (requested 6,
      // in_progress 5, completed 8, rejected 5; on_hold and cancelled suppressed) give on_hold
      // back with the capacity figures (8 + 5 open), and cancelled with the total.
      const before = structuredClone(jobcenter.body) as { byState: { items: Cell[] } };
      for (const [i, count] of [
        [0, 6],
        [2, 5],
        [4, 8],
        [6, 5],
      ]) {
        before.byState.items[i] = { ...before.byState.items[i], count, suppressed: false };
      }
      expect(recovered([before as typeof jobcenter.body]).map((r) => r.name)).toEqual(
        expect.arrayContaining(['2026 state on_hold', '2026 state cancelled']),
      );
    });

    it('tabulates providers × months with margins, secondary suppression in rows and columns', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      const table = res.body.byProviderAndMonth as Table;
      expect(res.body).not.toHaveProperty('byJobcenterAndMonth');
      expect(table.rows.map((r) => r.organisationId).sort()).toEqual(
        [w.providerP1, providerP3].sort(),
      );
      const later = Array.from({ length: 9 }, () => n(0));
      // P1: 6, 7, 3 and P3: 5, 0, 8; January and February's totals are hidden too, or the
      // service table (every referral requests outreach) would pin debt regulation's 2 and 6.
      expect(rowOf(table, w.providerP1)).toMatchObject({
        organisationName: p1Name,
        cells: [SUPPRESSED, SUPPRESSED, SUPPRESSED, ...later],
        total: n(16),
      });
      expect(rowOf(table, providerP3)).toMatchObject({
        cells: [SUPPRESSED, n(0), SUPPRESSED, ...later],
        total: n(13),
      });
      expect(table.columnTotals).toEqual([SUPPRESSED, SUPPRESSED, n(11), ...later]);
      expect(table.total).toEqual(n(29));
    });

    it('counts a referral once per requested service', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      const table = res.body.byServiceAndMonth as Table;
      const later = Array.from({ length: 9 }, () => n(0));
      expect(table.rows.map((r) => r.service)).toEqual(Object.values(ServiceKind));
      expect(rowOf(table, ServiceKind.OutreachHomeVisits)).toEqual({
        service: ServiceKind.OutreachHomeVisits,
        cells: [SUPPRESSED, SUPPRESSED, n(11), ...later],
        total: n(29),
      });
      expect(rowOf(table, ServiceKind.DebtRegulation)).toEqual({
        service: ServiceKind.DebtRegulation,
        cells: [SUPPRESSED, SUPPRESSED, n(0), ...later],
        total: n(8),
      });
      expect(rowOf(table, ServiceKind.HousingSecurity).total).toEqual(n(0));
      expect(table.columnTotals).toEqual([n(13), n(13), n(11), ...later]);
      expect(table.total).toEqual(n(37));
    });

    it('withholds the rate and a median whose base is suppressed, and shows each base', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      // 20 decided, 15 accepted: but the accepted count with the state counts would give the
      // hidden rejected and cancelled ones back, so it is hidden, and the rate and the median
      // over it are withheld.
      expect(res.body.acceptanceRate).toEqual({
        rate: null,
        suppressed: true,
        accepted: SUPPRESSED,
        decided: n(20),
      });
      expect(res.body.medianDaysToAcceptance).toEqual({
        days: null,
        suppressed: true,
        basis: SUPPRESSED,
        releasedOnly: false,
      });
      // Released: 1–6 days (median 3.5); the 9 unreleased at 20 days would make it 20.
      expect(res.body.medianDaysToFirstContact).toEqual({
        days: 3.5,
        suppressed: false,
        basis: n(6),
        releasedOnly: true,
      });
      expect(res.body.medianDaysToClosure).toEqual({
        days: 45,
        suppressed: false,
        basis: n(8),
        releasedOnly: false,
      });
    });

    it('reports the capacity use of the contracts valid today, unsuppressed', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      const use = (res.body.capacityUse as Record<string, unknown>[]).map((c) => ({
        contractId: c.contractId,
        capacity: c.capacity,
        openReferrals: c.openReferrals,
        share: c.share,
      }));
      expect(use).toHaveLength(2);
      expect(use).toEqual(
        expect.arrayContaining([
          { contractId: w.contract.id, capacity: 40, openReferrals: 8, share: 0.2 },
          { contractId: contractP3, capacity: 20, openReferrals: 5, share: 0.25 },
        ]),
      );
    });

    it('shows a provider lead only the referrals sent to its provider, every jobcenter × month', async () => {
      const res = await stats(w.leadP1, Q).expect(200);
      expect(res.body.perspective).toBe('provider');
      expect(res.body).not.toHaveProperty('byProviderAndMonth');
      const table = res.body.byJobcenterAndMonth as Table;
      expect(table.rows).toHaveLength(1);
      expect(rowOf(table, w.jobcenterA).cells.slice(0, 3)).toEqual([
        SUPPRESSED,
        SUPPRESSED,
        SUPPRESSED,
      ]);
      expect(byState(res.body)).toMatchObject({
        requested: 'S',
        accepted: 0,
        in_progress: 'S',
        ended: 0,
        rejected: 'S',
      });
      // Its own first contacts all count: 1–6 days for six, 20 for three (P1's nine accepted).
      expect(res.body.medianDaysToFirstContact).toMatchObject({ releasedOnly: false });
      expect((res.body.capacityUse as { contractId: string }[]).map((c) => c.contractId)).toEqual([
        w.contract.id,
      ]);
    });

    it('never shows another jobcenter’s or provider’s referrals', async () => {
      const leadB_ = await stats(leadB, Q).expect(200);
      const tableB = leadB_.body.byProviderAndMonth as Table;
      expect(tableB.rows.map((r) => r.organisationId)).toEqual([w.providerP2]);
      expect(tableB.total).toEqual(n(5));
      expect(byState(leadB_.body).requested).toBe(5);
      expect(JSON.stringify(leadB_.body)).not.toContain(w.providerP1);

      const leadP2 = await stats(w.leadP2, Q).expect(200);
      const tableP2 = leadP2.body.byJobcenterAndMonth as Table;
      expect(tableP2.rows.map((r) => r.organisationId)).toEqual([w.jobcenterB]);
      expect(JSON.stringify(leadP2.body)).not.toContain(w.jobcenterA);

      const leadA = await stats(w.leadA, Q).expect(200);
      expect(JSON.stringify(leadA.body)).not.toContain(w.providerP2);
      expect(JSON.stringify(leadA.body)).not.toContain(w.jobcenterB);
    });

    it('serves one table as CSV: empty suppressed cells, every text quoted, formulas neutralised', async () => {
      const res = await stats(w.leadA, Q).set('Accept', 'text/csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="referrals-byProviderAndMonth-2026.csv"',
      );
      expect(res.headers.vary).toMatch(/Accept/);
      const lines = res.text.split('\r\n');
      const months = MONTHS_2026.map((m) => `"${m}"`).join(',');
      const zeros = ',0,0,0,0,0,0,0,0,0';
      expect(lines[0]).toBe(`"providerId","provider",${months},"total"`);
      const tag = p1Name.split(' ')[1];
      expect(lines).toContain(`"${w.providerP1}","'=SUM(A1) ${tag}",,,${zeros},16`);
      expect(lines).toContain(`"${providerP3}","Träger ""Nord"", Essen ${tag}",,0,${zeros},13`);
      expect(lines).toContain(`,"total",,,11${zeros},29`);
      expect(lines).toHaveLength(5);
      expect(lines[4]).toBe('');
    });

    it('serves the other tables as CSV by ?table=, the end reasons marked', async () => {
      const csv = async (table: string) =>
        (await stats(w.leadA, `${Q}&table=${table}`).set('Accept', 'text/csv').expect(200)).text;
      expect(await csv('byState')).toBe(
        [
          '"state","count"',
          '"requested",',
          '"accepted",0',
          '"in_progress",',
          '"on_hold",',
          '"completed",',
          '"ended",0',
          '"rejected",',
          '"cancelled",',
          '"total",29',
          '',
        ].join('\r\n'),
      );
      const outcome = await csv('byOutcome');
      expect(outcome.split('\r\n')).toEqual(
        expect.arrayContaining([
          '"state","outcome","count","releasedOnly"',
          '"completed","goals_reached",,"false"',
          '"completed","total",,"false"',
          '"ended","client_withdrew",0,"true"',
          '"ended","not_released",0,"false"',
        ]),
      );
      expect(await csv('summary')).toBe(
        [
          '"measure","value","basis","releasedOnly"',
          '"acceptanceRate",,20,"false"',
          '"medianDaysToAcceptance",,,"false"',
          '"medianDaysToFirstContact",3.5,6,"true"',
          '"medianDaysToClosure",45,8,"false"',
          '',
        ].join('\r\n'),
      );
      const services = (await csv('byServiceAndMonth')).split('\r\n');
      expect(services[0]).toBe(`"service",${MONTHS_2026.map((m) => `"${m}"`).join(',')},"total"`);
      expect(services).toContain('"debt_regulation",,,0,0,0,0,0,0,0,0,0,0,8');
      const capacity = (await csv('capacityUse')).split('\r\n');
      expect(capacity[0]).toBe(
        '"contractId","contractNumber","providerId","provider","jobcenterId","jobcenter","services","capacity","openReferrals","share"',
      );
      expect(capacity.find((l) => l.startsWith(`"${w.contract.id}"`))).toContain(
        `"'=SUM(A1) ${p1Name.split(' ')[1]}"`,
      );
      // The provider's table is not the jobcenter's.
      const res = await stats(w.leadA, `${Q}&table=byJobcenterAndMonth`).set('Accept', 'text/csv');
      expectProblem(res, 400, 'validation-error');
      const own = await stats(w.leadP1, `${Q}&table=byJobcenterAndMonth`)
        .set('Accept', 'text/csv')
        .expect(200);
      expect(own.text.split('\r\n')[0]).toBe(
        `"jobcenterId","jobcenter",${MONTHS_2026.map((m) => `"${m}"`).join(',')},"total"`,
      );
    });

    it('writes CSV for German spreadsheets with ?separator=semicolon: semicolons, decimal commas, a BOM', async () => {
      const res = await stats(w.leadA, `${Q}&table=summary&separator=semicolon`)
        .set('Accept', 'text/csv; header=present; charset=utf-8')
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(res.text.startsWith('\uFEFF"measure";"value";"basis";"releasedOnly"\r\n')).toBe(true);
      expect(res.text).toContain('"medianDaysToFirstContact";3,5;6;"true"\r\n');
    });

    it('negotiates the media type from Accept', async () => {
      for (const accept of [
        '*/*',
        'application/json',
        'text/csv;q=0.5, application/json',
        'text/html',
      ]) {
        const res = await stats(w.leadA, Q).set('Accept', accept).expect(200);
        expect([accept, res.headers['content-type']]).toEqual([
          accept,
          expect.stringMatching(/^application\/json/),
        ]);
      }
      for (const accept of ['text/csv', 'application/json;q=0.9, text/csv', 'text/csv, */*']) {
        const res = await stats(w.leadA, Q).set('Accept', accept).expect(200);
        expect([accept, res.headers['content-type']]).toEqual([
          accept,
          'text/csv; charset=utf-8; header=present',
        ]);
      }
    });
  });

  describe('end reasons and first contacts are participation content', () => {
    let w: ReferralWorld;
    const Q = '?year=2026';

    /*
     * 13 ended referrals of A to P1 in January 2026: 5 of a client who released participation
     * by P1 to A (client_unreachable; 4 with a first contact), 8 of clients whose consent does
     * not release it now — no consent, revoked, superseded by a record without it, released by
     * another provider, to another jobcenter, another category only, expired, not yet valid —
     * all client_declined, all with a first contact.
     */
    beforeAll(async () => {
      w = await buildReferralWorld(app);
      const sentAt = new Date('2026-01-12T10:00:00Z');
      const released = await createClient(app, { jobcenterId: w.jobcenterA });
      for (let k = 0; k < 5; k++) {
        const referral = await sent(w, S.Ended, {
          sentAt,
          clientId: released.id,
          acceptDays: 2,
          contactDays: k < 4 ? 1 : null,
          closeDays: 40,
        });
        await endedWith(w, referral, 'client_unreachable');
        // Purpose-bound: a release for each referral whose reason may count.
        await consent(w, released.id, referral.id, [DataCategory.Participation]);
      }
      const variants: ((clientId: string, referralId: string) => Promise<unknown>)[] = [
        () => Promise.resolve(),
        (c, r) => consent(w, c, r, [DataCategory.Participation], { revoked: true }),
        async (c, r) => {
          const first = await consent(w, c, r, [DataCategory.Participation], {
            validFrom: '-2 hours',
          });
          await consent(w, c, r, [DataCategory.Health], { supersedes: first });
        },
        (c, r) => consent(w, c, r, [DataCategory.Participation], { releasing: w.providerP2 }),
        (c, r) => consent(w, c, r, [DataCategory.Participation], { recipient: w.jobcenterB }),
        (c, r) => consent(w, c, r, [DataCategory.Health, DataCategory.Goals]),
        (c, r) =>
          consent(w, c, r, [DataCategory.Participation], {
            validFrom: '-2 days',
            validUntil: '-1 hour',
          }),
        (c, r) => consent(w, c, r, [DataCategory.Participation], { validFrom: '1 day' }),
      ];
      for (const variant of variants) {
        const client = await createClient(app, { jobcenterId: w.jobcenterA });
        const referral = await sent(w, S.Ended, {
          sentAt,
          clientId: client.id,
          acceptDays: 2,
          contactDays: 1,
          closeDays: 40,
        });
        await endedWith(w, referral, 'client_declined');
        await variant(client.id, referral.id);
      }
    });

    it('counts an end reason for the jobcenter only where the client released participation now', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      expect(byState(res.body).ended).toBe(13);
      expect(group(res.body, 'ended')).toEqual({
        total: 13,
        client_unreachable: 5,
        client_declined: 0,
        client_withdrew: 0,
        other: 0,
        not_released: 8,
        unspecified: 0,
      });
      // Four released first contacts are too few for a median; the closing is commissioning data.
      expect(res.body.medianDaysToFirstContact).toMatchObject({ days: null, suppressed: true });
      expect(res.body.medianDaysToClosure).toMatchObject({ days: 40, suppressed: false });
    });

    it('gives the provider, the author, all of its end reasons and first contacts', async () => {
      const res = await stats(w.leadP1, Q).expect(200);
      expect(group(res.body, 'ended')).toEqual({
        total: 13,
        client_unreachable: 5,
        client_declined: 8,
        client_withdrew: 0,
        other: 0,
        unspecified: 0,
      });
      expect(res.body.medianDaysToFirstContact).toMatchObject({ days: 1, suppressed: false });
    });

    it('counts an end without a recorded reason as unspecified, for the provider too', async () => {
      const fresh = await buildReferralWorld(app);
      for (let k = 0; k < 5; k++) {
        await sent(fresh, S.Ended, {
          sentAt: new Date('2026-01-12T10:00:00Z'),
          acceptDays: 1,
          closeDays: 10,
        });
      }
      expect(group((await stats(fresh.leadP1, Q).expect(200)).body, 'ended')).toMatchObject({
        total: 5,
        unspecified: 5,
      });
      expect(group((await stats(fresh.leadA, Q).expect(200)).body, 'ended')).toMatchObject({
        total: 5,
        not_released: 5,
      });
    });

    it('counts a revoked release as none from the very next request', async () => {
      const fresh = await buildReferralWorld(app);
      const { clientId, referrals } = await endedCase(fresh, 6, 'other');
      const client = { id: clientId };
      for (const referral of referrals) {
        await consent(fresh, client.id, referral.id, [DataCategory.Participation]);
      }
      expect(group((await stats(fresh.leadA, Q).expect(200)).body, 'ended')).toMatchObject({
        other: 6,
        not_released: 0,
      });
      await db.query(
        `UPDATE consent_grants SET revoked_at = now(), revoked_by = $2
          WHERE consent_id IN (SELECT id FROM consent_records WHERE client_id = $1)`,
        [client.id, fresh.workerP1.userId],
      );
      expect(group((await stats(fresh.leadA, Q).expect(200)).body, 'ended')).toMatchObject({
        other: 0,
        not_released: 6,
        unspecified: 0,
      });
    });

    it('counts an end reason only by the release for that very referral (purpose binding)', async () => {
      const fresh = await buildReferralWorld(app);
      const { clientId, referrals } = await endedCase(fresh, 10, 'client_declined', {
        contactDays: 1,
      });
      // Participation released for five of the ten referrals: the other five stay closed.
      for (const referral of referrals.slice(0, 5)) {
        await consent(fresh, clientId, referral.id, [DataCategory.Participation]);
      }
      const res = await stats(fresh.leadA, Q).expect(200);
      expect(group(res.body, 'ended')).toMatchObject({
        total: 10,
        client_declined: 5,
        not_released: 5,
      });
    });

    it('never shows the reason of an unreleased end, even when it would be the only one', async () => {
      const fresh = await buildReferralWorld(app);
      await endedCase(fresh, 6, 'client_withdrew', {
        sentAt: '2026-01-20T10:00:00Z',
        contactDays: 1,
      });
      const res = await stats(fresh.leadA, Q).expect(200);
      expect(group(res.body, 'ended')).toEqual({
        total: 6,
        client_unreachable: 0,
        client_declined: 0,
        client_withdrew: 0,
        other: 0,
        not_released: 6,
        unspecified: 0,
      });
      const csv = await stats(fresh.leadA, `${Q}&table=byOutcome`).set('Accept', 'text/csv');
      // The reasons say that they count released ends only: a 0 here is not "nobody withdrew".
      expect(csv.text).toContain('"ended","client_withdrew",0,"true"\r\n');
      expect(csv.text).toContain('"ended","not_released",6,"false"\r\n');
      expect(
        (res.body.byOutcome as Group[])
          .find((g) => g.state === 'ended')!
          .outcomes.map((o) => [o.outcome, (o as { releasedOnly?: boolean }).releasedOnly]),
      ).toEqual([
        ['client_unreachable', true],
        ['client_declined', true],
        ['client_withdrew', true],
        ['other', true],
        ['not_released', false],
        ['unspecified', false],
      ]);
      // And a single one: the not_released count is small, the reason still absent.
      const single = await buildReferralWorld(app);
      const referral = await sent(single, S.Ended, {
        sentAt: new Date('2026-01-20T10:00:00Z'),
        acceptDays: 1,
        closeDays: 10,
      });
      await endedWith(single, referral, 'client_withdrew');
      const one = await stats(single.leadA, Q).expect(200);
      expect(group(one.body, 'ended')).toEqual({
        total: 'S',
        client_unreachable: 0,
        client_declined: 0,
        client_withdrew: 0,
        other: 0,
        not_released: 'S',
        unspecified: 0,
      });
    });
  });

  describe('the acceptance rate', () => {
    const Q = '?year=2026';

    /** A fresh world with referrals sent in February 2026, `count` of each state given. */
    async function worldWith(
      counts: [ReferralState, number, { accepted?: boolean; outcome?: string }?][],
    ): Promise<ReferralWorld> {
      const world = await buildReferralWorld(app);
      for (const [state, count, options] of counts) {
        const accepted =
          options?.accepted ?? [S.Accepted, S.InProgress, S.OnHold, S.Completed].includes(state);
        for (let k = 0; k < count; k++) {
          await sent(world, state, {
            sentAt: new Date('2026-02-03T10:00:00Z'),
            acceptDays: accepted ? 2 : null,
            closeDays: [S.Completed, S.Rejected, S.Cancelled].includes(state) ? 9 : null,
            outcome: options?.outcome ?? null,
          });
        }
      }
      return world;
    }

    it('is accepted (also if cancelled since) among accepted or rejected', async () => {
      const world = await worldWith([
        [S.Completed, 10, { outcome: 'goals_reached' }],
        [S.Rejected, 5, { outcome: 'not_suitable' }],
        [S.Cancelled, 5, { accepted: true, outcome: 'client_moved_away' }],
      ]);
      const res = await stats(world.leadA, Q).expect(200);
      expect(res.body.acceptanceRate).toEqual({
        rate: 0.75,
        suppressed: false,
        accepted: n(15),
        decided: n(20),
      });
      expect(res.body.medianDaysToAcceptance).toMatchObject({ days: 2, suppressed: false });
      expect(res.body.medianDaysToClosure).toMatchObject({ days: 9, suppressed: false });
    });

    it('is withheld over fewer than 5 decided referrals', async () => {
      const world = await worldWith([
        [S.Completed, 3, { outcome: 'goals_reached' }],
        [S.Rejected, 1, { outcome: 'not_suitable' }],
      ]);
      const res = await stats(world.leadA, Q).expect(200);
      expect(res.body.acceptanceRate).toEqual({
        rate: null,
        suppressed: true,
        accepted: SUPPRESSED,
        decided: SUPPRESSED,
      });
      expect(res.body.medianDaysToAcceptance).toMatchObject({ days: null, suppressed: true });
    });

    it('is withheld when, with the published counts, it would give a suppressed count back', async () => {
      // requested 3 and on_hold 4 protect each other in byState; but 24 accepted of 34
      // decided, with rejected 10 and completed 20 published, would pin on_hold at 4 (and the
      // capacity figure, 7 open, adds requested + on_hold).
      const world = await worldWith([
        [S.Requested, 3],
        [S.OnHold, 4],
        [S.Completed, 20, { outcome: 'handed_over' }],
        [S.Rejected, 10, { outcome: 'no_capacity' }],
      ]);
      const res = await stats(world.leadA, Q).expect(200);
      expect(byState(res.body)).toMatchObject({ requested: 'S', on_hold: 'S' });
      expect(res.body.acceptanceRate).toMatchObject({ rate: null, suppressed: true });
      expect(recovered([res.body])).toEqual([]);
    });
  });

  describe('reporting periods (the defence against differencing)', () => {
    let w: ReferralWorld;

    beforeAll(async () => {
      w = await buildReferralWorld(app);
    });

    it('counts a referral in the Berlin year and month it was sent; drafts never count', async () => {
      const fresh = await buildReferralWorld(app);
      // 23:30 UTC on 31 December is 00:30 on 1 January in Berlin.
      for (let k = 0; k < 5; k++) {
        await sent(fresh, S.Requested, { sentAt: new Date('2025-12-31T23:30:00Z') });
        await sent(fresh, S.Requested, { sentAt: new Date('2026-01-31T23:30:00Z') });
      }
      await referralInState(app, fresh, S.Draft);
      await referralInState(app, fresh, S.Draft, { sentAt: new Date('2026-01-15T10:00:00Z') });
      const res = await stats(fresh.leadA, '?year=2026').expect(200);
      expect(res.body.byState.total).toEqual(n(10));
      expect(res.body.byProviderAndMonth.columnTotals.slice(0, 3)).toEqual([n(5), n(5), n(0)]);
      const before = await stats(fresh.leadA, '?year=2025').expect(200);
      expect(before.body.byState.total).toEqual(n(0));
      expect(before.body.byProviderAndMonth.rows).toEqual([]);
    });

    it('defaults to the current year', async () => {
      const fresh = await buildReferralWorld(app);
      const year = Number(todayInGermany().slice(0, 4));
      for (let k = 0; k < 5; k++) {
        await sent(fresh, S.Requested, { sentAt: new Date() });
        await sent(fresh, S.Requested, { sentAt: new Date(`${year - 1}-06-15T12:00:00Z`) });
      }
      const res = await stats(fresh.leadA).expect(200);
      expect(res.body).toMatchObject({ year, from: `${year}-01`, to: `${year}-12` });
      expect(res.body.months).toHaveLength(12);
      expect(res.body.byState.total).toEqual(n(5));
    });

    it('accepts whole years only: no period that could differ from another by a few referrals', async () => {
      expect((await stats(w.leadA, '?year=2099').expect(200)).body.year).toBe(2099);
      for (const query of [
        '?year=1999',
        '?year=2100',
        '?year=26',
        '?year=2026-01',
        '?year=',
        '?year=2025&year=2026',
        '?from=2026-01&to=2026-03',
        '?to=2026-01',
        '?table=everything',
        '?table=byState&table=summary',
        '?separator=tab',
        '?month=2026-01',
      ]) {
        const res = await stats(w.leadA, query);
        expect([query, res.status]).toEqual([query, 400]);
        expectProblem(res, 400, 'validation-error');
      }
    });

    it('lets no suppressed figure of any year be recovered from all the years together', async () => {
      // Two years that differ by few referrals in each state, and the capacity figures (open
      // referrals now, whenever sent) that tie them: the attacker gets every year's response.
      const fresh = await buildReferralWorld(app);
      const plan: [string, ReferralState, number][] = [
        ['2025-03-10T10:00:00Z', S.Requested, 2],
        ['2025-03-10T10:00:00Z', S.Completed, 6],
        ['2025-05-10T10:00:00Z', S.InProgress, 5],
        ['2026-02-10T10:00:00Z', S.Requested, 7],
        ['2026-02-10T10:00:00Z', S.OnHold, 1],
        ['2026-04-10T10:00:00Z', S.Rejected, 6],
      ];
      for (const [at, state, count] of plan) {
        for (let k = 0; k < count; k++) {
          await sent(fresh, state, {
            sentAt: new Date(at),
            acceptDays: [S.Requested, S.Rejected].includes(state) ? null : 1,
            closeDays: [S.Completed, S.Rejected].includes(state) ? 20 : null,
            outcome:
              state === S.Completed ? 'goals_reached' : state === S.Rejected ? 'other' : null,
          });
        }
      }
      const years = await Promise.all(
        ['2025', '2026'].map(
          async (y) => (await stats(fresh.leadA, `?year=${y}`).expect(200)).body,
        ),
      );
      expect(byState(years[0]).requested).toBe('S');
      expect(recovered(years)).toEqual([]);
      // Each year alone, with the capacity figure taken as all of that year's open referrals.
      for (const body of years) expect(recovered([body], { allYears: false })).toEqual([]);
    });
  });

  describe('CSV with hostile text in every text column that reaches an export', () => {
    /** RFC 4180 with `separator`: the fields of each record, and whether each was quoted. */
    function parseCsv(text: string, separator: string): { value: string; quoted: boolean }[][] {
      const records: { value: string; quoted: boolean }[][] = [];
      let record: { value: string; quoted: boolean }[] = [];
      let i = 0;
      while (i < text.length) {
        let value = '';
        let quoted = false;
        if (text[i] === '"') {
          quoted = true;
          i++;
          for (;;) {
            if (i >= text.length) throw new Error('unterminated quote');
            if (text[i] === '"' && text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else if (text[i] === '"') {
              i++;
              break;
            } else value += text[i++];
          }
        } else {
          while (i < text.length && text[i] !== separator && text[i] !== '\r') value += text[i++];
          expect(value).not.toMatch(/["\n]/);
        }
        record.push({ value, quoted });
        if (text[i] === separator) i++;
        else if (text.startsWith('\r\n', i)) {
          records.push(record);
          record = [];
          i += 2;
        } else throw new Error(`unexpected ${JSON.stringify(text.slice(i, i + 10))}`);
      }
      return records;
    }

    const HOSTILE = [
      'X;=1+1;',
      '=HYPERLINK("http://x")',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\tTab',
      'a,b;"c"\r\nd',
    ];

    it('quotes every text field, neutralises every formula, and keeps every line whole', async () => {
      const w = await buildReferralWorld(app);
      const tag = randomUUID().slice(0, 6);
      const [providerName, jobcenterName, contractNumber] = [
        `${HOSTILE[1]} ${HOSTILE[6]} ${tag}`,
        `${HOSTILE[4]};${HOSTILE[2]} ${tag}`,
        HOSTILE[0],
      ];
      await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [
        w.providerP1,
        providerName,
      ]);
      await db.query('UPDATE organisations SET name = $2 WHERE id = $1', [
        w.jobcenterA,
        jobcenterName,
      ]);
      await db.query('UPDATE contracts SET number = $2 WHERE id = $1', [
        w.contract.id,
        contractNumber,
      ]);
      for (let k = 0; k < 6; k++) {
        await sent(w, S.Requested, { sentAt: new Date('2026-03-03T10:00:00Z') });
      }
      const exports: [TestUser, string][] = [
        [w.leadA, 'byProviderAndMonth'],
        [w.leadA, 'capacityUse'],
        [w.leadP1, 'byJobcenterAndMonth'],
        [w.leadP1, 'capacityUse'],
      ];
      for (const [user, table] of exports) {
        for (const [separator, query] of [
          [',', ''],
          [';', '&separator=semicolon'],
        ]) {
          const res = await stats(user, `?year=2026&table=${table}${query}`)
            .set('Accept', 'text/csv')
            .expect(200);
          const text = separator === ';' ? res.text.replace(/^\uFEFF/, '') : res.text;
          expect([table, separator, res.text.startsWith('\uFEFF')]).toEqual([
            table,
            separator,
            separator === ';',
          ]);
          const records = parseCsv(text, separator);
          const width = records[0].length;
          for (const record of records) {
            expect([table, record.length]).toEqual([table, width]);
            for (const field of record) {
              // Numbers and empty cells bare; every text quoted and never a formula.
              if (!field.quoted) expect(field.value).toMatch(/^(\d+([.,]\d+)?)?$/);
              expect(field.value).not.toMatch(/^[=+\-@\t\r\n]/);
            }
          }
          const texts = records.flat().map((f) => f.value.replace(/^'/, ''));
          const expected =
            table === 'capacityUse'
              ? [providerName, jobcenterName, contractNumber]
              : [user === w.leadA ? providerName : jobcenterName];
          for (const value of expected) expect(texts).toContain(value);
        }
      }
    });
  });

  describe('who may read statistics', () => {
    it('is the leads only: case managers, workers, auditors and admins get 403', async () => {
      const w = await buildReferralWorld(app);
      for (const user of [w.caseworkerA, w.workerP1, w.auditorA, w.admin]) {
        expectProblem(await stats(user), 403, 'forbidden');
        expectProblem(await stats(user).set('Accept', 'text/csv'), 403, 'forbidden');
      }
      expectProblem(await http.get('anonymous', URL), 401, 'unauthorized');
    });
  });
});
