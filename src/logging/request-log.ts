import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger, type Params } from 'nestjs-pino';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/** Probes every few seconds would drown the log: their requests get no "completed" line. */
const UNLOGGED_PREFIX = '/api/v1/health/';

const STARTED = Symbol('request log start');
const ENDED = Symbol('request log ended');

type Logged = FastifyRequest & { [STARTED]?: number; [ENDED]?: true };

/** The request being handled where a line is logged, if any. */
const handling = new AsyncLocalStorage<IncomingMessage>();

/**
 * pino's `mixin` (logger-options.ts): puts the request being handled on every line as `req`,
 * which its serializer turns into `{ id, method, path }`. Only when a line is written: no
 * child logger per request, whose bindings pino would serialize and redact up front.
 */
export function requestMixin(): { req?: IncomingMessage } {
  const req = handling.getStore();
  return req ? { req } : {};
}

/**
 * The request's logging, as Fastify hooks (docs/architecture/0024-one-round-trip-reads.md,
 * "Request logging as Fastify hooks"). It does what nestjs-pino's middleware did, which ran
 * pino-http through Nest's Express-style middleware layer on every request:
 *
 * - every log line written while the request is handled (any Nest `Logger`) carries
 *   `req: { id, method, path }`, the request id of `X-Request-Id` and of the problem body;
 * - one line when it ends, at `info`: "request completed" (`res.statusCode`, `responseTime`
 *   in ms), "request errored" with `err` for a status of 500 or more, "request aborted" when
 *   the client went away first; none for the health probes.
 *
 * The request is found through an `AsyncLocalStorage` entered around the rest of its hooks,
 * so that every line logged by anything the request runs afterwards carries it, a body that
 * arrives later included (test/logging/request-log.spec.ts sends one 20 ms after its headers).
 * Lines go to the one root logger of nestjs-pino (`loggerOptions`: level, redaction,
 * serializers, the mixin above).
 */
export function logRequests(fastify: FastifyInstance, params: Params): void {
  const log = new PinoLogger(params).logger;

  fastify.addHook('onRequest', (request, _reply, done) => {
    (request as Logged)[STARTED] = Date.now();
    handling.run(request.raw, done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    logEnd(log, request, reply.statusCode, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    logEnd(log, request, 0);
    done();
  });
}

function ignored(request: FastifyRequest): boolean {
  return (request.raw.url ?? '').startsWith(UNLOGGED_PREFIX);
}

/** The request's one closing line (pino-http's messages and fields); at most one. */
function logEnd(
  log: PinoLogger['logger'],
  request: Logged,
  statusCode: number,
  reply?: FastifyReply,
): void {
  if (request[ENDED] || !log.isLevelEnabled('info') || ignored(request)) return;
  request[ENDED] = true;
  const req = request.raw;
  // The serializer of `res` (pino-std-serializers) reads a status only once headers were sent.
  const res = reply?.raw ?? { statusCode, headersSent: false };
  const responseTime = Date.now() - (request[STARTED] ?? Date.now());
  if (statusCode >= 500) {
    const err = { message: `failed with status code ${statusCode}` };
    log.info({ req, res, err, responseTime }, 'request errored');
    return;
  }
  const completed = reply !== undefined && !request.raw.readableAborted && reply.raw.writableEnded;
  log.info({ req, res, responseTime }, completed ? 'request completed' : 'request aborted');
}
