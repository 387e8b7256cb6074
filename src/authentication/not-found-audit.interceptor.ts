import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { AuditService } from '../audit/audit.service';
import { ActionNotAllowed, ResourceNotFound } from '../common/problem/domain-error';
import { recordAccessDenied } from './access-denial';

/** Why an object-level denial happened; the caller sees only a plain 404. */
export const NOT_FOUND_OR_NOT_VISIBLE = 'not-found-or-not-visible';
/** A 403 on an object the caller may know (`ActionNotAllowed`): the problem kind says why. */
export const ACTION_NOT_ALLOWED = 'action-not-allowed';

/**
 * Object-level denials are audited like function-level ones (docs/security.md: every denial leaves
 * one `access.denied` entry). The access guard records the 403s; a foreign or missing object
 * surfaces as `ResourceNotFound` from a service (and an action refused on a known object as
 * `ActionNotAllowed`, a 403), and this interceptor records it for the authenticated caller. It
 * runs after the handler's transaction has ended (committed or rolled back), so the event is
 * written on its own and never waits for a held connection (PGlite has one). Unknown routes
 * never reach an interceptor and anonymous callers never reach a handler, so neither is
 * recorded here. Request bodies are never recorded.
 */
@Injectable()
export class NotFoundAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.recordDenial(request, error)).pipe(mergeMap(() => throwError(() => error))),
        ),
      );
  }

  private async recordDenial(request: FastifyRequest, error: unknown): Promise<void> {
    const actor = request.actor;
    const denied = error instanceof ResourceNotFound || error instanceof ActionNotAllowed;
    if (!actor || !denied) return;
    const { id } = (request.params ?? {}) as { id?: unknown };
    await recordAccessDenied(this.audit, request, actor, {
      reason: error instanceof ResourceNotFound ? NOT_FOUND_OR_NOT_VISIBLE : ACTION_NOT_ALLOWED,
      ...(error instanceof ActionNotAllowed ? { problem: error.kind } : {}),
      resource: error.resource,
      id: typeof id === 'string' ? id : null,
    });
  }
}
