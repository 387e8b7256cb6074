import { compactJson } from './compact-json';

describe('compactJson', () => {
  const value = {
    short: { $ref: '#/components/schemas/A' },
    list: [1, 2, 3],
    skipped: undefined,
    long: { text: 'x'.repeat(120), nested: { a: [{ b: null }] } },
  };

  it('is the same JSON as JSON.stringify', () => {
    expect(JSON.parse(compactJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('keeps what fits on one line, and indents the rest', () => {
    expect(compactJson(value, 100).split('\n')).toEqual([
      '{',
      '  "short": {"$ref":"#/components/schemas/A"},',
      '  "list": [1,2,3],',
      '  "long": {',
      `    "text": "${'x'.repeat(120)}",`,
      '    "nested": {"a":[{"b":null}]}',
      '  }',
      '}',
      '',
    ]);
  });
});
