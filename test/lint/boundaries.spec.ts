import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The module boundaries `npm run lint` checks (docs/architecture/0016) bite: the check run on
 * small trees under test/lint/fixtures/ fails on each kind of violation, naming it, and passes
 * a tree that keeps the rules (public entries, published SQL, the case-access home).
 */
const ROOT = join(__dirname, '../..');

function check(fixture: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    ['scripts/boundaries.mjs', 'check', join(__dirname, 'fixtures', fixture)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('module boundaries (npm run lint)', () => {
  it('pass a tree that imports public entries and reads foreign tables through published SQL', () => {
    const { status, output } = check('clean');
    expect(output).toContain('module boundaries: ok');
    expect(status).toBe(0);
  });

  it('fail on a cross-module import of an internal file', () => {
    const { status, output } = check('internal-import');
    expect(output).toContain('public-entry-only: src/a/a.service.ts → src/b/b.repository.ts');
    expect(output).toContain('1 violation(s)');
    expect(status).toBe(1);
  });

  it('fail on a cycle between modules that no single file closes', () => {
    const { status, output } = check('module-cycle');
    expect(output).toContain('module-cycle: a → b → a');
    expect(output).toContain('src/b/more.service.ts → src/a/other.service.ts');
    expect(output).toContain('1 violation(s)');
    expect(status).toBe(1);
  });

  it('fail on a kernel that imports a module', () => {
    const { status, output } = check('kernel-import');
    expect(output).toContain('kernel-imports-no-module: src/common/limits.ts → src/a/a.service.ts');
    expect(status).toBe(1);
  });

  it("fail on SQL that reads another module's table", () => {
    const { status, output } = check('foreign-table');
    expect(output).toContain('foreign-table: src/b/b.repository.ts:2 names apples (owned by a)');
    expect(output).toContain('1 violation(s)');
    expect(status).toBe(1);
  });
});
