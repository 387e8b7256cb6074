import type { Organisation } from '../identity/organisation.entity';
import type { User } from '../identity/user.entity';
import { joinOrganisation, joinUser } from '../identity/identity.sql';
import type { ServiceKind } from '../providers/service-kind';
import type { ReferralPriority, ReferralReason } from './referral-codes';
import { Referral } from './referral.entity';
import type { ReferralState } from '../common/referral-states';

/**
 * The referral with the names its views show, as hand-written SQL for the hot reads (one
 * referral, the list): TypeORM's query building and entity hydration cost more CPU than the
 * query itself (docs/stack.md §8, BENCHMARKS.md). Only the columns the views need; no password hash
 * or other user column leaves the database. `r` is the referral's alias; the parties' names come
 * from the identity module's joins.
 */
export const REFERRAL_WITH_NAMES = `
  SELECT r.id, r.jobcenter_id, r.provider_id, r.client_id, r.contract_id, r.case_manager_id,
         r.state::text AS state, r.reason_category::text AS reason_category, r.reason_text,
         r.goals, r.requested_services::text[] AS requested_services,
         r.priority::text AS priority, r.assigned_worker_id,
         r.first_contact_due::text AS first_contact_due, r.first_contact_at, r.outcome,
         r.sent_at, r.accepted_at, r.started_at, r.closed_at, r.created_at, r.updated_at,
         r.version, r.jobcenter_version, r.jobcenter_updated_at, jc.name AS jobcenter_name, p.name AS provider_name,
         cm.display_name AS case_manager_name, w.display_name AS worker_name
    FROM referrals r
    ${joinOrganisation('jc', 'r.jobcenter_id')}
    ${joinOrganisation('p', 'r.provider_id')}
    ${joinUser('cm', 'r.case_manager_id')}
    ${joinUser('w', 'r.assigned_worker_id', 'LEFT JOIN')}`;

export interface ReferralRow {
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
  first_contact_at: Date | null;
  outcome: string | null;
  sent_at: Date | null;
  accepted_at: Date | null;
  started_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  jobcenter_version: number;
  jobcenter_updated_at: Date;
  jobcenter_name: string;
  provider_name: string;
  case_manager_name: string;
  worker_name: string | null;
}

const party = (id: string, name: string) => ({ id, name }) as Organisation;
const person = (id: string, displayName: string) => ({ id, displayName }) as User;

/** The same shape TypeORM's join gave: the entity with its named parties. */
export function referralFromRow(row: ReferralRow): Referral {
  return Object.assign(new Referral(), {
    id: row.id,
    jobcenterId: row.jobcenter_id,
    jobcenter: party(row.jobcenter_id, row.jobcenter_name),
    providerId: row.provider_id,
    provider: party(row.provider_id, row.provider_name),
    clientId: row.client_id,
    contractId: row.contract_id,
    caseManagerId: row.case_manager_id,
    caseManager: person(row.case_manager_id, row.case_manager_name),
    state: row.state,
    reasonCategory: row.reason_category,
    reasonText: row.reason_text,
    goals: row.goals,
    requestedServices: row.requested_services,
    priority: row.priority,
    assignedWorkerId: row.assigned_worker_id,
    ...(row.assigned_worker_id && row.worker_name !== null
      ? { assignedWorker: person(row.assigned_worker_id, row.worker_name) }
      : {}),
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
  });
}
