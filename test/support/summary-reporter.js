// Prints the plain closing line `N passed, N failed` that CI reads. A suite that fails before
// running any test (a compile error, a failing beforeAll) counts as one failure.
module.exports = class SummaryReporter {
  onRunComplete(_contexts, results) {
    const brokenSuites = results.testResults.filter(
      (suite) => suite.testExecError || (suite.failureMessage && suite.numFailingTests === 0),
    ).length;
    const failed = results.numFailedTests + brokenSuites;
    process.stdout.write(`${results.numPassedTests} passed, ${failed} failed\n`);
  }
};
