import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { todayInGermany } from '../../src/common/calendar';
import { DataCategory } from '../../src/confidentiality/data-category';
import { OrganisationKind } from '../../src/identity/organisation.entity';
import { ServiceKind } from '../../src/providers/service-kind';
import { ReferralState } from '../../src/referrals/referral-state';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from '../factories/clients';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract } from '../factories/providers';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

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
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
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
    return http().get(`${URL}${query}`).set(user.authHeader);
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
    const Q = '?from=2026-01&to=2026-03';

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

    it('counts by state and outcome, suppressing 1–4 and a complement where one would be recoverable', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({
        perspective: 'jobcenter',
        from: '2026-01',
        to: '2026-03',
        months: ['2026-01', '2026-02', '2026-03'],
        minimumCount: 5,
      });
      expect(byState(res.body)).toEqual({
        requested: 6,
        accepted: 0,
        in_progress: 5,
        on_hold: 'S',
        completed: 8,
        ended: 0,
        rejected: 5,
        cancelled: 'S',
      });
      expect(res.body.byState.total).toEqual(n(29));
      // handed_over 3 is small; goals_reached 5 is its complement within the group of 8.
      expect(group(res.body, 'completed')).toEqual({
        total: 8,
        goals_reached: 'S',
        handed_over: 'S',
        other: 0,
      });
      expect(group(res.body, 'rejected')).toEqual({
        total: 5,
        no_capacity: 5,
        outside_service_area: 0,
        not_suitable: 0,
        other: 0,
      });
      expect(group(res.body, 'cancelled')).toEqual({
        total: 'S',
        client_moved_away: 'S',
        no_longer_needed: 0,
        other: 0,
      });
      expect(group(res.body, 'ended')).toEqual({
        total: 0,
        client_unreachable: 0,
        client_declined: 0,
        client_withdrew: 0,
        other: 0,
        not_released: 0,
      });
    });

    it('tabulates providers × months with margins, secondary suppression in rows and columns', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      const table = res.body.byProviderAndMonth as Table;
      expect(res.body).not.toHaveProperty('byJobcenterAndMonth');
      expect(table.rows.map((r) => r.organisationId).sort()).toEqual(
        [w.providerP1, providerP3].sort(),
      );
      // P1: 6, 7, 3 → the 3 is small, the 6 its row complement; then P3's 5 and 8 in the
      // columns of January and March: four cells that can only be solved together.
      expect(rowOf(table, w.providerP1)).toMatchObject({
        organisationName: p1Name,
        cells: [SUPPRESSED, n(7), SUPPRESSED],
        total: n(16),
      });
      expect(rowOf(table, providerP3)).toMatchObject({
        cells: [SUPPRESSED, n(0), SUPPRESSED],
        total: n(13),
      });
      expect(table.columnTotals).toEqual([n(11), n(7), n(11)]);
      expect(table.total).toEqual(n(29));
    });

    it('counts a referral once per requested service', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      const table = res.body.byServiceAndMonth as Table;
      expect(table.rows.map((r) => r.service)).toEqual(Object.values(ServiceKind));
      expect(rowOf(table, ServiceKind.OutreachHomeVisits)).toEqual({
        service: ServiceKind.OutreachHomeVisits,
        cells: [SUPPRESSED, SUPPRESSED, n(11)],
        total: n(29),
      });
      expect(rowOf(table, ServiceKind.DebtRegulation)).toEqual({
        service: ServiceKind.DebtRegulation,
        cells: [SUPPRESSED, SUPPRESSED, n(0)],
        total: n(8),
      });
      expect(rowOf(table, ServiceKind.HousingSecurity).total).toEqual(n(0));
      expect(table.columnTotals).toEqual([n(13), n(13), n(11)]);
      expect(table.total).toEqual(n(37));
    });

    it('computes the medians, the first contact only of released clients', async () => {
      const res = await stats(w.leadA, Q).expect(200);
      // 15 of 20 decided were accepted, but the rate would show that all 3 (suppressed)
      // cancellations came before acceptance: it is withheld (see the acceptance rate tests).
      expect(res.body.acceptanceRate).toEqual({ rate: null, suppressed: true });
      expect(res.body.medianDaysToAcceptance).toEqual({ days: 3, suppressed: false });
      // Released: 1–6 days (median 3.5); the 9 unreleased at 20 days would make it 20.
      expect(res.body.medianDaysToFirstContact).toEqual({ days: 3.5, suppressed: false });
      expect(res.body.medianDaysToClosure).toEqual({ days: 45, suppressed: false });
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
      // One row: the suppressed cells' columns are suppressed too, or they would give them back.
      expect(rowOf(table, w.jobcenterA)).toMatchObject({
        cells: [SUPPRESSED, n(7), SUPPRESSED],
        total: n(16),
      });
      expect(table.columnTotals).toEqual([SUPPRESSED, n(7), SUPPRESSED]);
      expect(byState(res.body)).toEqual({
        requested: 6,
        accepted: 0,
        in_progress: 'S',
        on_hold: 0,
        completed: 7,
        ended: 0,
        rejected: 'S',
        cancelled: 0,
      });
      // Its own first contacts all count: 1–6 days for six, 20 for three (P1's nine accepted).
      expect(res.body.medianDaysToFirstContact).toEqual({ days: 5, suppressed: false });
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

    it('serves one table as CSV: empty suppressed cells, formulas neutralised, RFC 4180 quoting', async () => {
      const res = await stats(w.leadA, Q).set('Accept', 'text/csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="referrals-byProviderAndMonth-2026-01-2026-03.csv"',
      );
      expect(res.headers.vary).toMatch(/Accept/);
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe('providerId,provider,2026-01,2026-02,2026-03,total');
      const tag = p1Name.split(' ')[1];
      expect(lines).toContain(`${w.providerP1},"'=SUM(A1) ${tag}",,7,,16`);
      expect(lines).toContain(`${providerP3},"Träger ""Nord"", Essen ${tag}",,0,,13`);
      expect(lines).toContain(',total,11,7,11,29');
      expect(lines).toHaveLength(5);
      expect(lines[4]).toBe('');
    });

    it('serves the other tables as CSV by ?table=', async () => {
      const csv = async (table: string) =>
        (await stats(w.leadA, `${Q}&table=${table}`).set('Accept', 'text/csv').expect(200)).text;
      expect(await csv('byState')).toBe(
        [
          'state,count',
          'requested,6',
          'accepted,0',
          'in_progress,5',
          'on_hold,',
          'completed,8',
          'ended,0',
          'rejected,5',
          'cancelled,',
          'total,29',
          '',
        ].join('\r\n'),
      );
      const outcome = await csv('byOutcome');
      expect(outcome.split('\r\n')).toEqual(
        expect.arrayContaining([
          'state,outcome,count',
          'completed,goals_reached,',
          'completed,handed_over,',
          'completed,total,8',
          'ended,not_released,0',
        ]),
      );
      expect(await csv('summary')).toBe(
        [
          'measure,value',
          'acceptanceRate,',
          'medianDaysToAcceptance,3',
          'medianDaysToFirstContact,3.5',
          'medianDaysToClosure,45',
          '',
        ].join('\r\n'),
      );
      const services = (await csv('byServiceAndMonth')).split('\r\n');
      expect(services[0]).toBe('service,2026-01,2026-02,2026-03,total');
      expect(services).toContain('debt_regulation,,,0,8');
      const capacity = (await csv('capacityUse')).split('\r\n');
      expect(capacity[0]).toBe(
        'contractId,contractNumber,providerId,provider,jobcenterId,jobcenter,services,capacity,openReferrals,share',
      );
      expect(capacity.find((l) => l.startsWith(w.contract.id))).toContain(
        `"'=SUM(A1) ${p1Name.split(' ')[1]}"`,
      );
      // The provider's table is not the jobcenter's.
      const res = await stats(w.leadA, `${Q}&table=byJobcenterAndMonth`).set('Accept', 'text/csv');
      expectProblem(res, 400, 'validation-error');
      const own = await stats(w.leadP1, `${Q}&table=byJobcenterAndMonth`)
        .set('Accept', 'text/csv')
        .expect(200);
      expect(own.text.split('\r\n')[0]).toBe('jobcenterId,jobcenter,2026-01,2026-02,2026-03,total');
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
        expect([accept, res.headers['content-type']]).toEqual([accept, 'text/csv; charset=utf-8']);
      }
    });
  });

  describe('end reasons and first contacts are participation content', () => {
    let w: ReferralWorld;
    const Q = '?from=2026-01&to=2026-01';

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
      });
      // Four released first contacts are too few for a median; the closing is commissioning data.
      expect(res.body.medianDaysToFirstContact).toEqual({ days: null, suppressed: true });
      expect(res.body.medianDaysToClosure).toEqual({ days: 40, suppressed: false });
    });

    it('gives the provider, the author, all of its end reasons and first contacts', async () => {
      const res = await stats(w.leadP1, Q).expect(200);
      expect(group(res.body, 'ended')).toEqual({
        total: 13,
        client_unreachable: 5,
        client_declined: 8,
        client_withdrew: 0,
        other: 0,
      });
      expect(res.body.medianDaysToFirstContact).toEqual({ days: 1, suppressed: false });
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
      });
      const csv = await stats(fresh.leadA, `${Q}&table=byOutcome`).set('Accept', 'text/csv');
      expect(csv.text).toContain('ended,client_withdrew,0\r\n');
      expect(csv.text).toContain('ended,not_released,6\r\n');
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
      });
    });
  });

  describe('the acceptance rate', () => {
    const Q = '?from=2026-02&to=2026-02';

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
      expect(res.body.acceptanceRate).toEqual({ rate: 0.75, suppressed: false });
      expect(res.body.medianDaysToAcceptance).toEqual({ days: 2, suppressed: false });
      expect(res.body.medianDaysToClosure).toEqual({ days: 9, suppressed: false });
    });

    it('is withheld over fewer than 5 decided referrals', async () => {
      const world = await worldWith([
        [S.Completed, 3, { outcome: 'goals_reached' }],
        [S.Rejected, 1, { outcome: 'not_suitable' }],
      ]);
      const res = await stats(world.leadA, Q).expect(200);
      expect(res.body.acceptanceRate).toEqual({ rate: null, suppressed: true });
      expect(res.body.medianDaysToAcceptance).toEqual({ days: null, suppressed: true });
    });

    it('is withheld when, with the published counts, it would give a suppressed count back', async () => {
      // requested 3 and on_hold 4 protect each other in byState; but 24 accepted of 34
      // decided, with rejected 10 and completed 20 published, would pin on_hold at 4.
      const world = await worldWith([
        [S.Requested, 3],
        [S.OnHold, 4],
        [S.Completed, 20, { outcome: 'handed_over' }],
        [S.Rejected, 10, { outcome: 'no_capacity' }],
      ]);
      const res = await stats(world.leadA, Q).expect(200);
      expect(byState(res.body)).toMatchObject({
        requested: 'S',
        on_hold: 'S',
        completed: 20,
        rejected: 10,
      });
      expect(res.body.acceptanceRate).toEqual({ rate: null, suppressed: true });
    });
  });

  describe('periods', () => {
    let w: ReferralWorld;

    beforeAll(async () => {
      w = await buildReferralWorld(app);
    });

    it('counts a referral in the Berlin month it was sent; drafts never count', async () => {
      const fresh = await buildReferralWorld(app);
      // 23:30 UTC on 31 December is 00:30 on 1 January in Berlin.
      for (let k = 0; k < 5; k++) {
        await sent(fresh, S.Requested, { sentAt: new Date('2025-12-31T23:30:00Z') });
        await sent(fresh, S.Requested, { sentAt: new Date('2026-01-31T23:30:00Z') });
      }
      await referralInState(app, fresh, S.Draft);
      await referralInState(app, fresh, S.Draft, { sentAt: new Date('2026-01-15T10:00:00Z') });
      const res = await stats(fresh.leadA, '?from=2026-01&to=2026-01').expect(200);
      expect(res.body.byState.total).toEqual(n(5));
      expect(res.body.byProviderAndMonth.columnTotals).toEqual([n(5)]);
      const both = await stats(fresh.leadA, '?from=2025-12&to=2026-02').expect(200);
      expect(both.body.byProviderAndMonth.columnTotals).toEqual([n(0), n(5), n(5)]);
    });

    it('defaults to the last twelve months, the current one included', async () => {
      const fresh = await buildReferralWorld(app);
      const current = todayInGermany().slice(0, 7);
      const [year, month] = current.split('-').map(Number);
      const monthsBack = (k: number) => {
        const index = year * 12 + month - 1 - k;
        return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      };
      for (let k = 0; k < 5; k++) {
        await sent(fresh, S.Requested, { sentAt: new Date() });
        await sent(fresh, S.Requested, { sentAt: new Date(`${monthsBack(11)}-15T12:00:00Z`) });
        await sent(fresh, S.Requested, { sentAt: new Date(`${monthsBack(12)}-15T12:00:00Z`) });
      }
      const res = await stats(fresh.leadA).expect(200);
      expect(res.body.from).toBe(monthsBack(11));
      expect(res.body.to).toBe(current);
      expect(res.body.months).toHaveLength(12);
      expect(res.body.byState.total).toEqual(n(10));
      const onlyTo = await stats(fresh.leadA, `?to=${monthsBack(12)}`).expect(200);
      expect(onlyTo.body.from).toBe(monthsBack(23));
      expect(onlyTo.body.byState.total).toEqual(n(5));
    });

    it('accepts up to 36 months and refuses malformed or longer periods', async () => {
      const ok = await stats(w.leadA, '?from=2023-01&to=2025-12').expect(200);
      expect(ok.body.months).toHaveLength(36);
      for (const query of [
        '?from=2026-13',
        '?from=2026-00',
        '?from=2026-1',
        '?from=26-01',
        '?from=2026-01-01',
        '?from=',
        '?to=2026-02&from=2026-03',
        '?from=2023-01&to=2026-01',
        '?from=2026-01&from=2026-02',
        '?to=2026-01&to=2026-01',
        '?table=everything',
        '?table=byState&table=summary',
        '?month=2026-01',
      ]) {
        const res = await stats(w.leadA, query);
        expect([query, res.status]).toEqual([query, 400]);
        expectProblem(res, 400, 'validation-error');
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
      expectProblem(await http().get(URL), 401, 'unauthorized');
    });
  });
});
