import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType, STATUS_KINDS } from '../common/problem/problem-details';
import { operationsOf } from './refine-document';

type Json = Record<string, unknown>;

const REQUEST_ID = '0b7f1c2e-5d0a-4a8e-9f3b-2c6d7e8f9a01';

/** The kinds of the shared answers whose kind is not their status's generic one. */
const SHARED_KINDS: Record<string, { kind: string; extra?: Json }> = {
  BadRequest: {
    kind: 'validation-error',
    extra: { errors: [{ field: 'limit', messages: ['limit must not be greater than 100'] }] },
  },
  DatabaseUnavailable: { kind: 'database-unavailable' },
  TooManyRequests: { kind: 'too-many-requests', extra: { retryAfter: 30 } },
};

function example(status: number, detail: string, kind?: string, extra: Json = {}): Json {
  const generic = STATUS_KINDS[status] ?? STATUS_KINDS[500];
  return {
    type: problemType(kind ?? generic.kind),
    title: generic.title,
    status,
    detail,
    instance: '/api/v1/referrals/1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b',
    requestId: REQUEST_ID,
    ...extra,
  };
}

function withExample(response: unknown, status: number, kind?: string, extra?: Json): void {
  if (!response || typeof response !== 'object' || '$ref' in response) return;
  const { description, content } = response as { description?: string; content?: Json };
  const media = content?.[PROBLEM_CONTENT_TYPE] as Json | undefined;
  if (media && media.example === undefined) {
    media.example = example(status, description ?? '', kind, extra);
  }
}

/** A short example on every problem answer: its status, its kind and its description. */
export function addProblemExamples(document: OpenAPIObject): void {
  const shared = (document.components?.responses ?? {}) as Record<string, unknown>;
  const statusOf = new Map<string, number>();
  for (const { operation } of operationsOf(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      const ref = (response as { $ref?: string }).$ref;
      if (ref) statusOf.set(ref.split('/').pop() ?? '', Number(status));
      else withExample(response, Number(status));
    }
  }
  for (const [name, response] of Object.entries(shared)) {
    const status = statusOf.get(name);
    if (status === undefined) continue;
    withExample(response, status, SHARED_KINDS[name]?.kind, SHARED_KINDS[name]?.extra);
  }
}
