import { DomainError } from '../problem/domain-error';

/**
 * How deep a JSON body may nest. The deepest DTO is a few levels; class-transformer, the
 * idempotency fingerprint and the disclosure check all recurse, and a body nested some
 * thousand levels deep (a 20 KB string) overflows their stack.
 */
export const MAX_JSON_DEPTH = 32;

/** Half of a UTF-16 surrogate pair without its other half: JSON can escape it, Unicode has no such character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A parsed JSON body no DTO could accept, refused before anything walks it. */
export class UnacceptableJson extends DomainError {
  readonly kind = 'invalid-json';
  readonly status = 400;
  readonly title = 'Bad Request';
}

/**
 * What is wrong with a parsed body, or undefined: nesting deeper than `MAX_JSON_DEPTH`, or a
 * lone surrogate in a key or string (validator's `isEmail` and friends call `encodeURI`, which
 * throws on one, and PostgreSQL would store U+FFFD instead). Iterative: it must not recurse itself.
 */
export function jsonBodyFault(body: unknown): string | undefined {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return 'The request body contains a lone UTF-16 surrogate.';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH)
      return `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`;
    for (const [key, child] of Object.entries(node))
      stack.push([key, depth + 1], [child, depth + 1]);
  }
  return undefined;
}
