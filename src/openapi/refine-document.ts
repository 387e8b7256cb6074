import type {
  OpenAPIObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger';
import { PERMISSION_EXTENSION } from '../auth/can.decorator';
import type { Permission } from '../auth/permission';
import { ROLE_PERMISSIONS, SCOPE_PERMISSIONS } from '../auth/role-permissions';
import { IF_MATCH_HEADER } from '../common/concurrency/preconditions';
import { ENUM_LABELS } from '../labels/enum-labels';
import { LOCATION_EXTENSION } from '../common/openapi/creates.decorator';
import { ApiTag, TAG_DESCRIPTIONS } from '../common/openapi/tags';

type PathItem = OpenAPIObject['paths'][string];
type Operation = NonNullable<PathItem['get']>;
type Json = Record<string, unknown>;

export const METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/**
 * Removes a vendor extension a decorator put on the operation (`@Can`, `@Creates`), which the
 * document's types do not name, and answers its value.
 */
function takeExtension(operation: Operation, name: string): unknown {
  const value: unknown = Reflect.get(operation, name);
  Reflect.deleteProperty(operation, name);
  return value;
}

/** Every operation of the document with its path and method, in document order. */
export function operationsOf(
  document: OpenAPIObject,
): { path: string; method: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
}

/**
 * The Swagger CLI plugin puts a handler's whole JSDoc into `summary`. The house convention: the
 * first paragraph is the one-line summary, the paragraphs after a blank line the description.
 */
export function splitOperationTexts(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    if (!operation.summary) continue;
    const [first, ...rest] = operation.summary.trim().split(/\n\s*\n/);
    operation.summary = first.replace(/\s*\n\s*/g, ' ').trim();
    if (rest.length > 0 && !operation.description) operation.description = rest.join('\n\n');
  }
}

/**
 * Who may call the operation, at the end of its description: the permission `@Can()` declares
 * and the roles and API key scopes that hold it (from the one table in role-permissions.ts).
 */
export function describePermissions(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    const permission = takeExtension(operation, PERMISSION_EXTENSION) as Permission | undefined;
    if (!permission) continue;
    const holders = (table: Record<string, readonly Permission[]>): string[] =>
      Object.entries(table)
        .filter(([, permissions]) => permissions.includes(permission))
        .map(([holder]) => `\`${holder}\``);
    const roles = holders(ROLE_PERMISSIONS);
    const scopes = holders(SCOPE_PERMISSIONS);
    const who = [
      roles.length > 0 ? `roles ${roles.join(', ')}` : '',
      scopes.length > 0 ? `API keys with scope ${scopes.join(', ')}` : '',
    ].filter(Boolean);
    const line = `**Permission:** \`${permission}\` (${who.join('; ') || 'nobody'}).`;
    operation.description = [operation.description, line].filter(Boolean).join('\n\n');
  }
}

/** Tags in workflow order with their descriptions, and paths sorted by their tag's place. */
export function orderTagsAndPaths(document: OpenAPIObject): void {
  const order: string[] = Object.values(ApiTag);
  document.tags = order.map((name) => ({
    name,
    description: TAG_DESCRIPTIONS[name as ApiTag],
  }));
  const rank = (item: PathItem): number =>
    Math.min(
      ...METHODS.flatMap((m) => item[m]?.tags ?? []).map((tag) =>
        order.includes(tag) ? order.indexOf(tag) : order.length,
      ),
      order.length,
    );
  const entries = Object.entries(document.paths);
  const position = new Map(entries.map(([path], index) => [path, index]));
  entries.sort(
    ([pathA, a], [pathB, b]) =>
      rank(a) - rank(b) || (position.get(pathA) ?? 0) - (position.get(pathB) ?? 0),
  );
  document.paths = Object.fromEntries(entries);
}

const ETAG_HEADER = {
  description:
    'The version of the resource, e.g. `"3"`. Send it back in `If-Match` to change the ' +
    'resource; it changes with every change.',
  schema: { ...IF_MATCH_HEADER.schema, example: undefined },
};
const LOCATION_HEADER = {
  required: true,
  description: 'The path of the created resource, e.g. `/api/v1/referrals/{id}`.',
  schema: { type: 'string', format: 'uri-reference', maxLength: 200 },
};

/** Whether the operation takes `If-Match` (its `@IfMatch()` declared the header). */
export function hasIfMatch(operation: Operation): boolean {
  return (operation.parameters ?? []).some(
    (p) => 'in' in p && p.in === 'header' && p.name === 'If-Match',
  );
}

function addHeader(response: unknown, name: string): void {
  if (!response || typeof response !== 'object' || '$ref' in response) return;
  const r = response as { headers?: Json };
  r.headers = { [name]: { $ref: `#/components/headers/${name}` }, ...r.headers };
}

/**
 * `ETag` and `Location` on the responses that send them. A create's `Location` comes from its
 * `@Creates()` template. `ETag` follows from `If-Match`: a resource that takes `If-Match` (on
 * its own path or an action below it) is versioned, so its read, its create and every
 * `If-Match` operation answer with its `ETag`. The contract check of the tests holds the
 * document to it: a response that sends a header its operation does not declare, or omits one
 * it declares, fails the test that caused it.
 */
export function declareResponseHeaders(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.headers = {
    ...document.components.headers,
    ETag: ETAG_HEADER,
    Location: LOCATION_HEADER,
  };
  const operations = operationsOf(document);
  const versioned = new Set<string>();
  for (const { path, operation } of operations) {
    if (!hasIfMatch(operation)) continue;
    versioned.add(path);
    // An action below the resource (`/referrals/{id}/send`) versions the resource itself.
    const parent = path.replace(/\/[a-z-]+$/, '');
    if (parent.endsWith('}')) versioned.add(parent);
  }
  for (const { path, method, operation } of operations) {
    const location = takeExtension(operation, LOCATION_EXTENSION) as string | undefined;
    const responses = operation.responses as Json;
    if (location) {
      addHeader(responses['201'], 'Location');
      if (versioned.has(location)) addHeader(responses['201'], 'ETag');
    }
    // A read of a versioned resource: `/clients/{id}`, a singleton below one
    // (`/…/{id}/identity-provider`) or a singleton like `/retention-policy`.
    const sendsEtag = hasIfMatch(operation) || (method === 'get' && versioned.has(path));
    if (sendsEtag) addHeader(responses['200'], 'ETag');
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * Every enum of more than one value becomes a named component: the plugin writes an enum of a
 * DTO field inline unless it has an `enumName`. An inline enum gets the name of the component
 * or the ENUM_LABELS entry with the same values; one without a name stops the build, so that
 * no enum reaches the contract without a name and display labels.
 */
export function nameInlineEnums(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  const named = new Map<string, readonly unknown[]>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (Array.isArray(schema.enum)) named.set(name, schema.enum);
  }
  const nameOf = (values: unknown[], where: string): string => {
    for (const [name, known] of named) if (sameValues(known, values)) return name;
    const candidates = Object.entries(ENUM_LABELS).filter(([, labels]) =>
      sameValues(Object.keys(labels), values),
    );
    if (candidates.length !== 1) {
      throw new Error(
        `${where}: the enum ${JSON.stringify(values)} has ${candidates.length === 0 ? 'no name' : 'several names'}: ` +
          'give it an entry in src/labels/enum-labels.ts (or an enumName)',
      );
    }
    const [name] = candidates[0];
    schemas[name] = { type: 'string', enum: values };
    named.set(name, values);
    return name;
  };
  const visit = (node: unknown, where: string, isComponent: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => visit(item, `${where}/${i}`, false));
    if (!node || typeof node !== 'object') return node;
    const object = node as Json;
    if (!isComponent && Array.isArray(object.enum) && object.enum.length > 1) {
      // `type` and `maxLength` go: the named enum says both.
      const rest = Object.fromEntries(
        Object.entries(object).filter(([key]) => !['enum', 'type', 'maxLength'].includes(key)),
      );
      const values = object.enum;
      const ref = { $ref: `#/components/schemas/${nameOf(values as unknown[], where)}` };
      return Object.keys(rest).length === 0 ? ref : { allOf: [ref], ...rest };
    }
    return Object.fromEntries(
      Object.entries(object).map(([key, value]) => [key, visit(value, `${where}/${key}`, false)]),
    );
  };
  for (const [name, schema] of Object.entries(schemas)) {
    schemas[name] = visit(schema, `#/components/schemas/${name}`, true) as Json;
  }
  document.paths = visit(document.paths, '#/paths', false) as OpenAPIObject['paths'];
}

/**
 * Schema names of the public contract carry no `Dto` suffix (`ReferralDto` → `Referral`,
 * `ReferralPageDto` → `ReferralPage`): the classes keep theirs, the document and generated
 * clients do not.
 */
export function dropDtoSuffix(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const renames = new Map<string, string>();
  for (const name of Object.keys(schemas)) {
    const plain = name.replace(/Dto$/, '').replace(/Dto(Page)$/, '$1');
    if (plain === name) continue;
    if (plain in schemas || [...renames.values()].includes(plain)) {
      throw new Error(`schema ${name} would be renamed to ${plain}, which exists`);
    }
    renames.set(name, plain);
  }
  if (renames.size === 0) return;
  const rename = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rename);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Json).map(([key, value]) => {
        if (key === '$ref' && typeof value === 'string') {
          const target = value.replace('#/components/schemas/', '');
          const renamed = renames.get(target);
          return [key, renamed ? `#/components/schemas/${renamed}` : value];
        }
        return [key, rename(value)];
      }),
    );
  };
  document.components!.schemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [renames.get(name) ?? name, rename(schema)]),
  ) as never;
  document.paths = rename(document.paths) as OpenAPIObject['paths'];
  if (document.components?.responses) {
    document.components.responses = rename(document.components.responses) as never;
  }
}

/** `ReferralTransition` → `referral transition`. */
function nounOf(schemaName: string): string {
  return schemaName
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function schemaNameOf(response: ResponseObject): string | undefined {
  const schema = Object.values(response.content ?? {})[0]?.schema;
  const ref = schema && '$ref' in schema ? schema.$ref : undefined;
  return ref?.replace('#/components/schemas/', '');
}

/**
 * A success response the route did not describe gets a description from what it returns, so
 * that no response in the document is described by an empty string.
 */
export function describeSuccessResponses(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!/^2/.test(status) || !response || '$ref' in response || response.description) continue;
      const headers = response.headers ?? {};
      const name = schemaNameOf(response);
      const page = name?.endsWith('Page');
      const noun = name ? nounOf(page ? name.replace(/Page$/, '') : name) : undefined;
      const etag = 'ETag' in headers ? ' `ETag` is its version.' : '';
      response.description =
        status === '204'
          ? 'Done; the response has no body.'
          : status === '201'
            ? `Created: the new ${noun ?? 'resource'}.${'Location' in headers ? ' `Location` names it.' : ''}${etag}`
            : page
              ? `One page of ${noun} items; pass \`nextCursor\` as \`cursor\` for the next.`
              : noun
                ? `The ${noun}.${etag}`
                : 'The answer.';
    }
  }
}

/**
 * Parameters that recur unchanged (the `{id}` path parameter, `limit`, `cursor`, `If-Match`)
 * once in `components.parameters`, referred to by every operation that takes them.
 */
export function shareRecurringParameters(document: OpenAPIObject, minimum = 4): void {
  const seen = new Map<string, { count: number; parameter: ParameterObject }>();
  const operations = operationsOf(document);
  for (const { operation } of operations) {
    for (const parameter of operation.parameters ?? []) {
      if ('$ref' in parameter) continue;
      const key = JSON.stringify(parameter);
      const entry = seen.get(key) ?? { count: 0, parameter };
      entry.count += 1;
      seen.set(key, entry);
    }
  }
  const names = new Map<string, string>();
  const shared: Record<string, ParameterObject> = {};
  for (const [key, { count, parameter }] of seen) {
    if (count < minimum) continue;
    const base = parameter.name
      .split(/[^A-Za-z0-9]/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('');
    const name = `${base}${parameter.in.charAt(0).toUpperCase()}${parameter.in.slice(1)}`;
    if (name in shared) continue;
    shared[name] = parameter;
    names.set(key, name);
  }
  for (const { operation } of operations) {
    if (!operation.parameters) continue;
    operation.parameters = operation.parameters.map(
      (parameter): ParameterObject | ReferenceObject => {
        const name = names.get(JSON.stringify(parameter));
        return name ? { $ref: `#/components/parameters/${name}` } : parameter;
      },
    );
  }
  document.components = {
    ...document.components,
    parameters: { ...document.components?.parameters, ...shared },
  };
}

/** Numbers that are not whole: `Schema.property`. Every other number of the API is an integer. */
const FRACTIONAL = new Set(['CapacityUse.share', 'Rate.rate', 'Median.days']);
const INT32_MAX = 2147483647;

/**
 * The plugin writes `type: number` for every TypeScript `number`; the API's numbers are whole
 * (counts, days, minutes, versions, places) except those in FRACTIONAL. They become int32
 * integers with bounds, so that generated clients and validators know. The contract check
 * holds responses to it; the DTOs' `@IsInt()` holds requests.
 */
export function typeIntegers(document: OpenAPIObject): void {
  const visit = (node: unknown, owner: string | undefined, property: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, owner, property));
    if (!node || typeof node !== 'object') return;
    const schema = node as Json;
    if (schema.type === 'number' && !FRACTIONAL.has(`${owner}.${property}`)) {
      schema.type = 'integer';
      schema.format ??= 'int32';
      schema.minimum ??= 0;
      schema.maximum ??= INT32_MAX;
    }
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, child] of Object.entries(value as Json)) visit(child, owner, name);
      } else {
        visit(value, owner, undefined);
      }
    }
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    visit(schema, name, undefined);
  }
  visit(document.paths, undefined, undefined);
  visit(document.components?.parameters, undefined, undefined);
}

/**
 * A response that several operations repeat word for word, once in `components.responses`: most
 * often "No such referral, or not visible to you." and the referral as every action answers it.
 * Named after what it is about: `ReferralNotFound` (a 4xx's "No such …"), `Referral` (a 2xx's
 * schema).
 */
export function shareRepeatedResponses(document: OpenAPIObject): void {
  const STATUS_NAMES: Record<string, string> = {
    '404': 'NotFound',
    '409': 'Conflict',
    '422': 'Unprocessable',
  };
  const shareable = (status: string): boolean => /^2/.test(status) || status in STATUS_NAMES;
  const counts = new Map<string, number>();
  const operations = operationsOf(document);
  const candidates = (operation: Operation): [string, ResponseObject][] =>
    Object.entries(operation.responses).flatMap(([status, response]) =>
      shareable(status) && response && !('$ref' in response) ? [[status, response]] : [],
    );
  for (const { operation } of operations) {
    for (const [status, response] of candidates(operation)) {
      const key = `${status} ${JSON.stringify(response)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  document.components ??= {};
  const shared = (document.components.responses ??= {}) as Record<string, unknown>;
  const names = new Map<string, string>();
  for (const [key, count] of counts) {
    if (count < 2) continue;
    const status = key.slice(0, 3);
    const response = JSON.parse(key.slice(4)) as ResponseObject;
    const noun = /^No such ([a-z]+)/i.exec(response.description)?.[1] ?? '';
    const base = /^2/.test(status)
      ? (schemaNameOf(response) ?? `Success${status}`)
      : `${noun.charAt(0).toUpperCase()}${noun.slice(1)}${STATUS_NAMES[status]}`;
    let name = base;
    for (let n = 2; name in shared; n += 1) name = `${base}${n}`;
    shared[name] = response;
    names.set(key, name);
  }
  for (const { operation } of operations) {
    for (const [status, response] of candidates(operation)) {
      const name = names.get(`${status} ${JSON.stringify(response)}`);
      if (name) operation.responses[status] = { $ref: `#/components/responses/${name}` };
    }
  }
}
