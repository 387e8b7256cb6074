import type { AuditReadScope } from './audit-event.repository';
import type { AuditDetails, AuditEvent } from './audit-event.entity';

/** The `details` keys that name data categories of a client's content. */
export const CATEGORY_DETAIL_KEYS: readonly string[] = ['sectionCategories'];

/**
 * The marker of an event whose actor's organisation was not told who the client is (a
 * provider deciding on a request): the client's id is stored, for the client's disclosure
 * record, but no reader of the audit trail gets it from this event.
 */
export const CLIENT_WITHHELD = 'clientWithheld';

/**
 * An audit event as an auditor in `scope` may read it (docs/operations/audit-trail.md,
 * "Who reads what"). An auditor of an organisation reads its own organisation's events, which
 * its organisation is party to, in full. The operator's auditor, party to no case, reads what
 * platform oversight needs (kinds, actors, organisations, the chain), not which categories a
 * client's content has. Nobody reads the client's id from an event marked `clientWithheld`.
 */
export function auditEventAsSeenBy(scope: AuditReadScope, event: AuditEvent): AuditEvent {
  const withheld = event.details?.[CLIENT_WITHHELD] === true;
  const aboutClient = event.clientId !== null;
  const oversight = scope.kind === 'all' && aboutClient;
  if (!withheld && !oversight) return event;
  return {
    ...event,
    clientId: withheld ? null : event.clientId,
    categories: oversight ? [] : event.categories,
    details: oversight ? withoutCategories(event.details) : event.details,
  };
}

function withoutCategories(details: AuditDetails | null): AuditDetails | null {
  if (!details) return details;
  return Object.fromEntries(
    Object.entries(details).filter(([key]) => !CATEGORY_DETAIL_KEYS.includes(key)),
  );
}
