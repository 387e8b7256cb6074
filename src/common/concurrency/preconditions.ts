import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { declareOnHandler } from '../openapi/declare-on-handler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error';

/** RFC 6585: a write of a versioned resource must say which version it changes. */
export class PreconditionRequired extends DomainError {
  readonly kind = 'precondition-required';
  readonly status = 428;
  readonly title = 'Precondition Required';

  constructor() {
    super('Send the ETag of the version you are changing in an If-Match header.');
  }
}

/** RFC 9110: somebody changed the resource since the caller read it. */
export class PreconditionFailed extends DomainError {
  readonly kind = 'precondition-failed';
  readonly status = 412;
  readonly title = 'Precondition Failed';

  constructor() {
    super('The resource was changed since you read it. Read it again and reapply your change.');
  }
}

/** A strong ETag for a row version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', etagOf(version));
}

const STRONG_ETAG = /^"(\d{1,9})"$/;

/** How `If-Match` reads in the OpenAPI document, so that Swagger UI offers a field for it. */
export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: true,
  description:
    'The `ETag` of the version you are changing, as the last read of the resource returned it ' +
    '(e.g. `"3"`). Missing (or `*`): `428 precondition-required`. Stale, because somebody ' +
    'changed the resource since you read it: `412 precondition-failed`; read it again and ' +
    'reapply your change.',
  schema: { type: 'string', maxLength: 12, pattern: '^"[0-9]{1,9}"$', example: '"1"' },
} as const;

/**
 * The version named by `If-Match`. Missing (or `*`, which would match any version) → 428; an
 * ETag this API never issues → 412, as for a stale one. Declares the header in the OpenAPI
 * document of the route it is used on.
 */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number => {
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    const value = Array.isArray(header) ? header.join(',') : header?.trim();
    if (!value || value === '*') throw new PreconditionRequired();
    const match = STRONG_ETAG.exec(value);
    if (!match) throw new PreconditionFailed();
    return Number(match[1]);
  },
  [declareOnHandler(ApiHeader(IF_MATCH_HEADER))],
);
