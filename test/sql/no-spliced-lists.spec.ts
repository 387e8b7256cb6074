import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Lists of values travel as one array parameter (`anyOf`, src/common/sql/sql.ts), never spliced
 * into a statement's text: the pattern this replaced was copied five times (issue 17).
 */
const ROOT = join(__dirname, '../../src');
const SPLICES: { pattern: RegExp; what: string }[] = [
  {
    pattern: /\.map\(\((\w+)\) => `'\$\{\1\}'`\)/,
    what: "a list quoted with .map((s) => `'${s}'`)",
  },
  { pattern: /\bIN \(\$\{/, what: 'an IN list built into the text' },
  {
    pattern: /= '\$\{|<> '\$\{/,
    what: 'a value quoted into the text (use enumLiteral or a parameter)',
  },
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('no value is spliced into SQL text', () => {
  it('finds none in src/', () => {
    const found = sources(ROOT).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          SPLICES.filter(({ pattern }) => pattern.test(line)).map(
            ({ what }) => `${relative(ROOT, file)}:${i + 1}: ${what}`,
          ),
        ),
    );
    expect(found).toEqual([]);
  });

  it('recognises each pattern (the check can fail)', () => {
    const samples = [
      "const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');",
      'WHERE state IN (${OPEN})',
      "AND t.to_state = '${ReferralState.Ended}'",
    ];
    samples.forEach((line, i) => expect(SPLICES[i].pattern.test(line)).toBe(true));
  });
});
