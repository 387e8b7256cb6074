import { appendFileSync } from 'node:fs';
import { contractStats, describeViolations, takeViolations } from './contract-hook';

// Jest runs this file before every test file (setupFilesAfterEnv): a response that breaks the
// contract (openapi.json) fails the test during which it was sent.

/** Violations that failed a test of this file (not those a test took on purpose). */
let failing = 0;

function failOn(where: string): void {
  const violations = takeViolations();
  if (violations.length === 0) return;
  failing += violations.length;
  throw new Error(
    `${violations.length} response(s) ${where} broke the contract of openapi.json:\n` +
      describeViolations(violations),
  );
}

afterEach(() => failOn('of this test'));

afterAll(() => {
  try {
    // Responses sent in a beforeAll, outside any test.
    failOn('outside a test');
  } finally {
    const { validated, millis } = contractStats();
    const log = process.env.RESPONSE_CONTRACT_LOG;
    if (log && validated > 0) appendFileSync(log, `${validated} ${failing} ${millis.toFixed(1)}\n`);
  }
});
