import type { OpenAPIObject } from '@nestjs/swagger';
import { RATE_LIMIT_HEADERS } from '../auth/rate-limit';
import { PROBLEM_CONTENT_TYPE } from '../common/problem/problem-details';

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

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetailsDto' };

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

function problemResponse(description: string): ResponseObject {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } } };
}

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
 * operation in one place so that the spec lists every status a route can answer (a route's own
 * description of a status wins): 400 where the route takes input (validation pipe, UUID pipe,
 * JSON parser), 413/415 wherever a body can be sent (also to a route that declares none: the
 * parser reads it before the route), 429 with `Retry-After` and `RateLimit-*` headers
 * on every 2xx and 4xx answer (the per-principal rate limit, src/auth/rate-limit.ts), 500 as
 * problem+json (the problem filter) and 503 wherever the database is used.
 */
export function addCommonResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, headers: { ...HEADERS } };
  for (const [pathName, path] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
      const add = (status: string, description: string): void => {
        responses[status] ??= problemResponse(description);
      };
      if (hasInput(method, operation)) {
        add(
          '400',
          'A parameter, query or body field is invalid (`validation-error`, with `errors`), or ' +
            'the body is not JSON (`invalid-json`).',
        );
      }
      if (takesBody(method, operation)) {
        add('413', 'The request body is larger than the server accepts.');
        add('415', 'The request body is not `application/json`.');
      }
      const limited = !WITHOUT_RATE_LIMIT.has(pathName);
      if (limited) {
        add('429', 'Too many requests from this caller in the current minute; see Retry-After.');
      }
      add('500', 'An unexpected error; quote the requestId when reporting it.');
      if (!WITHOUT_DATABASE.has(pathName)) {
        add('503', 'The database is not reachable right now (`database-unavailable`); retry.');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!response || !/^[24]/.test(status) || '$ref' in response) continue;
        response.headers = {
          ...response.headers,
          ...(limited ? rateLimitHeaders() : {}),
          'Access-Control-Allow-Origin': headerRef('Access-Control-Allow-Origin'),
          ...(status === '429' ? { 'Retry-After': headerRef('Retry-After') } : {}),
        };
      }
    }
  }
  return document;
}
