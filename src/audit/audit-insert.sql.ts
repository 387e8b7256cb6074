import type { AddParam } from '../common/sql/sql';
import { InvalidAuditEntry, problemsOf, type AuditEntry } from './audit.service';

/**
 * The audit trail's write as SQL for other modules (docs/architecture/0024): a statement that
 * reads and changes case data in one round trip writes its audit event in the same statement,
 * as a data-modifying CTE (`WITH audit AS (${auditInsertSql(...)})`), so that the event commits
 * with what it records or not at all. The trigger on `audit_events` queues it for sealing as
 * for every other insert. The caller counts the written event (`AuditService.wrote`).
 */

/** What the event is, as values: checked as `AuditService.record` checks an entry. */
export type AuditInsertEntry = Omit<
  AuditEntry,
  'resourceId' | 'clientId' | 'categories' | 'details'
>;

/** What the statement itself knows of the event: SQL expressions over a row of `from`. */
export interface AuditInsertRow {
  /** One event per row of this (a CTE's name, or a join of several). */
  from: string;
  /** The condition under which a row writes its event (default: every row). */
  where?: string;
  /** A text expression; at most 200 characters (the column refuses more). */
  resourceId: string;
  /** A uuid expression. */
  clientId: string;
  /**
   * A `data_category[]` expression (or text[] of category names): the data categories
   * disclosed, stored once each and sorted. A value that is no category fails the statement.
   */
  categories?: string;
  /** The details, key → SQL expression of a scalar: small facts, never case content. */
  details?: Readonly<Record<string, string>>;
}

const DETAIL_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;
const MAX_DETAILS = 16;

function detailsSql(details: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return 'NULL::jsonb';
  const problems = entries.length > MAX_DETAILS ? [`more than ${MAX_DETAILS} details`] : [];
  for (const [key] of entries) {
    if (!DETAIL_KEY.test(key)) problems.push(`detail key ${JSON.stringify(key)} is not a name`);
  }
  if (problems.length > 0) throw new InvalidAuditEntry(problems);
  return `jsonb_build_object(${entries.map(([key, value]) => `'${key}', ${value}`).join(', ')})`;
}

/**
 * `INSERT INTO audit_events (...) SELECT ... FROM <from> WHERE <where> RETURNING ...`: one event
 * per row of `row.from` that meets `row.where`. The entry's values travel as parameters (the
 * text stays the same for every actor: a statement of constant text may be named), checked
 * first like every entry the trail writes (actor ids are uuids, the action of the catalogue's
 * form, a known outcome). Returns the written event's `id`, `categories` and `details`.
 */
export function auditInsertSql(
  add: AddParam,
  entry: AuditInsertEntry,
  row: AuditInsertRow,
): string {
  const problems = problemsOf(entry);
  if (problems.length > 0) throw new InvalidAuditEntry(problems);
  const categories = row.categories
    ? `ARRAY(SELECT DISTINCT ac::text COLLATE "C"
                FROM unnest((${row.categories})::data_category[]) ac ORDER BY 1)`
    : `'{}'::text[]`;
  return `INSERT INTO audit_events (actor_kind, actor_id, organisation_id, action, outcome,
                             resource_type, resource_id, client_id, categories, request_id, details)
  SELECT ${add(entry.actorKind)}::audit_actor_kind, ${add(entry.actorId)}::uuid,
         ${add(entry.organisationId)}::uuid, ${add(entry.action)}, ${add(entry.outcome)}::audit_outcome,
         ${add(entry.resourceType ?? null)}, (${row.resourceId})::text, (${row.clientId})::uuid,
         ${categories}, ${add(entry.requestId ?? null)}, ${detailsSql(row.details)}
    FROM ${row.from}
   WHERE ${row.where ?? 'TRUE'}
  RETURNING id, categories, details`;
}
