import { createHash } from 'node:crypto';
import {
  canonicalEvent,
  canonicalJson,
  GENESIS,
  linkHash,
  sealEvents,
  walkChain,
  type CanonicalEventRow,
  type SealedEvent,
} from './audit-chain';

function event(id: number, overrides: Partial<CanonicalEventRow> = {}): CanonicalEventRow {
  return {
    id: String(id),
    occurredAt: '2026-11-21T10:00:00.123456Z',
    actorKind: 'user',
    actorId: '6f1c2a44-0b1e-4f7a-9a51-3e2d8c7b9a10',
    organisationId: 'a2b3c4d5-e6f7-4890-a1b2-c3d4e5f60718',
    action: 'user.create',
    resourceType: 'user',
    resourceId: `resource-${id}`,
    clientId: null,
    categories: [],
    requestId: `req-${id}`,
    outcome: 'success',
    details: null,
    ...overrides,
  };
}

function chainOf(events: CanonicalEventRow[]): SealedEvent[] {
  return sealEvents(GENESIS, events).seals.map((s, i) => ({ ...s, event: events[i] }));
}

describe('canonical form', () => {
  it('is a JSON array of every content column in a fixed order', () => {
    const e = event(7, { categories: ['health', 'goals'], details: { n: 1 } });
    expect(JSON.parse(canonicalEvent(e))).toEqual([
      '7',
      '2026-11-21T10:00:00.123456Z',
      'user',
      e.actorId,
      e.organisationId,
      'user.create',
      'user',
      'resource-7',
      null,
      ['health', 'goals'],
      'req-7',
      'success',
      { n: 1 },
    ]);
  });

  it('does not depend on the key order of details, at any depth', () => {
    const a = canonicalJson({ b: 1, a: { y: [1, { q: 1, p: 2 }], x: null }, '10': true });
    const b = canonicalJson({ '10': true, a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"10":true,"a":{"x":null,"y":[1,{"p":2,"q":1}]},"b":1}');
  });

  it('keeps the order of arrays, which is content', () => {
    expect(canonicalJson(['a', 'b'])).not.toBe(canonicalJson(['b', 'a']));
  });

  it('tells every single column change apart', () => {
    const base = canonicalEvent(event(1));
    const changes: Partial<CanonicalEventRow>[] = [
      { id: '2' },
      { occurredAt: '2026-11-21T10:00:00.123457Z' },
      { actorKind: 'api_key' },
      { actorId: null },
      { organisationId: null },
      { action: 'user.update' },
      { resourceType: null },
      { resourceId: 'resource-2' },
      { clientId: '0b7f1c2e-5d0a-4a8e-9f3b-2c6d7e8f9a01' },
      { categories: ['health'] },
      { requestId: null },
      { outcome: 'denied' },
      { details: {} },
    ];
    for (const change of changes) expect(canonicalEvent(event(1, change))).not.toBe(base);
  });
});

describe('hash chain', () => {
  it('hashes SHA-256 of the previous hash followed by the canonical event', () => {
    const prev = Buffer.alloc(32, 7);
    const e = event(1);
    const expected = createHash('sha256')
      .update(Buffer.concat([prev, Buffer.from(canonicalEvent(e), 'utf8')]))
      .digest();
    expect(linkHash(prev, e).equals(expected)).toBe(true);
  });

  it('seals from the genesis (position 0, 32 zero bytes) at consecutive positions', () => {
    const { seals, end } = sealEvents(GENESIS, [event(5), event(3)]);
    expect(seals.map((s) => [s.position, s.eventId])).toEqual([
      [1, '5'],
      [2, '3'],
    ]);
    expect(seals[0].prevHash.equals(Buffer.alloc(32))).toBe(true);
    expect(seals[1].prevHash.equals(seals[0].hash)).toBe(true);
    expect(end).toEqual({ position: 2, hash: seals[1].hash });
  });

  it('continues a chain where an earlier batch ended', () => {
    const events = [event(1), event(2), event(3)];
    const first = sealEvents(GENESIS, events.slice(0, 2));
    const second = sealEvents(first.end, events.slice(2));
    expect([...first.seals, ...second.seals]).toEqual(sealEvents(GENESIS, events).seals);
  });

  it('walks an intact chain to its end, also page by page', () => {
    const links = chainOf([event(1), event(2), event(3), event(4)]);
    const whole = walkChain(GENESIS, links);
    expect(whole).toEqual({ checked: 4, end: { position: 4, hash: links[3].hash } });
    const page1 = walkChain(GENESIS, links.slice(0, 3));
    const page2 = walkChain(page1.end, links.slice(3));
    expect(page1.checked + page2.checked).toBe(4);
    expect(page2.end).toEqual(whole.end);
    expect(page2.broken).toBeUndefined();
  });

  it('reports an edited event as hash-mismatch at its own position', () => {
    const links = chainOf([event(1), event(2), event(3)]);
    links[1] = { ...links[1], event: event(2, { outcome: 'failure' }) };
    expect(walkChain(GENESIS, links)).toMatchObject({
      checked: 1,
      broken: { position: 2, eventId: '2', reason: 'hash-mismatch' },
    });
  });

  it('reports a re-hashed edit as link-mismatch at the next position', () => {
    const links = chainOf([event(1), event(2), event(3)]);
    const edited = event(2, { details: { note: 'rewritten' } });
    links[1] = { ...links[1], event: edited, hash: linkHash(links[1].prevHash, edited) };
    expect(walkChain(GENESIS, links).broken).toEqual({
      position: 3,
      eventId: '3',
      reason: 'link-mismatch',
    });
  });

  it('reports a seal without its event as missing-event', () => {
    const links = chainOf([event(1), event(2)]);
    links[1] = { ...links[1], event: null };
    expect(walkChain(GENESIS, links).broken).toEqual({
      position: 2,
      eventId: '2',
      reason: 'missing-event',
    });
  });

  it('reports a removed seal as position-gap at the missing position', () => {
    const links = chainOf([event(1), event(2), event(3)]);
    expect(walkChain(GENESIS, [links[0], links[2]])).toMatchObject({
      checked: 1,
      broken: { position: 2, eventId: null, reason: 'position-gap' },
    });
  });

  it('reports an event found under another seal, or relabelled', () => {
    const links = chainOf([event(1), event(2)]);
    const swapped = [
      { ...links[0], event: links[1].event },
      { ...links[1], event: links[0].event },
    ];
    // The seal names event 1, but the event found for it is 2: treated as missing.
    expect(walkChain(GENESIS, swapped).broken?.reason).toBe('missing-event');
    const relabelled = [{ ...links[0], event: { ...event(1), resourceId: 'resource-2' } }];
    expect(walkChain(GENESIS, relabelled).broken?.reason).toBe('hash-mismatch');
  });
});
