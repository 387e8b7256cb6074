import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { isInputDataError } from '../database/postgres-errors';
import { DomainError } from './domain-error';
import { localisedTitle, prefersGerman } from './problem-catalogue';
import {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TEXT_MAX_LENGTH,
  plainProblem,
  PROBLEM_TYPE_PREFIX,
  problemType,
  STATUS_KINDS,
  type ProblemDetails,
} from './problem-details';

interface RequestLike {
  id?: string;
  headers?: Record<string, string | string[] | undefined>;
  url?: string;
  raw?: { id?: string };
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/** Fixed texts for the HTTP layer's own errors: parser messages are not echoed to clients. */
const FRAMEWORK_ERRORS: Record<string, { kind?: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { detail: 'The request body is larger than the server accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    detail: 'The request body has a media type the server does not accept.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    kind: 'invalid-json',
    detail: 'The request declares a JSON body but sends none.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    kind: 'invalid-json',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    detail: 'The Content-Length header does not match the body.',
  },
};

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : ((response as { message?: unknown }).message ?? exception.message);
  const detail = Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : exception.message;
  return plainProblem(
    status,
    status >= 500 ? (STATUS_KINDS[status]?.title ?? 'Server error') : detail,
  );
}

/** Errors raised by Fastify itself (body parsing, limits) carry a 4xx statusCode and an FST code. */
function fromFrameworkError(error: unknown): Problem | undefined {
  if (!(error instanceof Error)) return undefined;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  const known =
    FRAMEWORK_ERRORS[code] ??
    (code.includes('JSON') ? FRAMEWORK_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY : undefined);
  const problem = plainProblem(statusCode, known?.detail ?? 'The request is malformed.');
  return known?.kind ? { ...problem, type: problemType(known.kind) } : problem;
}

/**
 * Work that must be done before an error is answered, such as the audit entry of a denial: a
 * promise, or `undefined` when there is nothing to do for this error. If it fails, its failure
 * is answered instead of the error.
 */
export type BeforeProblem = (
  exception: unknown,
  request: FastifyRequest,
) => Promise<void> | undefined;

/**
 * The one place errors become responses: `application/problem+json` (RFC 9457) with a stable
 * `type` per kind. Unknown errors are a plain 500 whose details stay in the server log; no
 * response ever carries a stack trace, SQL or a driver message.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly before?: BeforeProblem,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void | Promise<void> {
    const pending = this.before?.(exception, host.switchToHttp().getRequest<FastifyRequest>());
    if (!pending) return this.answer(exception, host);
    return pending.then(
      () => this.answerLate(exception, host),
      (failure: unknown) => this.answerLate(failure, host),
    );
  }

  /**
   * Answers after the step: nothing would catch a throw here (Nest does not await a filter), so
   * a failure to answer becomes a plain 500 and the request is never left unanswered.
   */
  private answerLate(exception: unknown, host: ArgumentsHost): void {
    try {
      this.answer(exception, host);
    } catch (failure: unknown) {
      this.logger.error(`Answering an error failed: ${describe(failure)}`, stackOf(failure));
      const http = host.switchToHttp();
      const request = http.getRequest<RequestLike>();
      const response: unknown = http.getResponse();
      const adapter = this.adapterHost.httpAdapter;
      if (adapter.isHeadersSent(response)) return;
      const body: ProblemDetails = {
        ...plainProblem(500, 'An unexpected error occurred. It has been logged.'),
        ...whereOf(request),
      };
      adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
      adapter.reply(response, body, 500);
    }
  }

  private answer(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestLike>();
    const response: unknown = http.getResponse();
    const problem = this.toProblem(exception);
    const acceptLanguage = request.headers?.['accept-language'];
    const german = prefersGerman(typeof acceptLanguage === 'string' ? acceptLanguage : undefined);
    const body: ProblemDetails = {
      ...problem,
      title: localisedTitle(problem.type.replace(PROBLEM_TYPE_PREFIX, ''), problem.title, german),
      detail: problem.detail.slice(0, PROBLEM_TEXT_MAX_LENGTH),
      ...whereOf(request),
    };
    const adapter = this.adapterHost.httpAdapter;
    if (exception instanceof DomainError) {
      for (const [name, value] of Object.entries(exception.headers)) {
        adapter.setHeader(response, name, value);
      }
    }
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    adapter.reply(response, body, body.status);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.kind),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      // Nest wraps Fastify's own 4xx errors (bad JSON, body too large) in an HttpException.
      const wrapped = fromFrameworkError(exception.cause);
      if (wrapped) return wrapped;
      if (exception.getStatus() >= 500) this.logger.error(describe(exception), stackOf(exception));
      return fromHttpException(exception);
    }
    const framework = fromFrameworkError(exception);
    if (framework) return framework;
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${describe(exception)}`);
      return {
        ...plainProblem(503, 'The database is not reachable right now. Please retry shortly.'),
        type: problemType('database-unavailable'),
      };
    }
    const sqlState = isInputDataError(exception);
    if (sqlState) {
      // The driver's message can quote the value; the log gets the SQLSTATE only.
      this.logger.warn(`Request value refused by the database (SQLSTATE ${sqlState})`);
      return plainProblem(
        400,
        'A value in the request cannot be stored: a character such as NUL, or a number, date or text outside the accepted range.',
      );
    }
    // Name, message and stack only: a driver error's enumerable fields can hold query parameters.
    this.logger.error(
      {
        err: {
          type: describeType(exception),
          message: describe(exception),
          stack: stackOf(exception),
        },
      },
      'Unhandled error',
    );
    return plainProblem(500, 'An unexpected error occurred. It has been logged.');
  }
}

/** Where a problem happened: the path without its query, and the request's id. */
function whereOf(request: RequestLike): Pick<ProblemDetails, 'instance' | 'requestId'> {
  return {
    instance: (request.url ?? '').split('?')[0].slice(0, PROBLEM_TEXT_MAX_LENGTH),
    requestId: request.id ?? request.raw?.id ?? '',
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function describeType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined;
}
