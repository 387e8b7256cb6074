import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import type { CreateReportDto } from '../../src/reporting/dto/create-report.dto';
import { ReportKind } from '../../src/reporting/report.entity';
import { ReferralState } from '../../src/common/referral-states';
import type { TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent, reportBody, workedReferral } from '../factories/reports';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/*
 * A report's life: a draft is edited with optimistic concurrency, validated per category and
 * period; submitting makes it immutable (the database refuses too); a correction is a new
 * edition that supersedes the old one once submitted; and a report is possible only while the
 * case is worked, a final one also up to 30 days after it closed.
 */

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe('the life of a report', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let world: ReferralWorld;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  function create(referralId: string, body: object = reportBody(), as: TestUser = world.workerP1) {
    return http.post(as, `/api/v1/referrals/${referralId}/reports`, body);
  }

  function patch(id: string, body: object, ifMatch?: string) {
    return http.patch(world.workerP1, `/api/v1/reports/${id}`, body, { ifMatch });
  }

  function submit(id: string, ifMatch?: string, as: TestUser = world.workerP1) {
    return http.post(as, `/api/v1/reports/${id}/submit`, undefined, { ifMatch });
  }

  async function draft(referralId: string, body: Partial<CreateReportDto> = {}) {
    const res = await create(referralId, reportBody(body));
    expect(res.status).toBe(201);
    return res;
  }

  async function submitted(referralId: string, body: Partial<CreateReportDto> = {}) {
    const created = await draft(referralId, body);
    const res = await submit(created.body.id, created.headers.etag);
    expect(res.status).toBe(200);
    return res;
  }

  /** The fields named in a validation problem. */
  function invalidFields(res: Response): string[] {
    expectProblem(res, 400, 'validation-error');
    return (res.body.errors as { field: string }[]).map((e) => e.field);
  }

  async function auditActions(reportId: string): Promise<string[]> {
    const rows = await db.query<{ action: string }[]>(
      "SELECT action FROM audit_events WHERE resource_type = 'report' AND resource_id = $1 ORDER BY id",
      [reportId],
    );
    return rows.map((r) => r.action);
  }

  describe('drafts', () => {
    it('change only with the current ETag (428 without, 412 when stale); sections are replaced', async () => {
      const referral = await workedReferral(app, world);
      const created = await draft(referral.id, {
        sections: [
          { category: DataCategory.Participation, text: 'Zwei Hausbesuche.' },
          { category: DataCategory.Debts, text: 'Fünf Gläubiger.', fields: { creditors: 5 } },
        ],
      });
      const id = created.body.id as string;
      expect(created.headers.etag).toBe('"1"');
      const housing = {
        category: DataCategory.Housing,
        text: 'Räumungsklage droht.',
        fields: { threatenedLoss: true },
      };

      expectProblem(await patch(id, { sections: [housing] }), 428, 'precondition-required');
      expectProblem(await patch(id, { sections: [housing] }, '*'), 428, 'precondition-required');
      expectProblem(await patch(id, { sections: [housing] }, 'W/"1"'), 412, 'precondition-failed');
      const replaced = await patch(id, { sections: [housing] }, '"1"');
      expect(replaced.status).toBe(200);
      expect(replaced.headers.etag).toBe('"2"');
      expect(replaced.body.sections).toEqual([{ id: expect.any(String), ...housing }]);
      const rows = await db.query<{ position: number; category: string }[]>(
        'SELECT position, category FROM report_sections WHERE report_id = $1',
        [id],
      );
      expect(rows).toEqual([{ position: 0, category: 'housing' }]);
      expectProblem(await patch(id, { kind: 'final' }, '"1"'), 412, 'precondition-failed');

      // Fields left out stay as they were; the sections too.
      const changed = await patch(id, { kind: 'final', periodUntil: '2026-11-15' }, '"2"');
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        kind: 'final',
        periodFrom: '2026-11-01',
        periodUntil: '2026-11-15',
        status: 'draft',
        sections: [{ ...housing }],
      });
      // A section that is a list, not an object, is invalid (it used to reach the database: 500).
      for (const sections of [[[]], [[housing]], [null]]) {
        const bad = await patch(id, { sections }, '"3"');
        expect(invalidFields(bad)).toContain('sections');
      }
      // Sections emptied are emptied.
      const emptied = await patch(id, { sections: [] }, '"3"');
      expect(emptied.body).toMatchObject({ sections: [], nothingReleased: true });
      expect(await auditActions(id)).toEqual([
        'report.create',
        'report.update',
        'report.update',
        'report.update',
      ]);
    });

    it('take one of several concurrent changes with the same ETag (the others 412)', async () => {
      const referral = await workedReferral(app, world);
      const { body } = await draft(referral.id);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          patch(body.id, { sections: [{ category: 'goals', text: `Ziel ${i}` }] }, '"1"'),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const current = await http.get(world.workerP1, `/api/v1/reports/${body.id}`).expect(200);
      expect(current.headers.etag).toBe('"2"');
      expect(current.body.sections).toEqual(winner.body.sections);
    });

    it('refuse nulls and unknown or fixed members', async () => {
      const referral = await workedReferral(app, world);
      const { body } = await draft(referral.id);
      expect(invalidFields(await patch(body.id, { kind: null }, '"1"'))).toEqual(['kind']);
      expect(invalidFields(await patch(body.id, { sections: null }, '"1"'))).toContain('sections');
      expect(invalidFields(await patch(body.id, { correctsId: randomUUID() }, '"1"'))).toEqual([
        'correctsId',
      ]);
      expect(invalidFields(await patch(body.id, { status: 'submitted' }, '"1"'))).toEqual([
        'status',
      ]);
      expect(invalidFields(await create(referral.id, { ...reportBody(), edition: 3 }))).toEqual([
        'edition',
      ]);
    });
  });

  describe('validation', () => {
    const section = (category: string, fields?: unknown, text = 'Text.') => ({
      category,
      text,
      ...(fields === undefined ? {} : { fields }),
    });
    const withSections = (...sections: object[]) => reportBody({ sections } as never);

    it('takes the structured fields each category allows', async () => {
      const referral = await workedReferral(app, world);
      const res = await create(
        referral.id,
        withSections(
          section('housing', { threatenedLoss: true, evictionNoticeReceived: false }),
          section('debts', { totalAmountEur: 12_500, creditors: 4, regulationStarted: true }),
          section('participation', { contactsMade: 3, appointmentsKept: 2, appointmentsMissed: 1 }),
          section('health', { careArranged: true }),
          section('mental_health', { careArranged: false }),
          section('goals', { goalsReached: 1, goalsOpen: 2 }),
          section('family', null),
          section('summary'),
        ),
      );
      expect(res.status).toBe(201);
      expect(res.body.sections.map((s: { fields: unknown }) => s.fields)).toEqual([
        { threatenedLoss: true, evictionNoticeReceived: false },
        { totalAmountEur: 12_500, creditors: 4, regulationStarted: true },
        { contactsMade: 3, appointmentsKept: 2, appointmentsMissed: 1 },
        { careArranged: true },
        { careArranged: false },
        { goalsReached: 1, goalsOpen: 2 },
        null,
        null,
      ]);
    });

    it.each<[string, object[], string[]]>([
      ['an unknown field', [section('housing', { x: 1 })], ['sections.0.fields.x']],
      [
        'an unknown field in a later section',
        [section('summary'), section('debts', { creditors: 1, x: 1 })],
        ['sections.1.fields.x'],
      ],
      [
        'a field of the wrong type',
        [section('housing', { threatenedLoss: 'ja' })],
        ['sections.0.fields.threatenedLoss'],
      ],
      [
        'a negative amount',
        [section('debts', { totalAmountEur: -1 })],
        ['sections.0.fields.totalAmountEur'],
      ],
      [
        'a fractional count',
        [section('debts', { creditors: 2.5 })],
        ['sections.0.fields.creditors'],
      ],
      ['fields on a family section', [section('family', { children: 2 })], ['sections.0.fields']],
      ['fields on a summary section', [section('summary', {})], ['sections.0.fields']],
      ['fields that are a list', [section('housing', [true])], ['sections.0.fields']],
      ['an unknown category', [section('hobbies')], ['sections.0.category']],
      ['an empty text', [section('goals', undefined, '   ')], ['sections.0.text']],
      ['a text too long', [section('goals', undefined, 'x'.repeat(5001))], ['sections.0.text']],
      ['21 sections', Array.from({ length: 21 }, () => section('goals')), ['sections']],
    ])('refuses %s (400 naming it), on create and on change', async (_, sections, fields) => {
      const referral = await workedReferral(app, world);
      expect(invalidFields(await create(referral.id, withSections(...sections)))).toEqual(fields);
      const { body } = await draft(referral.id);
      expect(invalidFields(await patch(body.id, { sections }, '"1"'))).toEqual(fields);
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM reports WHERE referral_id = $1',
        [referral.id],
      );
      expect(n).toBe(1);
      const current = await http.get(world.workerP1, `/api/v1/reports/${body.id}`).expect(200);
      expect(current.headers.etag).toBe('"1"');
    });

    it('refuses a period that ends before it starts, or a day that does not exist', async () => {
      const referral = await workedReferral(app, world);
      const period = (periodFrom: string, periodUntil: string) =>
        create(referral.id, reportBody({ periodFrom, periodUntil }));
      expect(invalidFields(await period('2026-11-02', '2026-11-01'))).toEqual(['periodUntil']);
      expect(invalidFields(await period('2026-02-30', '2026-03-01'))).toEqual(['periodFrom']);
      expect(invalidFields(await period('2026-11-01', '01.12.2026'))).toEqual(['periodUntil']);
      expect((await period('2026-11-01', '2026-11-01')).status).toBe(201);
      const { body } = await draft(referral.id, {
        periodFrom: '2026-11-01',
        periodUntil: '2026-11-30',
      });
      // A change of one end is checked against the other end as stored.
      expect(invalidFields(await patch(body.id, { periodFrom: '2026-12-01' }, '"1"'))).toEqual([
        'periodUntil',
      ]);
      expect(invalidFields(await patch(body.id, { periodUntil: '2026-10-31' }, '"1"'))).toEqual([
        'periodUntil',
      ]);
      expect((await patch(body.id, { periodFrom: '2026-11-30' }, '"1"')).status).toBe(200);
    });
  });

  describe('submitting', () => {
    it('needs the current ETag, and makes the report immutable, also in the database', async () => {
      const referral = await workedReferral(app, world);
      const created = await draft(referral.id, {
        sections: [
          { category: DataCategory.Housing, text: 'Wohnung gesichert.', fields: { secured: true } },
        ],
      });
      const id = created.body.id as string;
      expectProblem(await submit(id), 428, 'precondition-required');
      expectProblem(await submit(id, '"7"'), 412, 'precondition-failed');
      const done = await submit(id, '"1"');
      expect(done.status).toBe(200);
      expect(done.headers.etag).toBe('"2"');
      expect(done.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });

      expectProblem(await patch(id, { kind: 'final' }, '"2"'), 409, 'report-submitted');
      expectProblem(await submit(id, '"2"'), 409, 'report-submitted');
      for (const [sql, params] of [
        ["UPDATE reports SET period_until = '2026-12-31' WHERE id = $1", [id]],
        ["UPDATE reports SET status = 'draft' WHERE id = $1", [id]],
        ['DELETE FROM reports WHERE id = $1', [id]],
        ["UPDATE report_sections SET text = 'geändert' WHERE report_id = $1", [id]],
        ['UPDATE report_sections SET fields = NULL WHERE report_id = $1', [id]],
        ['DELETE FROM report_sections WHERE report_id = $1', [id]],
        [
          `INSERT INTO report_sections (report_id, position, category, text) VALUES ($1, 1, 'health', 'nachträglich')`,
          [id],
        ],
      ] as const) {
        await expect(db.query(sql, [...params])).rejects.toThrow(
          /submitted report cannot be changed/,
        );
      }
      const after = await http.get(world.workerP1, `/api/v1/reports/${id}`).expect(200);
      expect(after.body).toEqual(done.body);
      expect(await auditActions(id)).toEqual(['report.create', 'report.submit']);
    });
  });

  describe('corrections', () => {
    it('are new editions; once submitted, the old one names its successor; each report is corrected once', async () => {
      const referral = await workedReferral(app, world);
      await insertConsent(app, {
        clientId: referral.clientId,
        referralId: referral.id,
        releasingOrganisationId: world.providerP1,
        recordedBy: world.workerP1.userId,
        grants: [
          { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
        ],
      });
      const original = (await submitted(referral.id)).body;
      expect(original).toMatchObject({ edition: 1, correctsId: null, supersededById: null });

      const correction = await draft(referral.id, { correctsId: original.id });
      expect(correction.body).toMatchObject({
        edition: 2,
        correctsId: original.id,
        supersededById: null,
        status: 'draft',
      });
      // A second correction of the same report, even while the first is a draft.
      expectProblem(
        await create(referral.id, reportBody({ correctsId: original.id })),
        409,
        'report-already-corrected',
      );
      const read = (id: string, as: TestUser) => http.get(as, `/api/v1/reports/${id}`).expect(200);
      expect((await read(original.id, world.workerP1)).body.supersededById).toBeNull();
      expect((await read(original.id, world.caseworkerA)).body.supersededById).toBeNull();

      const done = await submit(correction.body.id, correction.headers.etag);
      expect(done.body).toMatchObject({ status: 'submitted', edition: 2, supersededById: null });
      for (const as of [world.workerP1, world.caseworkerA]) {
        expect((await read(original.id, as)).body).toMatchObject({
          status: 'submitted',
          supersededById: correction.body.id,
        });
      }
      const list = await http
        .get(world.caseworkerA, `/api/v1/referrals/${referral.id}/reports`)
        .expect(200);
      expect(
        list.body.items.map((r: { id: string; edition: number; supersededById: string | null }) => [
          r.edition,
          r.supersededById,
        ]),
      ).toEqual([
        [2, null],
        [1, correction.body.id],
      ]);
      expectProblem(
        await create(referral.id, reportBody({ correctsId: original.id })),
        409,
        'report-already-corrected',
      );
      // The chain goes on from its end.
      const third = await draft(referral.id, { correctsId: correction.body.id });
      expect(third.body.edition).toBe(3);
    });

    it('correct only a submitted report of the same referral', async () => {
      const referral = await workedReferral(app, world);
      const other = await workedReferral(app, world);
      const unsubmitted = (await draft(referral.id)).body;
      expect(
        invalidFields(await create(referral.id, reportBody({ correctsId: unsubmitted.id }))),
      ).toEqual(['correctsId']);
      const elsewhere = (await submitted(other.id)).body;
      expectProblem(
        await create(referral.id, reportBody({ correctsId: elsewhere.id })),
        404,
        'not-found',
      );
      expectProblem(
        await create(referral.id, reportBody({ correctsId: randomUUID() })),
        404,
        'not-found',
      );
      expect(invalidFields(await create(referral.id, reportBody({ correctsId: 'abc' })))).toEqual([
        'correctsId',
      ]);
    });
  });

  describe('when a report is possible', () => {
    const kinds = [ReportKind.Initial, ReportKind.Interim, ReportKind.Final];

    it.each([ReferralState.Accepted, ReferralState.InProgress, ReferralState.OnHold])(
      'every kind while the referral is %s',
      async (state) => {
        const referral = await workedReferral(app, world, state);
        for (const kind of kinds) {
          const created = await create(referral.id, reportBody({ kind }));
          expect(created.status).toBe(201);
          expect((await submit(created.body.id, created.headers.etag)).status).toBe(200);
        }
      },
    );

    it.each([ReferralState.Completed, ReferralState.Ended, ReferralState.Cancelled])(
      'only a final one after the referral was %s, up to 30 days after closing',
      async (state) => {
        const referral = await workedReferral(app, world, state, { closedAt: daysAgo(10) });
        for (const kind of [ReportKind.Initial, ReportKind.Interim]) {
          expectProblem(
            await create(referral.id, reportBody({ kind })),
            409,
            'report-not-allowed-now',
          );
        }
        const final = await create(referral.id, reportBody({ kind: ReportKind.Final }));
        expect(final.status).toBe(201);
        expect((await submit(final.body.id, final.headers.etag)).status).toBe(200);

        // 31 days after closing the referral is gone for the provider, and its reports with it.
        const old = await workedReferral(app, world, state, { closedAt: daysAgo(31) });
        for (const kind of kinds) {
          expectProblem(await create(old.id, reportBody({ kind })), 404, 'not-found');
        }
        await db.query('UPDATE referrals SET closed_at = $2 WHERE id = $1', [
          referral.id,
          daysAgo(31),
        ]);
        expectProblem(
          await http.get(world.workerP1, `/api/v1/reports/${final.body.id}`),
          404,
          'not-found',
        );
        expectProblem(
          await http.get(world.workerP1, `/api/v1/referrals/${referral.id}/reports`),
          404,
          'not-found',
        );
      },
    );

    it.each([ReferralState.Requested, ReferralState.Rejected])(
      'none on a referral that was never accepted (%s)',
      async (state) => {
        const referral = await workedReferral(app, world, state);
        for (const kind of kinds) {
          expectProblem(
            await create(referral.id, reportBody({ kind }), world.leadP1),
            409,
            'report-not-allowed-now',
          );
        }
        const [{ n }] = await db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM reports WHERE referral_id = $1',
          [referral.id],
        );
        expect(n).toBe(0);
      },
    );

    it('checks again at submission: a draft interim report cannot be submitted after closing', async () => {
      const referral = await workedReferral(app, world);
      const interim = await draft(referral.id, { kind: ReportKind.Interim });
      const final = await draft(referral.id, { kind: ReportKind.Final });
      await db.query("UPDATE referrals SET state = 'completed', closed_at = now() WHERE id = $1", [
        referral.id,
      ]);
      expectProblem(await submit(interim.body.id, '"1"'), 409, 'report-not-allowed-now');
      expect((await submit(final.body.id, '"1"')).status).toBe(200);
      const late = await draft(referral.id, { kind: ReportKind.Final });
      await db.query('UPDATE referrals SET closed_at = $2 WHERE id = $1', [
        referral.id,
        daysAgo(31),
      ]);
      expectProblem(await submit(late.body.id, '"1"'), 404, 'not-found');
    });
  });
});
