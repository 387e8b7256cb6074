import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository is self-contained: code, tests and docs cite documents inside it
 * (`docs/domain.md`, `docs/security.md`, `docs/stack.md`, …), never the notes they were written
 * from, and every `docs/….md` they cite exists.
 */
const root = join(__dirname, '../..');
const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && /\.(ts|js|mjs|md|json|ya?ml|sh)$|^\.ci\/|^Dockerfile$/.test(f))
  .filter((f) => f !== 'package-lock.json' && f !== 'openapi.json' && existsSync(join(root, f)));

describe('citations', () => {
  it('cite no design, security or stack notes outside the repository', () => {
    const outside = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => /(?<![/\w])(DESIGN|SECURITY|STACK|STYLE)\.md/.test(text)),
    );
    expect(outside).toEqual([]);
  });

  it('cite only docs that exist', () => {
    const missing = files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\bdocs\/[\w/.-]+?\.md\b/g)]
        .map((m) => m[0])
        .filter((path) => !existsSync(join(root, path)))
        .map((path) => `${file}: ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
