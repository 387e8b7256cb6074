import { createHash } from 'node:crypto';

/**
 * An event's content as the sealer and the verifier read it, through one repository method:
 * ids and uuids as text, `occurredAt` rendered by SQL in UTC with microseconds (independent
 * of the session's TimeZone and DateStyle), `details` as the driver parses jsonb.
 */
export interface CanonicalEventRow {
  id: string;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  organisationId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  clientId: string | null;
  categories: string[];
  requestId: string | null;
  outcome: string;
  details: unknown;
}

/** Where the chain ends: the last position and its hash (position 0 is the genesis). */
export interface ChainCursor {
  position: number;
  hash: Buffer;
}

export const GENESIS: ChainCursor = { position: 0, hash: Buffer.alloc(32) };

export interface Seal {
  position: number;
  eventId: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** A stored seal with the event it names, or null when that event is gone. */
export interface SealedEvent extends Seal {
  event: CanonicalEventRow | null;
}

export type BrokenLinkReason =
  'hash-mismatch' | 'link-mismatch' | 'missing-event' | 'position-gap' | 'unsealed-event';

export interface BrokenLink {
  /** The chain position that fails; null for an event outside the chain. */
  position: number | null;
  /** The event concerned; null when a position has no seal at all. */
  eventId: string | null;
  reason: BrokenLinkReason;
}

/** JSON with object keys sorted at every level, so that the text depends on content alone. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // undefined has no JSON form; treat it like the SQL NULL it stands for.
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Every content column in a fixed order; changing this order invalidates every chain. */
export function canonicalEvent(event: CanonicalEventRow): string {
  return canonicalJson([
    event.id,
    event.occurredAt,
    event.actorKind,
    event.actorId,
    event.organisationId,
    event.action,
    event.resourceType,
    event.resourceId,
    event.clientId,
    event.categories,
    event.requestId,
    event.outcome,
    event.details,
  ]);
}

/** `SHA-256(prev_hash ‖ canonical(event))`. */
export function linkHash(prevHash: Buffer, event: CanonicalEventRow): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalEvent(event), 'utf8').digest();
}

/** Seals events in the given order after `from`; returns the seals and the new end. */
export function sealEvents(
  from: ChainCursor,
  events: readonly CanonicalEventRow[],
): { seals: Seal[]; end: ChainCursor } {
  const seals: Seal[] = [];
  let end = from;
  for (const event of events) {
    const hash = linkHash(end.hash, event);
    seals.push({ position: end.position + 1, eventId: event.id, prevHash: end.hash, hash });
    end = { position: end.position + 1, hash };
  }
  return { seals, end };
}

/**
 * Checks seals, in position order, as the continuation of the chain at `from`. Stops at the
 * first broken link; `checked` counts the intact links before it, `end` is the last intact one.
 */
export function walkChain(
  from: ChainCursor,
  links: readonly SealedEvent[],
): { checked: number; end: ChainCursor; broken?: BrokenLink } {
  let end = from;
  let checked = 0;
  for (const link of links) {
    const expected = end.position + 1;
    if (link.position !== expected) {
      return {
        checked,
        end,
        broken: { position: expected, eventId: null, reason: 'position-gap' },
      };
    }
    const at = { position: link.position, eventId: link.eventId };
    if (!link.event || link.event.id !== link.eventId) {
      return { checked, end, broken: { ...at, reason: 'missing-event' } };
    }
    if (!link.prevHash.equals(end.hash)) {
      return { checked, end, broken: { ...at, reason: 'link-mismatch' } };
    }
    if (!link.hash.equals(linkHash(link.prevHash, link.event))) {
      return { checked, end, broken: { ...at, reason: 'hash-mismatch' } };
    }
    end = { position: link.position, hash: link.hash };
    checked++;
  }
  return { checked, end };
}
