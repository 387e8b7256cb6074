import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { AuditDetails } from '../audit/audit-event.entity';
import { auditActorOf, type Actor } from '../auth/actor';

/** `GET /api/v1/referrals/:id`: the route template of a request, as denials record it. */
export function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/**
 * Records one `access.denied` event for the request, on its own (outside any business
 * transaction). Both kinds of denial use it: the access guard's 403s and the object-level 404s.
 */
export function recordAccessDenied(
  audit: AuditService,
  request: FastifyRequest,
  actor: Actor,
  details: AuditDetails,
): Promise<void> {
  return audit.recordAlone({
    ...auditActorOf(actor),
    action: AuditAction.AccessDenied,
    outcome: 'denied',
    resourceType: 'route',
    resourceId: routeOf(request),
    requestId: actor.requestId,
    details,
  });
}
