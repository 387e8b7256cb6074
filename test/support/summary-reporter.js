// Prints the plain closing line `N passed, N failed` that CI reads, as the very last line of
// the run (Jest's own summary and teardown output come before it). A suite that fails before
// running any test (a compile error, a failing beforeAll) counts as one failure.
module.exports = class SummaryReporter {
  onRunComplete(_contexts, results) {
    const brokenSuites = results.testResults.filter(
      (suite) => suite.testExecError || (suite.failureMessage && suite.numFailingTests === 0),
    ).length;
    const failed = results.numFailedTests + brokenSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stdout.write(line));
  }
};
