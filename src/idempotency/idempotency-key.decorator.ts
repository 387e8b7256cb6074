import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { declareOnHandler } from '../common/openapi/declare-on-handler';
import { IdempotencyKeyInvalid, IdempotencyKeyMissing } from './idempotency-errors';

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` header (a quoted sf-string per the IETF draft, or bare as Stripe takes
 * it). Required for provider systems (API keys), optional for people: undefined when absent.
 * Declares the header in the OpenAPI document of the route it is used on.
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
  [
    declareOnHandler(
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        schema: { type: 'string', maxLength: 255, pattern: '^[!-~]{1,255}$' },
        description:
          'Makes a retry safe: a repeat with the same key and body gets the first answer again ' +
          '(with another body `422`, while the first still runs `409`). Required for provider ' +
          'systems (API keys): 1–255 visible ASCII characters, a fresh one per new request, ' +
          'e.g. a UUID.',
      }),
    ),
  ],
);
