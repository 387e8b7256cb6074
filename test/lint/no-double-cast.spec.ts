import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run lint` refuses a double cast (`as unknown as`) in src/ outside the two library seams
 * (docs/architecture/0014-typed-disclosure-and-audit-catalogue.md): the real configuration,
 * run on a snippet that poses as an ordinary source file, must reject it.
 */
const root = join(__dirname, '../..');

function lintAs(file: string, text: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file],
    { cwd: root, input: text, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the double-cast rule', () => {
  it('rejects `as unknown as` in an ordinary source file', () => {
    const { status, output } = lintAs(
      'src/common/calendar.ts',
      "export const forced = 'x' as unknown as number;\n",
    );
    expect(output).toContain('No `as unknown as` outside the library seams');
    expect(status).toBe(1);
  }, 180_000);
});
