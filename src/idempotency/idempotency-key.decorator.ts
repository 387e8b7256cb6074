import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IdempotencyKeyInvalid, IdempotencyKeyMissing } from './idempotency-errors';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` header (a quoted sf-string per the IETF draft, or bare as Stripe takes
 * it). Required for provider systems (API keys), optional for people: undefined when absent.
 */
export const IdempotencyKeyHeader = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) {
      if (request.actor?.kind === 'api_key') throw new IdempotencyKeyMissing();
      return undefined;
    }
    const value = (Array.isArray(header) ? header.join(',') : header)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (!KEY.test(value)) throw new IdempotencyKeyInvalid();
    return value;
  },
);
