import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_KINDS } from '../../src/common/problem/problem-catalogue';
import { STATUS_KINDS } from '../../src/common/problem/problem-details';

const ROOT = join(__dirname, '..', '..');

/** Every `.ts` file of src/ except specs. */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Each problem kind the code can produce, with its status where the code states one. */
function kindsInCode(): Map<string, number | undefined> {
  const kinds = new Map<string, number | undefined>(
    Object.entries(STATUS_KINDS).map(([status, { kind }]) => [kind, Number(status)]),
  );
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    // An error class: `readonly kind = 'x'` followed by its `readonly status = N`.
    for (const m of text.matchAll(/readonly kind = '([a-z-]+)';\s*readonly status = (\d{3})/g)) {
      kinds.set(m[1], Number(m[2]));
    }
    for (const m of text.matchAll(/readonly kind = '([a-z-]+)'/g)) {
      if (!kinds.has(m[1])) kinds.set(m[1], undefined);
    }
  }
  return kinds;
}

interface Row {
  status: string;
  title: string;
  when?: string;
  todo: string;
}

/** The rows of docs/problem-types.md's tables, by kind (the specific table wins). */
function documented(): Map<string, Row> {
  const text = readFileSync(join(ROOT, 'docs', 'problem-types.md'), 'utf8');
  const [, specific, generic] = text.split(/^## (?:Specific kinds|Generic status kinds)$/m);
  const rows = new Map<string, Row>();
  const read = (table: string, withWhen: boolean) => {
    for (const line of table.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      const kind = /^`([a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
      if (!kind || rows.has(kind)) continue;
      rows.set(
        kind,
        withWhen
          ? { status: cells[2], title: cells[3], when: cells[4], todo: cells[5] }
          : { status: cells[2], title: cells[3], todo: cells[4] },
      );
    }
  };
  read(specific, true);
  read(generic, false);
  return rows;
}

/*
 * docs/problem-types.md documents every problem `type` the code can produce (issue 16 point
 * 8): its status, what it means and what the client should do. A new kind without a row fails.
 */
describe('docs/problem-types.md', () => {
  const rows = documented();

  it('documents every kind the code produces, with its status, meaning and what to do', () => {
    const missing: string[] = [];
    for (const [kind, status] of kindsInCode()) {
      const row = rows.get(kind);
      if (!row) {
        missing.push(`${kind}: no row`);
        continue;
      }
      if (!/^\d{3}$/.test(row.status)) missing.push(`${kind}: status "${row.status}"`);
      if (status !== undefined && Number(row.status) !== status) {
        missing.push(`${kind}: documented ${row.status}, the code answers ${status}`);
      }
      if (!row.title) missing.push(`${kind}: no title`);
      if (row.when !== undefined && row.when.length < 10) missing.push(`${kind}: no meaning`);
      if (!row.todo || row.todo.length < 5) missing.push(`${kind}: no "what to do"`);
    }
    expect(missing).toEqual([]);
  });

  it('documents exactly the kinds of the problem catalogue (the OpenAPI enum)', () => {
    expect([...rows.keys()].sort()).toEqual([...PROBLEM_KINDS].sort());
    expect(kindsInCode().size).toBeGreaterThan(50);
  });
});
