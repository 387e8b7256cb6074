import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localisedTitle, prefersGerman, PROBLEM_KINDS } from './problem-catalogue';
import { STATUS_KINDS } from './problem-details';

/** Every `.ts` file of src/ except specs. */
function sources(dir = join(__dirname, '..', '..')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the problem catalogue', () => {
  it('has every kind the code names: error classes, status kinds and literal types', () => {
    const named = new Set<string>(Object.values(STATUS_KINDS).map((s) => s.kind));
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/readonly kind = '([a-z-]+)'/g)) named.add(match[1]);
      for (const match of text.matchAll(/problemType\('([a-z-]+)'\)/g)) named.add(match[1]);
    }
    const filter = readFileSync(join(__dirname, 'problem-details.filter.ts'), 'utf8');
    for (const match of filter.matchAll(/kind: '([a-z-]+)'/g)) named.add(match[1]);
    expect(named.size).toBeGreaterThan(40);
    expect([...named].filter((kind) => !PROBLEM_KINDS.includes(kind as never))).toEqual([]);
  });

  it('reads Accept-Language by weight, German only when preferred over English', () => {
    expect(prefersGerman('de-DE,de;q=0.9,en;q=0.8')).toBe(true);
    expect(prefersGerman('de')).toBe(true);
    expect(prefersGerman('en-US,en;q=0.9,de;q=0.8')).toBe(false);
    expect(prefersGerman('fr-FR, de;q=0.5')).toBe(true);
    expect(prefersGerman('de;q=0.4, en;q=0.6')).toBe(false);
    expect(prefersGerman('de;q=0')).toBe(false);
    expect(prefersGerman('*')).toBe(false);
    expect(prefersGerman(undefined)).toBe(false);
  });

  it('gives the German title of a known kind, the English one otherwise', () => {
    expect(localisedTitle('not-found', 'Not Found', true)).toBe('Nicht gefunden');
    expect(localisedTitle('not-found', 'Not Found', false)).toBe('Not Found');
    expect(localisedTitle('made-up', 'Made up', true)).toBe('Made up');
  });
});
