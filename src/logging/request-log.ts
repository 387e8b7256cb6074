import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger, type Params } from 'nestjs-pino';

/** Probes every few seconds would drown the log: their requests get no "completed" line. */
const UNLOGGED_PREFIX = '/api/v1/health/';

const STARTED = Symbol('request log start');
const LOG = Symbol('request logger');
const ENDED = Symbol('request log ended');

type Logged = FastifyRequest & {
  [STARTED]?: number;
  [LOG]?: PinoLogger['logger'];
  [ENDED]?: true;
};

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
 * The logger is a child of the one root logger (`loggerOptions`: level, redaction,
 * serializers), made by nestjs-pino's `runInContext` around the rest of the request's hooks,
 * so that its `Logger` finds it in everything the request runs afterwards, a body that arrives
 * later included (test/logging/request-log.spec.ts sends one 20 ms after its headers).
 */
export function logRequests(fastify: FastifyInstance, params: Params): void {
  const pino = new PinoLogger(params);

  fastify.addHook('onRequest', (request, _reply, done) => {
    pino.runInContext(
      () => {
        const logged = request as Logged;
        logged[STARTED] = Date.now();
        logged[LOG] = pino.logger;
        done();
      },
      { bindings: { req: request.raw } },
    );
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    logEnd(request, reply.statusCode, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    logEnd(request, 0);
    done();
  });
}

function ignored(request: FastifyRequest): boolean {
  return (request.raw.url ?? '').startsWith(UNLOGGED_PREFIX);
}

/** The request's one closing line (pino-http's messages and fields); at most one. */
function logEnd(request: Logged, statusCode: number, reply?: FastifyReply): void {
  const log = request[LOG];
  if (request[ENDED] || !log?.isLevelEnabled('info') || ignored(request)) return;
  request[ENDED] = true;
  // The serializer of `res` (pino-std-serializers) reads a status only once headers were sent.
  const res = reply?.raw ?? { statusCode, headersSent: false };
  const responseTime = Date.now() - (request[STARTED] ?? Date.now());
  if (statusCode >= 500) {
    const err = { message: `failed with status code ${statusCode}` };
    log.info({ res, err, responseTime }, 'request errored');
    return;
  }
  const completed = reply !== undefined && !request.raw.readableAborted && reply.raw.writableEnded;
  log.info({ res, responseTime }, completed ? 'request completed' : 'request aborted');
}
