import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the test files of one run append `validated violations millis` (globalSetup sets it). */
export function contractLogPath(): string {
  return join(tmpdir(), `lotse-response-contract-${process.pid}-${Date.now()}.log`);
}

/** One line for the end of the run: how many responses were checked against openapi.json. */
export function printContractSummary(log: string | undefined): void {
  if (!log || !existsSync(log)) return;
  let validated = 0;
  let violations = 0;
  let millis = 0;
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const [v, n, ms] = line.split(' ').map(Number);
    validated += v;
    violations += n;
    millis += ms;
  }
  rmSync(log, { force: true });
  process.stdout.write(
    `\nResponse contract: ${validated} responses validated against openapi.json, ` +
      `${violations} violations, ${(millis / 1000).toFixed(1)} s in the validator\n`,
  );
}
