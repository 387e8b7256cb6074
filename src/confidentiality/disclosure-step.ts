import { Logger, type Type } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeConfigOf } from '../common/http/route-config';
import { PROBLEM_CONTENT_TYPE } from '../common/problem/problem-details';
import { NOTHING } from './content-category';
import { containsSealed, type DisclosureViolation } from './disclosure';
import { discloseCompiled } from './disclosure-compiled';
import { Disclosed } from './disclosed';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the disclosure step has cut down this request's answer. */
    lotseDisclosed: boolean;
  }
}

/** What the disclosure step makes of one answer: the body to send and what went wrong. */
export interface DisclosureOutcome {
  body: unknown;
  violations: DisclosureViolation[];
}

/**
 * The disclosure step for one answer of a handler, a pure rule. A `Disclosed` body is cut down to
 * what its reader may read by the field rules of the route's type. It fails closed: a route that
 * declares a type but answers a raw body, a `Disclosed` body on a route that declares none, and
 * sealed values anywhere else lose all content. `undefined`: the body goes out as it is.
 */
export function discloseAnswer(
  type: Type<unknown> | undefined,
  result: unknown,
): DisclosureOutcome | undefined {
  const violations: DisclosureViolation[] = [];
  if (result instanceof Disclosed) {
    if (!type) return { body: {}, violations: [{ type: '?', field: '*', reason: 'no rules' }] };
    return { body: discloseCompiled(type, result.body, result.readable, violations), violations };
  }
  if (type) {
    const body = discloseCompiled(type, result, NOTHING, violations);
    violations.push({ type: type.name, field: '*', reason: 'no rules' });
    return { body, violations };
  }
  if (containsSealed(result)) {
    return {
      body: {},
      violations: [{ type: '?', field: '*', reason: 'sealed value outside a sealed field' }],
    };
  }
  return undefined;
}

/**
 * An error's body is no handler's answer: a problem (the problem filter's, the one place errors
 * become responses) or a server error (e.g. the 503 of a server that is shutting down). Only
 * sealed values are kept out of it. Any other answer on a route that declares a type is cut
 * down by the type's rules, whatever its status.
 */
function isErrorBody(reply: FastifyReply): boolean {
  if (reply.statusCode >= 500) return true;
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && type.startsWith(PROBLEM_CONTENT_TYPE);
}

/** Headers of an answer that no longer goes out as it was (a file's name, its length). */
const ANSWER_HEADERS = ['content-disposition', 'content-length', 'content-encoding', 'etag'];

/**
 * Runs the disclosure step on every response of `fastify`, as two hooks:
 *
 * - `preSerialization`, for every object body: the rule of `discloseAnswer`, with the route's
 *   `@Discloses` type from its Fastify config;
 * - `onSend`, for a route that declares a type but whose answer skipped serialization (a string,
 *   a buffer, a stream, a file): nothing of it leaves, not even a file's name in its headers; an
 *   empty object goes instead.
 *
 * No Nest interceptor: a route without any runs its handler without rxjs
 * (docs/architecture/0024-one-round-trip-reads.md, "Response steps as Fastify hooks").
 */
export function discloseResponses(fastify: FastifyInstance): void {
  const logger = new Logger('Disclosure');
  const report = (request: FastifyRequest, violations: DisclosureViolation[]): void => {
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    logger.error({ route, violations }, 'Disclosure violation: content withheld');
  };
  fastify.decorateRequest('lotseDisclosed', false);
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    request.lotseDisclosed = true;
    const type = isErrorBody(reply) ? undefined : routeConfigOf(request).discloses;
    const outcome = discloseAnswer(type, payload);
    if (!outcome) return done(null, payload);
    if (outcome.violations.length > 0) report(request, outcome.violations);
    done(null, outcome.body);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.lotseDisclosed || isErrorBody(reply)) return done(null, payload);
    const type = routeConfigOf(request).discloses;
    if (!type || payload === null || payload === undefined) return done(null, payload);
    report(request, [{ type: type.name, field: '*', reason: 'not a JSON body' }]);
    (payload as { destroy?: () => void }).destroy?.();
    for (const header of ANSWER_HEADERS) reply.removeHeader(header);
    void reply.header('Content-Type', 'application/json; charset=utf-8');
    done(null, '{}');
  });
}
