/**
 * Turns the OpenAPI 3.0 schemas of `openapi.json` into strict JSON Schemas for ajv: every object
 * schema that does not say otherwise gets `additionalProperties: false`, so that a response field
 * the spec does not declare fails (docs/security.md §2 item 8a).
 *
 * `additionalProperties` only sees the `properties` of its own schema object, so it is forced on
 * plain object schemas only. A wrapper made of `allOf`/`$ref` (Nest's form of a described or
 * nullable reference) is left open: the schemas it refers to are strict themselves. An `allOf`
 * of several object schemas is merged into one object first, or each part would reject the
 * fields of the others. OpenAPI's `nullable` becomes `anyOf [schema, null]`, and `$ref` siblings
 * are dropped, as OpenAPI 3.0 ignores them.
 */

export type Schema = Record<string, unknown>;

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'] as const;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON pointer `#/components/schemas/X` of `doc`, or undefined. */
export function resolveLocalRef(doc: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    if (!isObject(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isObject(node) ? node : undefined;
}

function isObjectSchema(schema: Schema): boolean {
  return schema.type === 'object' || isObject(schema.properties);
}

/** The parts of an allOf, with references resolved, if all are plain object schemas. */
function mergeableParts(doc: Schema, parts: unknown[]): Schema[] | undefined {
  const resolved: Schema[] = [];
  for (const part of parts) {
    if (!isObject(part)) return undefined;
    const target = typeof part.$ref === 'string' ? resolveLocalRef(doc, part.$ref) : part;
    if (!target || !isObjectSchema(target) || COMPOSITIONS.some((k) => k in target)) {
      return undefined;
    }
    if (target.additionalProperties !== undefined) return undefined;
    resolved.push(target);
  }
  return resolved;
}

function mergeObjects(parts: Schema[]): Schema {
  const properties: Schema = {};
  const required = new Set<string>();
  for (const part of parts) {
    Object.assign(properties, isObject(part.properties) ? part.properties : {});
    for (const name of Array.isArray(part.required) ? part.required : []) {
      required.add(String(name));
    }
  }
  return { type: 'object', properties, required: [...required] };
}

/**
 * The strict form of `schema`. `doc` is the whole OpenAPI document, for merging an allOf whose
 * parts are references. `refPrefix` replaces `#` in references (the id under which ajv holds
 * the components bundle).
 */
export function strictSchema(doc: Schema, schema: unknown, refPrefix: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => strictSchema(doc, s, refPrefix));
  if (!isObject(schema)) return schema;

  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref.startsWith('#') ? refPrefix + schema.$ref.slice(1) : schema.$ref;
    const strict: Schema = { $ref: ref };
    return schema.nullable === true ? { anyOf: [strict, { type: 'null' }] } : strict;
  }

  let source: Schema = { ...schema };
  if (Array.isArray(source.allOf) && source.allOf.length > 1) {
    const parts = mergeableParts(doc, source.allOf);
    if (parts) {
      const rest = { ...source };
      delete rest.allOf;
      source = { ...rest, ...mergeObjects([rest, ...parts].filter(isObjectSchema)) };
    }
  }

  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable') continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, strictSchema(doc, s, refPrefix)]),
      );
    } else if (
      key === 'items' ||
      key === 'not' ||
      (key === 'additionalProperties' && isObject(value))
    ) {
      out[key] = strictSchema(doc, value, refPrefix);
    } else if ((COMPOSITIONS as readonly string[]).includes(key) && Array.isArray(value)) {
      out[key] = value.map((s) => strictSchema(doc, s, refPrefix));
    } else {
      out[key] = value;
    }
  }
  const composed = COMPOSITIONS.some((k) => k in out);
  if (isObjectSchema(out) && !composed && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  if (schema.nullable !== true) return out;
  // A nullable enum lists null among its values in OpenAPI 3.0; JSON Schema needs it spelled out.
  return { anyOf: [out, { type: 'null' }] };
}
