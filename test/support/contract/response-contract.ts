import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strictSchema, type Schema } from './strict-schema';

/** One response as the contract sees it. `route` is Fastify's template, e.g. `/api/v1/x/:id`. */
export interface ObservedResponse {
  method: string;
  /** Fastify's route template; undefined when no route matched (Fastify's 404). */
  route: string | undefined;
  url: string;
  status: number;
  contentType: string | undefined;
  /** The serialised body; undefined for a stream. */
  body: string | undefined;
  /** The response headers the contract declares per response (lower-case names). */
  headers?: { etag?: boolean; location?: boolean };
}

export type ViolationKind =
  | 'undocumented-route'
  | 'undocumented-status'
  | 'wrong-content-type'
  | 'invalid-body'
  | 'header-mismatch';

export interface Violation {
  kind: ViolationKind;
  method: string;
  route: string;
  status: number;
  message: string;
  errors?: ErrorObject[];
}

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, unknown>;
  $ref?: string;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}

const BUNDLE_ID = 'lotse-openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetails' };
/**
 * Headers the document states: one that is sent must be declared, and one declared as
 * `required` must be sent (`ETag` is optional where only some readers get it).
 */
const CHECKED_HEADERS = [
  ['ETag', 'etag'],
  ['Location', 'location'],
] as const;

/** `application/json; charset=utf-8` → `application/json`. */
function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** Fastify's `/api/v1/referrals/:id` → OpenAPI's `/api/v1/referrals/{id}`. */
export function openApiPath(route: string): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Checks responses against the committed `openapi.json`: the status is documented for the
 * operation (or `default`/`4XX`), the content type is one documented for that status, and a
 * JSON body validates against its schema with undeclared fields forbidden. Schemas are compiled
 * on first use and cached per operation, status and media type.
 */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly operations = new Map<string, Operation>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Schema) {
    this.ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false });
    addFormats(this.ajv);
    // The whole components bundle under one id, so that references resolve between schemas.
    const schemas = ((doc.components ?? {}) as { schemas?: Record<string, unknown> }).schemas ?? {};
    const strict = Object.fromEntries(
      Object.entries(schemas).map(([name, s]) => [name, strictSchema(doc, s, BUNDLE_ID + '#')]),
    );
    this.ajv.addSchema({ $id: BUNDLE_ID, components: { schemas: strict } });
    const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS) {
        if (item[method]) this.operations.set(`${method.toUpperCase()} ${path}`, item[method]);
      }
    }
  }

  static fromFile(file = join(__dirname, '..', '..', '..', 'openapi.json')): ResponseContract {
    return new ResponseContract(JSON.parse(readFileSync(file, 'utf8')) as Schema);
  }

  /** `METHOD /path/{param}` of every documented operation. */
  operationKeys(): string[] {
    return [...this.operations.keys()];
  }

  hasOperation(method: string, route: string): boolean {
    return this.operations.has(`${method.toUpperCase()} ${openApiPath(route)}`);
  }

  /** The violations of one response; empty when it keeps the contract. */
  check(response: ObservedResponse): Violation[] {
    const method = response.method.toUpperCase();
    if (response.route === undefined) return this.checkUnrouted(response);
    const path = openApiPath(response.route);
    // HEAD is answered by the GET route without a body.
    const key = `${method === 'HEAD' ? 'GET' : method} ${path}`;
    const base = { method, route: path, status: response.status };
    const operation = this.operations.get(key);
    if (!operation) {
      return [{ ...base, kind: 'undocumented-route', message: `${key} is not in openapi.json` }];
    }
    const statusKey = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find(
      (k) => operation.responses[k],
    );
    if (!statusKey) {
      const documented = Object.keys(operation.responses).join(', ');
      return [
        {
          ...base,
          kind: 'undocumented-status',
          message: `status ${response.status} is not documented (documented: ${documented})`,
        },
      ];
    }
    const documented = this.resolve(operation.responses[statusKey]);
    const headerViolations = this.checkHeaders(documented, response, base);
    if (method === 'HEAD') return headerViolations;
    return [
      ...headerViolations,
      ...this.checkBody(`${key} ${statusKey}`, documented, response, base),
    ];
  }

  /** A response of `components.responses` in place of its reference. */
  private resolve(response: ResponseObject): ResponseObject {
    const ref = response.$ref;
    if (typeof ref !== 'string') return response;
    const name = ref.replace('#/components/responses/', '');
    const shared = (this.doc.components as { responses?: Record<string, ResponseObject> })
      .responses?.[name];
    if (!shared) throw new Error(`unresolved response reference ${ref}`);
    return shared;
  }

  private resolveHeader(header: unknown): { required?: boolean } | undefined {
    if (!header || typeof header !== 'object') return undefined;
    const ref = (header as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return header;
    const headers = (this.doc.components as { headers?: Record<string, { required?: boolean }> })
      .headers;
    return headers?.[ref.replace('#/components/headers/', '')];
  }

  /** ETag and Location: a response sends them exactly when its documentation declares them. */
  private checkHeaders(
    documented: ResponseObject,
    response: ObservedResponse,
    base: Pick<Violation, 'method' | 'route' | 'status'>,
  ): Violation[] {
    if (!response.headers) return [];
    const declared = documented.headers ?? {};
    const violations: Violation[] = [];
    for (const [name, key] of CHECKED_HEADERS) {
      const sent = response.headers[key] === true;
      const header = this.resolveHeader(declared[name]);
      if (sent ? header !== undefined : header?.required !== true) continue;
      violations.push({
        ...base,
        kind: 'header-mismatch',
        message: sent
          ? `sends ${name}, which the response does not declare`
          : `declares ${name}, which the response does not send`,
      });
    }
    return violations;
  }

  /** No route matched: Fastify's 404 (or 405), which must still be a problem+json. */
  private checkUnrouted(response: ObservedResponse): Violation[] {
    const base = {
      method: response.method.toUpperCase(),
      route: '(no route)',
      status: response.status,
    };
    if (response.status !== 404 && response.status !== 405) {
      return [
        {
          ...base,
          kind: 'undocumented-status',
          message: `unrouted ${response.url} answered ${response.status}, not 404/405`,
        },
      ];
    }
    const problem: ResponseObject = { content: { [PROBLEM_JSON]: { schema: PROBLEM_SCHEMA } } };
    return this.checkBody('(no route)', problem, response, base);
  }

  private checkBody(
    cacheKey: string,
    documented: ResponseObject,
    response: ObservedResponse,
    base: Pick<Violation, 'method' | 'route' | 'status'>,
  ): Violation[] {
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    const hasBody = response.body !== undefined && response.body.length > 0;
    if (mediaTypes.length === 0) {
      if (!hasBody) return [];
      return [
        {
          ...base,
          kind: 'wrong-content-type',
          message: `a body (${response.contentType ?? 'no content type'}) where none is documented`,
        },
      ];
    }
    const actual = response.contentType ? mediaTypeOf(response.contentType) : undefined;
    const match = mediaTypes.find((m) => mediaTypeOf(m) === actual);
    if (!actual || !match) {
      return [
        {
          ...base,
          kind: 'wrong-content-type',
          message: `content type ${actual ?? '(none)'}, documented: ${mediaTypes.join(', ')}`,
        },
      ];
    }
    const schema = content[match].schema;
    if (!isJson(actual)) {
      // Text bodies (CSV, the consent receipt) are documented as strings; nothing more to check.
      return [];
    }
    if (response.body === undefined) {
      return [
        { ...base, kind: 'invalid-body', message: 'a JSON response streamed, not validated' },
      ];
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [{ ...base, kind: 'invalid-body', message: 'the body is not valid JSON' }];
    }
    if (schema === undefined) return [];
    const validate = this.validatorFor(`${cacheKey} ${match}`, schema);
    if (validate(body)) return [];
    return [
      {
        ...base,
        kind: 'invalid-body',
        message: this.ajv.errorsText(validate.errors, { dataVar: 'body' }),
        errors: validate.errors ?? [],
      },
    ];
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      const strict = strictSchema(this.doc, schema, BUNDLE_ID + '#') as Schema;
      // Most responses are a bare reference (every problem is one): one validator per target.
      const ref = Object.keys(strict).length === 1 ? strict.$ref : undefined;
      validate = typeof ref === 'string' ? this.ajv.getSchema(ref) : undefined;
      validate ??= this.ajv.compile(strict);
      this.validators.set(key, validate);
    }
    return validate;
  }
}
