import type { Organisation } from '../identity/organisation.entity';
import type { User } from '../identity/user.entity';
import { joinOrganisation, joinUser } from '../identity/identity.sql';
import type { ServiceKind } from '../providers/service-kind';
import type { ReferralPriority, ReferralReason } from './referral-codes';
import { Referral } from './referral.entity';
import type { ReferralState } from '../common/referral-states';

/** The referral's instants, as the hot reads select them. */
const INSTANTS = [
  'first_contact_at',
  'sent_at',
  'accepted_at',
  'started_at',
  'closed_at',
  'created_at',
  'updated_at',
  'jobcenter_updated_at',
] as const;

/**
 * An instant as text in exactly `Date#toISOString`'s form (UTC, milliseconds truncated as
 * `pg` truncates them when it parses a `Date`), so that the list writes what the entity's
 * `Date` would have written without parsing and re-formatting a date per field and row.
 */
export const instantAsText = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoText = (column: string) => `${instantAsText(column)} AS ${column.slice(2)}`;

/**
 * The referral with the names its views show, as hand-written SQL for the hot reads (one
 * referral, the list): TypeORM's query building and entity hydration cost more CPU than the
 * query itself (docs/stack.md §8, BENCHMARKS.md). Only the columns the views need; no password hash
 * or other user column leaves the database. `r` is the referral's alias; the parties' names come
 * from the identity module's joins. `instant` selects each instant column.
 */
function referralWithNames(instant: (column: string) => string): string {
  const [firstContactAt, ...dates] = INSTANTS.map((c) => instant(`r.${c}`));
  return `
  SELECT r.id, r.jobcenter_id, r.provider_id, r.client_id, r.contract_id, r.case_manager_id,
         r.state::text AS state, r.reason_category::text AS reason_category, r.reason_text,
         r.goals, r.requested_services::text[] AS requested_services,
         r.priority::text AS priority, r.assigned_worker_id,
         r.first_contact_due::text AS first_contact_due, ${firstContactAt}, r.outcome,
         ${dates.join(', ')},
         r.version, r.jobcenter_version, jc.name AS jobcenter_name, p.name AS provider_name,
         cm.display_name AS case_manager_name, w.display_name AS worker_name
    FROM referrals r
    ${joinOrganisation('jc', 'r.jobcenter_id')}
    ${joinOrganisation('p', 'r.provider_id')}
    ${joinUser('cm', 'r.case_manager_id')}
    ${joinUser('w', 'r.assigned_worker_id', 'LEFT JOIN')}`;
}

/** One referral with its names, its instants as `Date`s (the entity). */
export const REFERRAL_WITH_NAMES = referralWithNames((column) => column);

/** Referrals with their names for the list, their instants as ISO text (`ReferralRow<string>`). */
export const REFERRALS_WITH_NAMES_AS_TEXT = referralWithNames(isoText);

/** A row of `REFERRAL_WITH_NAMES` (`T`: `Date`) or `REFERRALS_WITH_NAMES_AS_TEXT` (`string`). */
export interface ReferralRow<T extends Date | string = Date> {
  id: string;
  jobcenter_id: string;
  provider_id: string;
  client_id: string;
  contract_id: string | null;
  case_manager_id: string;
  state: ReferralState;
  reason_category: ReferralReason;
  reason_text: string | null;
  goals: string | null;
  requested_services: ServiceKind[];
  priority: ReferralPriority;
  assigned_worker_id: string | null;
  first_contact_due: string | null;
  first_contact_at: T | null;
  outcome: string | null;
  sent_at: T | null;
  accepted_at: T | null;
  started_at: T | null;
  closed_at: T | null;
  created_at: T;
  updated_at: T;
  version: number;
  jobcenter_version: number;
  jobcenter_updated_at: T;
  jobcenter_name: string;
  provider_name: string;
  case_manager_name: string;
  worker_name: string | null;
}

type Instant = 'firstContactAt' | 'sentAt' | 'acceptedAt' | 'startedAt' | 'closedAt';
type Relation = 'jobcenter' | 'provider' | 'caseManager' | 'assignedWorker' | 'client' | 'contract';

/**
 * A referral as the hot reads load it: the entity's columns and its named parties, its instants
 * as `T` (`Date` for the entity; ISO text for the list, which writes them as they are).
 */
export type ReferralFields<T extends Date | string = Date> = Omit<
  Referral,
  Instant | Relation | 'createdAt' | 'updatedAt' | 'jobcenterUpdatedAt'
> & { [K in Instant]: T | null } & {
  createdAt: T;
  updatedAt: T;
  jobcenterUpdatedAt: T;
  jobcenter: { id: string; name: string };
  provider: { id: string; name: string };
  caseManager: { id: string; displayName: string };
  assignedWorker?: { id: string; displayName: string };
};

/** The row as a plain object of the referral's fields: no entity, no copy of its parties. */
export function fieldsFromRow<T extends Date | string>(row: ReferralRow<T>): ReferralFields<T> {
  return {
    id: row.id,
    jobcenterId: row.jobcenter_id,
    jobcenter: { id: row.jobcenter_id, name: row.jobcenter_name },
    providerId: row.provider_id,
    provider: { id: row.provider_id, name: row.provider_name },
    clientId: row.client_id,
    contractId: row.contract_id,
    caseManagerId: row.case_manager_id,
    caseManager: { id: row.case_manager_id, displayName: row.case_manager_name },
    state: row.state,
    reasonCategory: row.reason_category,
    reasonText: row.reason_text,
    goals: row.goals,
    requestedServices: row.requested_services,
    priority: row.priority,
    assignedWorkerId: row.assigned_worker_id,
    assignedWorker:
      row.assigned_worker_id && row.worker_name !== null
        ? { id: row.assigned_worker_id, displayName: row.worker_name }
        : undefined,
    firstContactDue: row.first_contact_due,
    firstContactAt: row.first_contact_at,
    outcome: row.outcome,
    sentAt: row.sent_at,
    acceptedAt: row.accepted_at,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    jobcenterVersion: row.jobcenter_version,
    jobcenterUpdatedAt: row.jobcenter_updated_at,
  };
}

const party = (id: string, name: string) => ({ id, name }) as Organisation;
const person = (id: string, displayName: string) => ({ id, displayName }) as User;

/** The same shape TypeORM's join gave: the entity with its named parties. */
export function referralFromRow(row: ReferralRow): Referral {
  const { jobcenter, provider, caseManager, assignedWorker, ...columns } = fieldsFromRow(row);
  return Object.assign(new Referral(), {
    ...columns,
    jobcenter: party(jobcenter.id, jobcenter.name),
    provider: party(provider.id, provider.name),
    caseManager: person(caseManager.id, caseManager.displayName),
    ...(assignedWorker
      ? { assignedWorker: person(assignedWorker.id, assignedWorker.displayName) }
      : {}),
  });
}
