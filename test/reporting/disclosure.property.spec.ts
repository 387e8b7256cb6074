import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuditAction } from '../../src/audit/audit-actions';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReportKind } from '../../src/reporting/report.entity';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { insertConsent } from '../factories/reports';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/*
 * The jobcenter reads submitted reports with exactly the sections the client released to it
 * (docs/security.md item 5; docs/domain.md "Who sees what"): random reports against random consent
 * states, compared with an oracle written from docs/domain.md's rules, not from the policy's SQL.
 * A failing run prints fast-check's seed and path; replay it with FC_SEED=<seed>
 * FC_PATH=<path>, and run more cases with FC_NUM_RUNS=<n>.
 */

const CATEGORIES = Object.values(DataCategory);

type Validity = 'open' | 'until_later' | 'expired' | 'not_yet_valid' | 'superseded';

interface GrantCase {
  category: DataCategory;
  to: 'A' | 'B';
  revoked: boolean;
}

interface RecordCase {
  from: 'P1' | 'P2';
  /** The referral it serves: the report's, or another referral of the same client. */
  purpose: 'this' | 'other';
  validity: Validity;
  grants: GrantCase[];
}

interface SectionCase {
  category: DataCategory;
  words: string;
  withFields: boolean;
  amount: number;
}

interface ReportCase {
  kind: ReportKind;
  sections: SectionCase[];
}

interface Case {
  reports: ReportCase[];
  /** A draft on the same referral, none of whose content may ever reach the jobcenter. */
  draft: SectionCase[] | null;
  records: RecordCase[];
}

// ---------------------------------------------------------------------------------------------
// The oracle (docs/domain.md, "Consent" and "Who sees what"): the jobcenter A reads a category of
// P1's report when a record released by P1 for the report's referral (its purpose), in its
// validity period and not superseded, holds an unrevoked grant of that category to A. Nothing
// else opens anything: not a record for another referral of the same client.

/**
 * Whether each record serves the report's referral. One chain per organisation and referral:
 * a second record of the same organisation for the report's referral goes to another one.
 */
function servesThisReferral(records: RecordCase[]): boolean[] {
  const taken = new Set<string>();
  return records.map((r) => {
    if (r.purpose !== 'this' || taken.has(r.from)) return false;
    taken.add(r.from);
    return true;
  });
}

function releasedToA(records: RecordCase[]): Set<DataCategory> {
  const inForce = (r: RecordCase) => r.validity === 'open' || r.validity === 'until_later';
  const here = servesThisReferral(records);
  return new Set(
    records
      .filter((r, i) => r.from === 'P1' && here[i] && inForce(r))
      .flatMap((r) => r.grants.filter((g) => g.to === 'A' && !g.revoked).map((g) => g.category)),
  );
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const category = fc.constantFrom(...CATEGORIES);

const sectionArb: fc.Arbitrary<SectionCase> = fc.record({
  category,
  words: fc.string({ maxLength: 30 }),
  withFields: fc.boolean(),
  amount: fc.nat({ max: 1000 }),
});

const caseArb: fc.Arbitrary<Case> = fc.record({
  reports: fc.array(
    fc.record({
      kind: fc.constantFrom(ReportKind.Initial, ReportKind.Interim, ReportKind.Final),
      sections: fc.array(sectionArb, { minLength: 1, maxLength: 8 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  draft: fc.option(fc.array(sectionArb, { minLength: 1, maxLength: 3 }), { freq: 3 }),
  records: fc.array(
    fc.record({
      from: fc.oneof(
        { weight: 5, arbitrary: fc.constant('P1' as const) },
        { weight: 1, arbitrary: fc.constant('P2' as const) },
      ),
      purpose: fc.oneof(
        { weight: 3, arbitrary: fc.constant('this' as const) },
        { weight: 1, arbitrary: fc.constant('other' as const) },
      ),
      validity: fc.oneof(
        { weight: 6, arbitrary: fc.constant<Validity>('open') },
        { weight: 2, arbitrary: fc.constant<Validity>('until_later') },
        { weight: 1, arbitrary: fc.constant<Validity>('expired') },
        { weight: 1, arbitrary: fc.constant<Validity>('not_yet_valid') },
        { weight: 1, arbitrary: fc.constant<Validity>('superseded') },
      ),
      grants: fc.uniqueArray(
        fc.record({
          category,
          to: fc.oneof(
            { weight: 4, arbitrary: fc.constant('A' as const) },
            { weight: 1, arbitrary: fc.constant('B' as const) },
          ),
          revoked: fc.oneof(
            { weight: 2, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
        }),
        { selector: (g) => `${g.category}/${g.to}`, maxLength: 9, size: 'max' },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

// ---------------------------------------------------------------------------------------------

interface SentSection {
  marker: string;
  category: DataCategory;
  text: string;
  fields: Record<string, unknown> | null;
}

function toSent(s: SectionCase): SentSection {
  const marker = `M-${randomUUID()}`;
  // Structured facts where the category takes them, so that they travel (or not) as well.
  const fields = !s.withFields
    ? null
    : s.category === DataCategory.Housing
      ? { threatenedLoss: s.amount % 2 === 0 }
      : s.category === DataCategory.Debts
        ? { totalAmountEur: s.amount, creditors: s.amount % 7 }
        : null;
  // The marker ends the text, so no category name can sit between two JSON quotes in it.
  return { marker, category: s.category, text: `${s.words} ${marker}`.trim(), fields };
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('report sections reach the jobcenter exactly as released (property)', () => {
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

  async function submit(referralId: string, kind: ReportKind, sections: SentSection[]) {
    const created = await http
      .post(world.workerP1, `/api/v1/referrals/${referralId}/reports`, {
        kind,
        periodFrom: '2026-10-01',
        periodUntil: '2026-10-31',
        sections: sections.map(({ category: c, text, fields }) => ({
          category: c,
          text,
          ...(fields ? { fields } : {}),
        })),
      })
      .expect(201);
    await http
      .post(world.workerP1, `/api/v1/reports/${created.body.id}/submit`, undefined, {
        ifMatch: created.headers.etag,
      })
      .expect(200);
    return created.body as { id: string };
  }

  /** The case's consent records, on the report's referral or another of the client's. */
  async function recordConsents(clientId: string, reportReferralId: string, records: RecordCase[]) {
    const here = servesThisReferral(records);
    const org = {
      A: world.jobcenterA,
      B: world.jobcenterB,
      P1: world.providerP1,
      P2: world.providerP2,
    };
    for (const [i, r] of records.entries()) {
      const referralId = here[i]
        ? reportReferralId
        : (await referralInState(app, world, ReferralState.InProgress, { clientId })).id;
      const validity = {
        open: {},
        until_later: { validUntilOffset: 86_400 },
        expired: { validFromOffset: -172_800, validUntilOffset: -60 },
        not_yet_valid: { validFromOffset: 86_400 },
        superseded: {},
      }[r.validity];
      const { consentId } = await insertConsent(app, {
        clientId,
        referralId,
        releasingOrganisationId: org[r.from],
        recordedBy: world.workerP1.userId,
        grants: r.grants.map((g) => ({
          category: g.category,
          recipientOrganisationId: org[g.to],
          ...(g.revoked ? { revokedSecondsAgo: 60 } : {}),
        })),
        ...validity,
      });
      if (r.validity === 'superseded') {
        // A change of mind that releases nothing: the old record is out of force.
        await insertConsent(app, {
          clientId,
          referralId,
          releasingOrganisationId: org[r.from],
          recordedBy: world.workerP1.userId,
          grants: [],
          recordedOffset: -3_600,
          supersedesId: consentId,
        });
      }
    }
  }

  async function disclosures(requestId: string): Promise<string[][]> {
    const rows = await db.query<{ categories: string[] }[]>(
      'SELECT categories FROM audit_events WHERE action = $1 AND request_id = $2',
      [AuditAction.ContentDisclose, requestId],
    );
    return rows.map((r) => r.categories);
  }

  it('shows exactly the released sections, in order, without a trace of the others, audited once', async () => {
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const client = await createClient(app, { jobcenterId: world.jobcenterA });
        const referral = await referralInState(app, world, ReferralState.InProgress, {
          clientId: client.id,
        });
        const reports: { id: string; kind: ReportKind; sections: SentSection[] }[] = [];
        for (const r of c.reports) {
          const sections = r.sections.map(toSent);
          const { id } = await submit(referral.id, r.kind, sections);
          reports.push({ id, kind: r.kind, sections });
        }
        const draftSections = (c.draft ?? []).map(toSent);
        if (c.draft) {
          await http
            .post(world.workerP1, `/api/v1/referrals/${referral.id}/reports`, {
              kind: ReportKind.Interim,
              periodFrom: '2026-11-01',
              periodUntil: '2026-11-30',
              sections: draftSections.map(({ category: cat, text }) => ({ category: cat, text })),
            })
            .expect(201);
        }
        await recordConsents(client.id, referral.id, c.records);

        const released = releasedToA(c.records);
        const shown = (r: (typeof reports)[number]) =>
          r.sections.filter((s) => released.has(s.category));
        const expectedReport = (r: (typeof reports)[number]) => ({
          id: r.id,
          referralId: referral.id,
          kind: r.kind,
          periodFrom: '2026-10-01',
          periodUntil: '2026-10-31',
          status: 'submitted',
          edition: 1,
          correctsId: null,
          supersededById: null,
          submittedAt: expect.any(String),
          sections: shown(r).map((s) => ({
            id: expect.any(String),
            category: s.category,
            text: s.text,
            fields: s.fields,
          })),
          nothingReleased: shown(r).length === 0,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        });
        const withheldMarkers = [
          ...reports.flatMap((r) => r.sections.filter((s) => !released.has(s.category))),
          ...draftSections,
        ].map((s) => s.marker);

        /** The response shows these sections and nothing of any other, and is audited so. */
        const check = async (
          res: Response,
          body: unknown,
          shownSections: SentSection[],
          expectedBody: unknown,
        ) => {
          expect(res.status).toBe(200);
          expect(body).toEqual(expectedBody);
          const json = JSON.stringify(res.body);
          for (const marker of withheldMarkers) expect(json).not.toContain(marker);
          // Category names as JSON strings: exactly as many as released sections carry them.
          for (const cat of CATEGORIES) {
            expect({ category: cat, count: occurrences(json, `"${cat}"`) }).toEqual({
              category: cat,
              count: shownSections.filter((s) => s.category === cat).length,
            });
          }
          expect(Object.keys(res.headers).filter((h) => /count|total|section/i.test(h))).toEqual(
            [],
          );
          const categories = [...new Set(shownSections.map((s) => s.category))].sort();
          expect(await disclosures(res.headers['x-request-id'])).toEqual(
            categories.length > 0 ? [categories] : [],
          );
        };

        for (const r of reports) {
          const res = await http.get(world.caseworkerA, `/api/v1/reports/${r.id}`);
          await check(res, res.body, shown(r), expectedReport(r));
        }
        const list = await http.get(world.caseworkerA, `/api/v1/referrals/${referral.id}/reports`);
        // Reports made within one millisecond have no fixed order between them: compare by id.
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        const page = list.body as { items?: { id: string }[] };
        await check(
          list,
          { ...page, items: [...(page.items ?? [])].sort(byId) },
          reports.flatMap(shown),
          { items: [...reports].sort(byId).map(expectedReport), nextCursor: null },
        );
      }),
      {
        numRuns: Number(process.env.FC_NUM_RUNS ?? 40),
        ...(seed === undefined ? {} : { seed }),
        ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
      },
    );
  }, 300_000);
});
