import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The body's schema in the OpenAPI document (`ProblemDetailsDto`, src/openapi/). */
export const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetailsDto' };

// Bounds of a problem body (docs/security.md item 19): texts that may echo the request (the path
// in `instance`, a framework message in `detail`, field names) are cut to these lengths.
export const PROBLEM_TYPE_MAX_LENGTH = 100;
export const PROBLEM_TITLE_MAX_LENGTH = 100;
export const PROBLEM_TEXT_MAX_LENGTH = 2048;
/** X-Request-Id as accepted from a caller (app.setup.ts), or a UUID. */
export const REQUEST_ID_MAX_LENGTH = 128;
export const FIELD_ERRORS_MAX_ITEMS = 100;
export const FIELD_PATH_MAX_LENGTH = 200;
export const FIELD_MESSAGES_MAX_ITEMS = 20;
export const FIELD_MESSAGE_MAX_LENGTH = 500;

export const PROBLEM_TYPE_PREFIX = 'urn:lotse:problem:';

/** `urn:lotse:problem:<kind>`: stable, so that frontends can translate by it. */
export function problemType(kind: string): string {
  return `${PROBLEM_TYPE_PREFIX}${kind}`;
}

/** RFC 9457 problem details, as every error response of Lotse carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  [extension: string]: unknown;
}

/** The kind and title of a plain HTTP status, for errors that carry nothing more specific. */
export const STATUS_KINDS: Record<number, { kind: string; title: string }> = {
  400: { kind: 'bad-request', title: 'Bad Request' },
  401: { kind: 'unauthorized', title: 'Unauthorized' },
  403: { kind: 'forbidden', title: 'Forbidden' },
  404: { kind: 'not-found', title: 'Not Found' },
  405: { kind: 'method-not-allowed', title: 'Method Not Allowed' },
  406: { kind: 'not-acceptable', title: 'Not Acceptable' },
  408: { kind: 'request-timeout', title: 'Request Timeout' },
  409: { kind: 'conflict', title: 'Conflict' },
  412: { kind: 'precondition-failed', title: 'Precondition Failed' },
  413: { kind: 'payload-too-large', title: 'Payload Too Large' },
  414: { kind: 'uri-too-long', title: 'URI Too Long' },
  415: { kind: 'unsupported-media-type', title: 'Unsupported Media Type' },
  422: { kind: 'unprocessable-content', title: 'Unprocessable Content' },
  428: { kind: 'precondition-required', title: 'Precondition Required' },
  429: { kind: 'too-many-requests', title: 'Too Many Requests' },
  431: { kind: 'request-header-fields-too-large', title: 'Request Header Fields Too Large' },
  500: { kind: 'internal-error', title: 'Internal Server Error' },
  503: { kind: 'service-unavailable', title: 'Service Unavailable' },
};

/** The problem of a plain HTTP status with a detail, before instance and request id are known. */
export function plainProblem(
  status: number,
  detail: string,
): Pick<ProblemDetails, 'type' | 'title' | 'status' | 'detail'> {
  // A status without a kind of its own gets its class's generic kind: every `type` Lotse
  // answers with is one of the documented kinds (problem-catalogue.ts).
  const { kind, title } = STATUS_KINDS[status] ?? {
    kind: status >= 500 ? 'internal-error' : 'bad-request',
    title: STATUS_CODES[status] ?? 'Error',
  };
  return { type: problemType(kind), title, status, detail };
}
