import { decodeCursor, encodeCursor, InvalidCursor } from './cursor';

describe('keyset cursor', () => {
  it('round-trips the sort keys of its list', () => {
    const cursor = encodeCursor('referrals', ['2026-11-21T10:00:00.000Z', 'a1b2', 3]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('referrals', cursor, 3)).toEqual(['2026-11-21T10:00:00.000Z', 'a1b2', 3]);
  });

  it.each([
    ['another list', encodeCursor('clients', ['x', 'y'])],
    ['wrong arity', encodeCursor('referrals', ['x'])],
    ['not base64 JSON', 'bm90IGpzb24'],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['nested values', Buffer.from('["referrals",{"x":1},"y"]').toString('base64url')],
  ])('refuses %s', (_name, cursor) => {
    expect(() => decodeCursor('referrals', cursor, 2)).toThrow(InvalidCursor);
  });
});
