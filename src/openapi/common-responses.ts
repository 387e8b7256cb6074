import type { OpenAPIObject } from '@nestjs/swagger';
import { RATE_LIMIT_HEADERS } from '../authentication/rate-limit';
import { PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA } from '../common/problem/problem-details';
import { hasIfMatch, METHODS } from './refine-document';

type PathItem = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItem['get']>;
type ReferenceObject = { $ref: string };
interface HeaderObject {
  description: string;
  schema: Record<string, unknown>;
}
interface ResponseObject {
  description: string;
  content?: Record<string, { schema: ReferenceObject }>;
  headers?: Record<string, HeaderObject | ReferenceObject>;
}

const SECONDS = { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 } as const;
const HEADERS: Record<string, HeaderObject> = {
  'RateLimit-Limit': {
    description:
      'Requests the caller (user, API key, or address when anonymous) may make per minute.',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 1000000 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current window ends.',
    schema: SECONDS,
  },
  'Access-Control-Allow-Origin': {
    description:
      'Only for a browser Origin listed in CORS_ORIGINS (CORS is off when it is empty); never `*`.',
    schema: { type: 'string', format: 'uri', maxLength: 300 },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: SECONDS,
  },
};

const headerRef = (name: string): ReferenceObject => ({ $ref: `#/components/headers/${name}` });
const rateLimitHeaders = (): Record<string, ReferenceObject> =>
  Object.fromEntries(RATE_LIMIT_HEADERS.map((name) => [name, headerRef(name)]));

/**
 * The headers every 2xx, 3xx and 4xx answer carries (and `Retry-After` on a 429); the `RateLimit-*`
 * ones only where the rate limit applies.
 */
function everyAnswerHeaders(status: string, limited = true): Record<string, ReferenceObject> {
  return {
    ...(limited ? rateLimitHeaders() : {}),
    'Access-Control-Allow-Origin': headerRef('Access-Control-Allow-Origin'),
    ...(status === '429' ? { 'Retry-After': headerRef('Retry-After') } : {}),
  };
}

function problemResponse(status: string, description: string): ResponseObject {
  return {
    description,
    ...(/^4/.test(status) ? { headers: everyAnswerHeaders(status) } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
  };
}

/**
 * The error answers that mean the same on every route, once in `components.responses`: a route
 * refers to them instead of repeating them (a route's own description of a status wins, except
 * for 412/428, whose meaning the `If-Match` parameter fixes).
 */
const SHARED: Record<string, { name: string; description: string }> = {
  '400': {
    name: 'BadRequest',
    description:
      'A parameter, query or body field is invalid (`validation-error`, with `errors`), or the ' +
      'body is not JSON (`invalid-json`).',
  },
  '401': {
    name: 'Unauthorized',
    description: 'No valid access token or API key, or its session has ended.',
  },
  '403': {
    name: 'Forbidden',
    description: 'The caller lacks the permission this operation needs (see its description).',
  },
  '412': {
    name: 'PreconditionFailed',
    description:
      'Somebody changed the resource since you read it (`precondition-failed`): read it ' +
      'again and reapply your change with the new `ETag`.',
  },
  '413': {
    name: 'PayloadTooLarge',
    description: 'The request body is larger than the server accepts.',
  },
  '415': {
    name: 'UnsupportedMediaType',
    description: 'The request body is not `application/json`.',
  },
  '428': {
    name: 'PreconditionRequired',
    description:
      '`If-Match` is missing (`precondition-required`): send the `ETag` of the version you ' +
      'are changing.',
  },
  '429': {
    name: 'TooManyRequests',
    description: 'Too many requests from this caller in the current minute; see Retry-After.',
  },
  '500': {
    name: 'InternalError',
    description: 'An unexpected error; quote the requestId when reporting it.',
  },
  '503': {
    name: 'DatabaseUnavailable',
    description: 'The database is not reachable right now (`database-unavailable`); retry.',
  },
};
const ALWAYS_SHARED = new Set(['412', '428']);

const responseRef = (status: string): ReferenceObject => ({
  $ref: `#/components/responses/${SHARED[status].name}`,
});

/** Methods whose requests may carry a body, declared or not: the JSON parser reads any. */
const BODY_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

function takesBody(method: string, operation: OperationObject): boolean {
  return operation.requestBody !== undefined || BODY_METHODS.has(method);
}

function hasInput(method: string, operation: OperationObject): boolean {
  return (operation.parameters?.length ?? 0) > 0 || takesBody(method, operation);
}

/** Routes that answer without the database, so never with `database-unavailable`. */
const WITHOUT_DATABASE = new Set(['/api/v1/health/live']);
/** Routes exempt from the rate limit (`@WithoutRateLimit()`): no 429, no RateLimit-* headers. */
const WITHOUT_RATE_LIMIT = new Set(['/api/v1/health/live', '/api/v1/health/ready']);

/**
 * Responses every route has because of app-wide machinery rather than the route, added to each
 * operation in one place so that the spec lists every status a route can answer: 400 where the
 * route takes input (validation pipe, UUID pipe, JSON parser), 413/415 wherever a body can be
 * sent (also to a route that declares none: the parser reads it before the route), 412/428
 * where it takes `If-Match`, 429 with `Retry-After` and `RateLimit-*` headers on every 2xx and
 * 4xx answer (the per-principal rate limit, src/authentication/rate-limit.ts), 500 as problem+json (the
 * problem filter) and 503 wherever the database is used. Shared meanings are references to
 * `components.responses`.
 */
export function addCommonResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    headers: { ...document.components?.headers, ...HEADERS },
    responses: Object.fromEntries(
      Object.entries(SHARED).map(([status, { name, description }]) => [
        name,
        problemResponse(status, description),
      ]),
    ),
  };
  for (const [pathName, path] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      const add = (status: string): void => {
        responses[status] ??= responseRef(status);
      };
      if (hasInput(method, operation)) add('400');
      if (takesBody(method, operation)) {
        add('413');
        add('415');
      }
      if (hasIfMatch(operation)) {
        add('412');
        add('428');
      }
      const limited = !WITHOUT_RATE_LIMIT.has(pathName);
      if (limited) add('429');
      add('500');
      if (!WITHOUT_DATABASE.has(pathName)) add('503');
      for (const [status, response] of Object.entries(responses)) {
        if (!response || '$ref' in response) continue;
        const shared = SHARED[status];
        if (shared && (ALWAYS_SHARED.has(status) || response.description === shared.description)) {
          responses[status] = responseRef(status);
          continue;
        }
        if (!/^[234]/.test(status)) continue;
        response.headers = { ...response.headers, ...everyAnswerHeaders(status, limited) };
      }
      operation.responses = sortedByStatus(responses);
    }
  }
  return document;
}

function sortedByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
