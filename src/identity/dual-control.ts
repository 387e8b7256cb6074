import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { OrganisationKind } from '../common/organisation-kind';
import type { UserScope } from './user.repository';

/**
 * Dual control for operator admins (ADR 0008). Pure rules, one place: who may change what
 * grants access inside an organisation, and who may approve an admin's request to do so.
 */

/** The role that manages an organisation's members, by kind; the operator has none. */
export const LEAD_ROLE: Readonly<Partial<Record<OrganisationKind, Role>>> = {
  [OrganisationKind.Jobcenter]: Role.JobcenterLead,
  [OrganisationKind.Provider]: Role.ProviderLead,
};

/**
 * How a change that grants access inside an organisation (a member, roles, re-enabling, a
 * password reset, an API key) takes effect when `actor` makes it: `direct` for a lead of that
 * very organisation, `approval` for an operator admin (a request someone else decides), or
 * `null`: not theirs to make, and the organisation is not theirs to know (404).
 */
export function grantPathOf(
  actor: Actor,
  organisation: { id: string; kind: OrganisationKind },
): 'direct' | 'approval' | null {
  if (actor.kind !== 'user') return null;
  if (actor.roles.includes(Role.Admin)) return 'approval';
  return isLeadOf(actor, organisation) ? 'direct' : null;
}

/** Whether the actor is a lead of this very organisation. */
export function isLeadOf(
  actor: Actor,
  organisation: { id: string; kind: OrganisationKind },
): boolean {
  const lead = LEAD_ROLE[organisation.kind];
  return (
    actor.kind === 'user' &&
    lead !== undefined &&
    actor.organisationId === organisation.id &&
    actor.roles.includes(lead)
  );
}

/**
 * Whose users a caller manages: every organisation's (an admin), or only their own (a lead).
 * Reads are scoped by it in the query; a user of another organisation does not exist (404).
 */
export function memberScopeOf(actor: Actor): UserScope {
  return actor.kind === 'user' && actor.roles.includes(Role.Admin)
    ? { kind: 'all' }
    : { kind: 'organisation', id: actor.organisationId };
}

/** The role a user must not take from themselves: the one with which they manage users. */
export function managingRoleOf(roles: readonly Role[]): Role | undefined {
  return [Role.Admin, Role.JobcenterLead, Role.ProviderLead].find((role) => roles.includes(role));
}

export type ApproverVerdict = 'approver' | 'own-request' | 'not-approver';

/**
 * Whether `actor` may decide (approve or reject) a pending request. The one who asked never
 * may. While the organisation has an active lead other than the request's target, only such
 * a lead decides; otherwise (no such lead, or the operator organisation) any other admin.
 */
export function approverVerdict(input: {
  actor: Actor;
  requestedBy: string;
  organisation: { id: string; kind: OrganisationKind };
  /** Active leads of the organisation, the user the request concerns left out. */
  eligibleLeadIds: readonly string[];
}): ApproverVerdict {
  const { actor, requestedBy, organisation, eligibleLeadIds } = input;
  if (actor.kind !== 'user') return 'not-approver';
  if (actor.userId === requestedBy) return 'own-request';
  if (organisation.kind !== OrganisationKind.Operator && eligibleLeadIds.length > 0) {
    return isLeadOf(actor, organisation) && eligibleLeadIds.includes(actor.userId)
      ? 'approver'
      : 'not-approver';
  }
  return actor.roles.includes(Role.Admin) ? 'approver' : 'not-approver';
}
