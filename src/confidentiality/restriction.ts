import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { ActionNotAllowed } from '../common/problem/domain-error';
import { OrganisationKind } from '../common/organisation-kind';

/**
 * Restriction of processing (Art. 18 GDPR, docs/architecture/0020): a restricted client stays
 * stored, but nothing of them reaches anybody except the owning jobcenter's auditor (the data
 * protection officer), who imposes and lifts it. The read paths that load a client, a referral
 * (and with it its activities, reports and history) or a consent ask here, each in its single
 * loader, so that no controller has to remember it.
 */

/** Every read (and write) of a restricted client's data is refused with this problem. */
export class ProcessingRestricted extends ActionNotAllowed {
  readonly kind = 'processing-restricted';
  readonly title = 'Processing restricted';

  /** `resource`: what was asked for (`client`, `referral`, …); the denial event names it. */
  constructor(resource: string) {
    super(
      resource,
      "The processing of this client's data is restricted (Art. 18 GDPR): nothing of it is shown or changed until the jobcenter's data protection officer lifts the restriction.",
    );
  }
}

/**
 * The client `client` (an SQL expression of its id) is under restriction. Only the confidentiality
 * module names the clients table for other modules (ADR 0016).
 */
export function clientRestricted(client: string): string {
  return `EXISTS (SELECT 1 FROM clients rc WHERE rc.id = ${client} AND rc.restricted_at IS NOT NULL)`;
}

/** The auditor (data protection officer) of the jobcenter that owns the client. */
export function isDataProtectionOfficerOf(actor: Actor, jobcenterId: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.organisationKind === OrganisationKind.Jobcenter &&
    actor.organisationId === jobcenterId &&
    actor.roles.includes(Role.Auditor)
  );
}

/** Refuses a restricted client's data to everybody but the owning jobcenter's auditor. */
export function refuseIfRestricted(
  actor: Actor,
  client: { jobcenterId: string; restrictedAt: Date | null },
  resource: string,
): void {
  if (client.restrictedAt !== null && !isDataProtectionOfficerOf(actor, client.jobcenterId)) {
    throw new ProcessingRestricted(resource);
  }
}
