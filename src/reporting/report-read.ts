import type { AuditDetails } from '../audit/audit-event.entity';
import { auditInsertSql, type AuditInsertEntry } from '../audit/audit-insert.sql';
import { enumLiteral, paramsAdder } from '../common/sql/sql';
import { releasedCategories, type ReferralScope } from '../confidentiality/case-access';
import type { DataCategory } from '../confidentiality/data-category';
import { namedStatement } from '../common/database/statement-names';
import { visibleReferralSql } from '../referrals/referrals.sql';
import { ReportSection } from './report-section.entity';
import { Report, ReportStatus, type ReportKind } from './report.entity';
import type { LoadedReport } from './report.repository';

/**
 * `GET /reports/{id}` as one statement (docs/architecture/0024): one snapshot and one commit
 * for every check and the disclosure audit, with no transaction around it. In order:
 * - `rp`: the report;
 * - `rf`: its referral if in the reader's scope, and whether its client is restricted;
 * - `shown`: the report if the reader may read it (referral visible and not restricted; a
 *   reader other than the provider only a submitted one);
 * - `readable`: the categories the reader may read of it (its author all, another reader what
 *   the client's consent for this referral grants it at the statement's now());
 * - `sections`: the sections of those categories, and nothing else leaves the database;
 * - `audit` (readers other than the provider): the disclosure event naming exactly the
 *   categories of `sections`, written only when one is shown.
 * The one row tells 404 from a restricted client; none: no such report.
 */

/** Who reads: the scope of the referral, the organisation, and the audit entry, if audited. */
export interface ReportReader {
  name: string;
  scope: ReferralScope;
  organisationId: string;
  /** The disclosure event's fixed part, for readers the content is disclosed to. */
  disclosure: AuditInsertEntry | null;
}

export interface ReportReadRow {
  visible: boolean;
  restricted: boolean;
  /** Null unless the reader may read the report; so are all fields of the report below. */
  id: string | null;
  referralId: string;
  clientId: string;
  authorOrganisationId: string;
  kind: ReportKind;
  periodFrom: string;
  periodUntil: string;
  status: ReportStatus;
  edition: number;
  correctsId: string | null;
  createdByKind: 'user' | 'api_key';
  createdById: string;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  supersededById: string | null;
  own: boolean;
  readable: DataCategory[] | null;
  sections: Omit<ReportSection, 'reportId' | 'report'>[] | null;
  /** The disclosure event written (its categories and details), or null when none was. */
  audited: { categories: string[]; details: AuditDetails | null } | null;
}

const REPORT_COLUMNS = `p.id, p.referral_id AS "referralId", p.client_id AS "clientId",
         p.author_organisation_id AS "authorOrganisationId", p.kind::text AS kind,
         p.period_from::text AS "periodFrom", p.period_until::text AS "periodUntil",
         p.status::text AS status, p.edition, p.corrects_id AS "correctsId",
         p.created_by_kind AS "createdByKind", p.created_by_id AS "createdById",
         p.submitted_at AS "submittedAt", p.created_at AS "createdAt",
         p.updated_at AS "updatedAt", p.version`;

/** The statement and its parameters for the report `id` read by `reader`. */
export function reportReadStatement(
  reader: ReportReader,
  id: string,
): { text: string; params: unknown[] } {
  const params: unknown[] = [id];
  const add = paramsAdder(params);
  const me = add(reader.organisationId);
  const referral = visibleReferralSql('(SELECT rp."referralId" FROM rp)', reader.scope, add);
  // Drafts are the provider's own: another reader reads a submitted report or none.
  const readableReport =
    reader.scope.kind === 'provider'
      ? 'TRUE'
      : `rp.status = ${enumLiteral(ReportStatus.Submitted)}`;
  const released = releasedCategories(
    {
      client: 'shown."clientId"',
      referral: 'shown."referralId"',
      author: 'shown."authorOrganisationId"',
      reader: `${me}::uuid`,
    },
    'now()',
  );
  const audit = reader.disclosure
    ? `,
  audit AS (${auditInsertSql(add, reader.disclosure, {
    from: 'rf, (SELECT array_agg(sections.category) AS categories FROM sections) d',
    where: 'd.categories IS NOT NULL AND NOT EXISTS (SELECT 1 FROM shown WHERE shown.own)',
    resourceId: 'rf.id',
    clientId: 'rf.client_id',
    categories: 'd.categories',
    details: { authorOrganisationId: 'rf.provider_id', reports: '1' },
  })})`
    : '';
  const text = `WITH rp AS (
    SELECT ${REPORT_COLUMNS}
      FROM reports p
     WHERE p.id = $1),
  rf AS (${referral}),
  shown AS (
    SELECT rp.*, rp."authorOrganisationId" = ${me}::uuid AS own
      FROM rp JOIN rf ON NOT rf.restricted
     WHERE ${readableReport}),
  readable AS (
    SELECT c.category FROM shown, unnest(enum_range(NULL::data_category)) c(category)
     WHERE shown.own
    UNION
    SELECT x.category FROM shown, LATERAL (${released}) x
     WHERE NOT shown.own),
  sections AS (
    SELECT s.id, s.position, s.category, s.text, s.fields
      FROM report_sections s JOIN shown ON s.report_id = shown.id
     WHERE s.category IN (SELECT readable.category FROM readable))${audit}
SELECT rf.id IS NOT NULL AS visible, COALESCE(rf.restricted, FALSE) AS restricted, shown.*,
       (SELECT c.id FROM reports c
         WHERE c.corrects_id = shown.id AND c.status = ${enumLiteral(ReportStatus.Submitted)}) AS "supersededById",
       (SELECT array_agg(readable.category::text) FROM readable) AS readable,
       (SELECT json_agg(json_build_object('id', sections.id, 'position', sections.position,
                                          'category', sections.category, 'text', sections.text,
                                          'fields', sections.fields) ORDER BY sections.position)
          FROM sections) AS sections,
       ${reader.disclosure ? `(SELECT json_build_object('categories', audit.categories, 'details', audit.details) FROM audit)` : 'NULL::json'} AS audited
  FROM rp LEFT JOIN rf ON TRUE LEFT JOIN shown ON TRUE`;
  return { text: namedStatement(reader.name, text), params };
}

/** The read report as `ReportRepository.load` returns it (a row the reader may read). */
export function loadedReportOf(row: ReportReadRow & { id: string }): LoadedReport {
  const report = Object.assign(new Report(), {
    id: row.id,
    referralId: row.referralId,
    clientId: row.clientId,
    authorOrganisationId: row.authorOrganisationId,
    kind: row.kind,
    periodFrom: row.periodFrom,
    periodUntil: row.periodUntil,
    status: row.status,
    edition: row.edition,
    correctsId: row.correctsId,
    createdByKind: row.createdByKind,
    createdById: row.createdById,
    submittedAt: row.submittedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
  const sections = (row.sections ?? []).map((s) =>
    Object.assign(new ReportSection(), { ...s, reportId: row.id }),
  );
  return { report, sections, supersededById: row.supersededById };
}
