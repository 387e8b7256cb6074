import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sample } from 'openapi-sampler';

/** The committed OpenAPI document, the fuzzer's only description of the API. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters?: Record<string, OpenApiParameter>;
  };
}

export type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: Record<string, unknown>[];
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the document, with what the fuzzer needs to build a valid request. */
export interface FuzzOperation {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** The templated path, e.g. `/api/v1/referrals/{id}/accept`. */
  path: string;
  pathParameters: string[];
  query: QueryParameter[];
  headers: QueryParameter[];
  /** The JSON body schema, resolved against the document by the sampler; absent: no body. */
  bodySchema?: JsonSchema;
  /** The media types its request body is declared in (most: application/json only). */
  mediaTypes: string[];
  /** Whether the operation declares 428/412 (a write guarded by If-Match). */
  needsIfMatch: boolean;
  /** Which schemes the document lists; empty: public. */
  schemes: string[];
}

export function loadOpenApi(): OpenApiDocument {
  return JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
  ) as OpenApiDocument;
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // Shared parameters (`{id}`, `limit`, `If-Match`) are references to components.parameters.
      const params = (op.parameters ?? []).map((p) =>
        '$ref' in p ? document.components.parameters![p.$ref.split('/').pop() ?? ''] : p,
      );
      const param = (where: OpenApiParameter['in']): QueryParameter[] =>
        params
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }));
      operations.push({
        operationId: op.operationId,
        method,
        path,
        pathParameters: param('path').map((p) => p.name),
        query: param('query'),
        headers: param('header'),
        bodySchema: op.requestBody?.content['application/json']?.schema,
        mediaTypes: Object.keys(op.requestBody?.content ?? {}),
        needsIfMatch: '428' in op.responses || '412' in op.responses,
        schemes: (op.security ?? []).flatMap((s) => Object.keys(s)),
      });
    }
  }
  return operations;
}

/** A valid-looking example of the schema (examples and defaults first), per openapi-sampler. */
export function sampleOf(schema: JsonSchema, document: OpenApiDocument): unknown {
  return sample(schema, { skipReadOnly: true, enablePatterns: true, quiet: true }, document);
}

/** The schema with a top-level `$ref` followed (component schemas only). */
export function resolved(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolved(document.components.schemas[ref.split('/').pop() ?? ''] ?? {}, document);
}
