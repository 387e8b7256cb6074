import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Compile-time guarantees, proved by compiling: the `*.typecheck.ts` files of this folder hold
 * code the compiler must accept and, marked `@ts-expect-error`, code it must refuse. Compiled
 * with the project's own options, they must give no error at all: an expected error that stops
 * occurring is one (TS2578, "unused @ts-expect-error").
 */
const root = join(__dirname, '../..');
const FIXTURES = ['disclosure.typecheck.ts', 'audit-actions.typecheck.ts'].map((f) =>
  join(__dirname, f),
);

function projectOptions(): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  return { ...parsed.options, noEmit: true, incremental: false };
}

describe('what the compiler refuses', () => {
  it('refuses every marked line of the fixtures, and nothing else', () => {
    const program = ts.createProgram(FIXTURES, projectOptions());
    const errors = FIXTURES.flatMap((file) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => {
        const where = d.file?.getLineAndCharacterOfPosition(d.start ?? 0);
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0];
        return `${relative(root, d.file?.fileName ?? '?')}:${(where?.line ?? 0) + 1} TS${d.code} ${text}`;
      }),
    );
    expect(errors).toEqual([]);
    for (const file of FIXTURES) {
      expect(readFileSync(file, 'utf8').match(/@ts-expect-error --/g)?.length).toBeGreaterThan(2);
    }
  }, 180_000);
});
