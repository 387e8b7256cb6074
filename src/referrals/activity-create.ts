import { auditInsertSql, type AuditInsertEntry } from '../audit/audit-insert.sql';
import type { AuditDetails } from '../audit/audit-event.entity';
import { namedStatement } from '../common/database/statement-names';
import { ACTIVE_STATES, type ReferralState } from '../common/referral-states';
import { anyOf, paramsAdder } from '../common/sql/sql';
import type { ReferralScope } from '../confidentiality/case-access';
import { Activity } from './activity.entity';
import { visibleReferralSql } from './referrals.sql';

/**
 * `POST /referrals/{id}/activities` as one statement (docs/architecture/0024), one atomic commit
 * with no transaction around it:
 * - `rf`: the referral if in the provider's scope (a worker: assigned to them), its state and
 *   whether its client is restricted;
 * - `act`: the activity, inserted only if the referral is there, not restricted, and active;
 * - `contact`: a reached client's first contact kept on the referral (the earliest), exactly as
 *   `noteContact` did: an UPDATE of `first_contact_at` only, so the version and `updated_at`
 *   stay, and the statistics trigger fires when the first contact changed;
 * - `audit`: the `activity.create` event, for the inserted activity only.
 * The one row tells 404 (none), restricted and 409 (no activity) apart.
 */

/** The referral's state and restriction, and the activity's columns (all null: not inserted). */
export type ActivityCreateRow = Omit<Activity, 'id' | 'referral'> & {
  state: ReferralState;
  restricted: boolean;
  id: string | null;
  /** The `activity.create` event written (its categories and details), or null. */
  audited: { categories: string[]; details: AuditDetails | null } | null;
};

/** The inserted activity as the entity (a row with an activity). */
export function activityOf(row: ActivityCreateRow & { id: string }): Activity {
  return Object.assign(new Activity(), {
    id: row.id,
    referralId: row.referralId,
    authorOrganisationId: row.authorOrganisationId,
    kind: row.kind,
    category: row.category,
    occurredAt: row.occurredAt,
    durationMinutes: row.durationMinutes,
    reached: row.reached,
    note: row.note,
    recordedByKind: row.recordedByKind,
    recordedById: row.recordedById,
    createdAt: row.createdAt,
  });
}

export interface NewActivityValues {
  referralId: string;
  authorOrganisationId: string;
  kind: Activity['kind'];
  occurredAt: Date;
  durationMinutes: number | null;
  reached: boolean;
  note: string | null;
  recordedByKind: Activity['recordedByKind'];
  recordedById: string;
}

export function activityCreateStatement(
  scope: Extract<ReferralScope, { kind: 'provider' }>,
  values: NewActivityValues,
  audit: AuditInsertEntry,
): { text: string; params: unknown[] } {
  const params: unknown[] = [values.referralId];
  const add = paramsAdder(params);
  const text = `WITH rf AS (${visibleReferralSql('$1::uuid', scope, add)}),
  act AS (
    INSERT INTO activities (referral_id, author_organisation_id, kind, occurred_at,
                            duration_minutes, reached, note, recorded_by_kind, recorded_by_id)
    SELECT rf.id, ${add(values.authorOrganisationId)}::uuid, ${add(values.kind)}::activity_kind,
           ${add(values.occurredAt)}::timestamptz, ${add(values.durationMinutes)}::int,
           ${add(values.reached)}::boolean, ${add(values.note)}::varchar,
           ${add(values.recordedByKind)}::varchar, ${add(values.recordedById)}::uuid
      FROM rf
     WHERE NOT rf.restricted AND rf.state ${anyOf(add, ACTIVE_STATES, 'referral_state')}
    RETURNING *),
  contact AS (
    UPDATE referrals f
       SET first_contact_at = LEAST(COALESCE(f.first_contact_at, act.occurred_at), act.occurred_at)
      FROM act
     WHERE f.id = act.referral_id AND act.reached
    RETURNING f.id),
  audit AS (${auditInsertSql(add, audit, {
    from: 'act, rf',
    resourceId: 'act.id',
    clientId: 'rf.client_id',
    details: { referralId: `${add(values.referralId)}::text` },
  })})
SELECT rf.state::text AS state, rf.restricted, act.id, act.referral_id AS "referralId",
       act.author_organisation_id AS "authorOrganisationId", act.kind::text AS kind,
       act.category::text AS category, act.occurred_at AS "occurredAt",
       act.duration_minutes AS "durationMinutes", act.reached, act.note,
       act.recorded_by_kind AS "recordedByKind", act.recorded_by_id AS "recordedById",
       act.created_at AS "createdAt",
       (SELECT json_build_object('categories', audit.categories, 'details', audit.details)
          FROM audit) AS audited
  FROM rf LEFT JOIN act ON TRUE`;
  const name = scope.workerId ? 'activity_create_worker' : 'activity_create_provider';
  return { text: namedStatement(name, text), params };
}
