import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor, UserActor } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access guard on every non-public route. */
    actor?: Actor;
  }
}

/** The authenticated caller of a `@Can(...)` route. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the access guard did not authenticate');
  return actor;
});

/** The request id of any route (also public ones), for audit events. */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<FastifyRequest>().id,
);

/** The signed-in person of a route whose permission only people hold (never API keys). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserActor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (actor?.kind !== 'user') throw new Error('CurrentUser used on a route open to API keys');
  return actor;
});
