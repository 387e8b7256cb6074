import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { localisedTitle, prefersGerman } from './problem-catalogue';
import {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_PREFIX,
  plainProblem,
  STATUS_KINDS,
  type ProblemDetails,
} from './problem-details';

/**
 * Errors raised before a request reaches Nest, so that no exception filter sees them: Node's
 * HTTP parser (headers too large, a malformed request line) and Fastify's router (a path
 * parameter over `maxParamLength`, a malformed percent-encoding). Left alone, they answer with
 * Fastify's own JSON, which echoes the path; here they get problem+json like every other error.
 */
function problemOf(
  status: number,
  detail: string,
  instance: string,
  requestId: string,
): ProblemDetails {
  return { ...plainProblem(status, detail), instance, requestId };
}

const SECURITY_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** Fastify's `clientErrorHandler`: writes the answer to the socket and closes it. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const detail =
    status === 431
      ? 'The request line or headers are larger than the server accepts.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request is malformed.';
  const requestId = randomUUID();
  const body = JSON.stringify(problemOf(status, detail, '', requestId));
  if (socket.writable) {
    const headers = {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': requestId,
      ...SECURITY_HEADERS,
      Connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_KINDS[status].title}\r\n${head.join('')}\r\n${body}`);
  }
  socket.destroy(error);
}

/** Fastify's `frameworkErrors`: the router's own refusals. */
export function answerRouterError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode === 414 ? 414 : 400;
  const detail =
    status === 414
      ? 'A path segment is longer than the server accepts.'
      : 'The request URL is malformed.';
  const instance = (request.url ?? '').split('?')[0];
  const problem = problemOf(status, detail, instance, request.id);
  const german = prefersGerman(request.headers['accept-language']);
  const title = localisedTitle(
    problem.type.replace(PROBLEM_TYPE_PREFIX, ''),
    problem.title,
    german,
  );
  void reply
    .code(status)
    .headers({
      ...SECURITY_HEADERS,
      'X-Request-Id': request.id,
      'Content-Type': PROBLEM_CONTENT_TYPE,
    })
    .send({ ...problem, title });
}
