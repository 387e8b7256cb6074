import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { gateLeftOn } from '../auth/statement-gate';
import { AccessGuard } from './access.guard';
import { routeOf } from './access-denial';
import { isGateRefusal, RequestGate } from './request-gate';

/**
 * The other half of a folded route (docs/architecture/0024, "The guard's statement folded into
 * the route's"). The guard let the request through on an assumed principal; nothing leaves
 * before the assumption is proven:
 * - the route's statement refused the gate (the session ended, the principal changed, the
 *   limit is reached): nothing of the statement happened, the guard decides the request the
 *   usual way (401, 429, 403 with its audit event), and if it passes, the handler runs again
 *   for the live caller;
 * - the request failed before its statement took the gate (an invalid parameter, a body the
 *   pipes refuse): the usual decision first, so a dead session still gets 401, never a 400 or
 *   404 that it would not have got; then the error;
 * - the handler ended without proving the gate (a route that did not take it: a defect, logged):
 *   the usual decision before the answer goes out.
 * Registered after `NotFoundAuditInterceptor`, so it runs inside it: a denial is audited only
 * for a proven caller.
 */
@Injectable()
export class RequestGateInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Access');

  constructor(private readonly guard: AccessGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const gate = gateLeftOn(request.actor);
    if (!(gate instanceof RequestGate)) return next.handle();
    let decided = false;
    const decide = async (): Promise<void> => {
      decided = true;
      await this.guard.decideAgain(context);
    };
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (gate.proven || decided) return throwError(() => error);
        return from(decide()).pipe(
          mergeMap(() => (isGateRefusal(error) ? next.handle() : throwError(() => error))),
        );
      }),
      mergeMap(async (value: unknown) => {
        if (!gate.proven && !decided) {
          this.logger.error(`${routeOf(request)} did not take its request gate`);
          await decide();
        }
        return value;
      }),
    );
  }
}
