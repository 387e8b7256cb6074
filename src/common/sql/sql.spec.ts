import { anyOf, enumLiteral, paramsAdder } from './sql';

describe('the typed SQL helper', () => {
  it('numbers parameters in the order they are added', () => {
    const params: unknown[] = ['first'];
    const add = paramsAdder(params);
    expect(add('second')).toBe('$2');
    expect(add(3)).toBe('$3');
    expect(params).toEqual(['first', 'second', 3]);
  });

  it('sends a list of enum values as one typed array parameter, never in the text', () => {
    const params: unknown[] = [];
    const states = ['accepted', 'in_progress'] as const;
    expect(anyOf(paramsAdder(params), states, 'referral_state')).toBe(
      '= ANY($1::referral_state[])',
    );
    expect(params).toEqual([['accepted', 'in_progress']]);
    // A copy: a later change to the caller's array cannot change what was sent.
    expect(params[0]).not.toBe(states);
  });

  it('writes only lower-case identifiers as literals', () => {
    expect(enumLiteral('ended')).toBe("'ended'");
    for (const bad of ["x' OR '1'='1", 'Ended', '', 'a;b', "a'"]) {
      expect(() => enumLiteral(bad)).toThrow('Not an enum value');
    }
  });
});
