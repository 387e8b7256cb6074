import { DomainError } from '../problem/domain-error';

export type CursorValue = string | number;

export class InvalidCursor extends DomainError {
  readonly kind = 'invalid-cursor';
  readonly status = 400;
  readonly title = 'Invalid cursor';

  constructor() {
    super('The cursor is malformed or belongs to another list. Start again without a cursor.');
  }
}

/**
 * An opaque keyset cursor: the sort-key values of the last item of a page, tagged with the
 * list they belong to, as base64url JSON. Opaque to clients, not secret: it carries only
 * values the client has already seen.
 */
export function encodeCursor(list: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string, arity: number): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== arity + 1 ||
    decoded[0] !== list ||
    !decoded.slice(1).every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new InvalidCursor();
  }
  return decoded.slice(1) as CursorValue[];
}
