import { jsonBodyFault, MAX_JSON_DEPTH } from './json-body-guard';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('jsonBodyFault', () => {
  it('accepts scalars, no body, astral characters and bodies up to the depth limit', () => {
    expect(jsonBodyFault('x')).toBeUndefined();
    expect(jsonBodyFault(undefined)).toBeUndefined();
    expect(jsonBodyFault({ name: '𝕃𝕠𝕥𝕤𝕖 😀', tags: ['שלום', null, 1] })).toBeUndefined();
    expect(jsonBodyFault(nested(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it('refuses one level more, and a body deep enough to overflow a recursive walk', () => {
    expect(jsonBodyFault(nested(MAX_JSON_DEPTH + 1))).toMatch(/deeper than 32/);
    expect(jsonBodyFault({ ok: 1, deep: nested(200_000) })).toMatch(/deeper than 32/);
  });

  it('refuses a lone surrogate in a value or a key, high or low', () => {
    expect(jsonBodyFault({ email: 'a\uD800@b.de' })).toMatch(/surrogate/);
    expect(jsonBodyFault({ list: ['x\uDC00'] })).toMatch(/surrogate/);
    expect(jsonBodyFault({ ['\uD83D']: 1 })).toMatch(/surrogate/);
  });
});
