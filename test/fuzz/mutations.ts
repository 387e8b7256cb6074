import fc from 'fast-check';

/**
 * What the fuzzer does to a valid request, as plain data (so that a failing case prints in
 * full and replays from its seed). Picks are indices taken modulo whatever they pick from,
 * which keeps one arbitrary for every operation.
 */
export type Mutation =
  | { kind: 'body-field'; pick: number; value: Weird }
  | { kind: 'drop-field'; pick: number }
  | { kind: 'extra-field'; name: string; value: Weird }
  | { kind: 'null-everywhere' }
  | { kind: 'body-replace'; value: Weird }
  | { kind: 'raw-body'; text: RawText; contentType: string }
  | { kind: 'wrong-content-type'; contentType: string }
  | { kind: 'query-value'; pick: number; value: string }
  | { kind: 'query-duplicate'; pick: number; second: string }
  | { kind: 'query-extra'; name: string; value: string }
  | { kind: 'path-param'; value: PathValue }
  | { kind: 'if-match'; value: string | null }
  | { kind: 'idempotency-key'; value: string | null };

/** A JSON value to put where a valid one was; `deep` is rendered as deeply nested JSON text. */
export type Weird = { json: unknown } | { deep: number };

export type RawText =
  { malformed: string } | { deepArray: number } | { huge: number } | { text: string };

export type PathValue = { literal: string } | { random: true } | { foreign: number };

export interface Plan {
  /** Which of the actors allowed to call the operation sends it. */
  actorPick: number;
  /** Which of the operation's own objects the path names. */
  idPick: number;
  /** Whether to read the resource's ETag first (else a made-up one). */
  freshEtag: boolean;
  mutations: Mutation[];
}

const HUGE = 'x'.repeat(100_000);
const HUGE_ASTRAL = '😀'.repeat(25_000);

/** Strings that have broken parsers, encoders and databases before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '𝕃𝕠𝕥𝕤𝕖 😀👩‍👩‍👧',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  'שלום',
  '\u0007\u001B[31m\r\nFAKE level=info',
  '\uFEFF\u200B',
  "' OR '1'='1' --",
  '"; DROP TABLE clients; --',
  '%00%ff',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '1e400',
  '99999999999999999999999999',
  '0x7fffffff',
  '2026-02-30',
  '0000-01-01',
  '99999-12-31',
  '2026-13-01T25:61:61Z',
  '1970-01-01T00:00:00.000Z',
  'true',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  HUGE,
  HUGE_ASTRAL,
];

const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const weird: fc.Arbitrary<Weird> = fc.oneof(
  { weight: 4, arbitrary: anyString.map((json) => ({ json })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double({ noNaN: true }))
      .map((json) => ({ json })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<unknown>(null, true, false, [], {}, [null], [''], { a: 1 }, [[[]]])
      .map((json) => ({ json })),
  },
  { weight: 1, arbitrary: fc.array(anyString, { maxLength: 5 }).map((json) => ({ json })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constant('participation'), { minLength: 1000, maxLength: 1000 })
      .map((json) => ({ json })),
  },
  { weight: 1, arbitrary: fc.constantFrom(64, 2000, 20_000).map((deep) => ({ deep })) },
);

/** Query and path values are strings on the wire; the URL encodes whatever they hold. */
const wireString = fc.oneof(
  { weight: 3, arbitrary: anyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-5',
      '101',
      '1.5',
      '1e3',
      '',
      '[]',
      '{}',
      'a,b',
      'x'.repeat(5000),
    ),
  },
);

/** Header values: Node refuses characters outside Latin-1 and control characters. */
const headerString = fc.oneof(
  fc.constantFrom(
    '',
    '*',
    'W/"1"',
    '"1", "2"',
    '"abc"',
    '"99999999999"',
    '"-1"',
    '1',
    'null',
    'x'.repeat(8000),
    '"1"'.repeat(500),
    'ÿþ',
  ),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
);

const fieldName = fc.oneof(
  fc.constantFrom(
    'id',
    'role',
    'roles',
    'isAdmin',
    'providerId',
    'jobcenterId',
    'organisationId',
    'clientId',
    'consentStatus',
    'version',
    'createdAt',
    'createdBy',
    '__proto__',
    'constructor',
    'prototype',
    'x'.repeat(10_000),
    '',
    '\u0000',
  ),
  fc.string({ minLength: 1, maxLength: 20 }),
);

const contentTypes = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/problem+json',
  'application/json-patch+json',
  'garbage',
);

const rawText: fc.Arbitrary<RawText> = fc.oneof(
  fc
    .constantFrom(
      '{',
      '{"a":',
      '{"a":1,}',
      "{'a':1}",
      '[1,2',
      'undefined',
      'NaN',
      '{"a":1}{"b":2}',
      '\u0000',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '"just a string"',
      '42',
      'null',
    )
    .map((malformed) => ({ malformed })),
  fc.constantFrom(500, 5000, 50_000).map((deepArray) => ({ deepArray })),
  fc.constantFrom(300_000).map((huge) => ({ huge })),
  anyString.map((text) => ({ text })),
);

const pathValue: fc.Arbitrary<PathValue> = fc.oneof(
  fc
    .constantFrom(
      'not-a-uuid',
      '1',
      '-1',
      '0',
      '00000000-0000-0000-0000-00000000000g',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '%00',
      '..',
      "'; SELECT 1; --",
      'a'.repeat(99),
      'a'.repeat(101),
      '7'.repeat(5000),
      '😀',
      '\u0000',
    )
    .map((literal) => ({ literal })),
  fc.constant({ random: true as const }),
  fc.nat().map((foreign) => ({ foreign })),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('body-field' as const),
      pick: fc.nat(),
      value: weird,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop-field' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra-field' as const),
      name: fieldName,
      value: weird,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'null-everywhere' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body-replace' as const), value: weird }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw-body' as const),
      text: rawText,
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wrong-content-type' as const),
      contentType: contentTypes,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('query-value' as const),
      pick: fc.nat(),
      value: wireString,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query-duplicate' as const),
      pick: fc.nat(),
      second: fc.oneof(fc.constant(''), wireString),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('query-extra' as const),
      name: fieldName,
      value: wireString,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('path-param' as const), value: pathValue }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('if-match' as const),
      value: fc.option(headerString),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('idempotency-key' as const),
      value: fc.option(headerString),
    }),
  },
);

/** One request in four goes out valid, so that the happy paths run under the same checks. */
export const plan: fc.Arbitrary<Plan> = fc.record({
  actorPick: fc.nat(),
  idPick: fc.nat(),
  freshEtag: fc.boolean(),
  mutations: fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
    { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
  ),
});

/** JSON text nested `depth` levels: `{"a":{"a":…}}` or `[[…]]`. */
export function deepJson(depth: number, array = false): string {
  return array
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
