// `npm run test:reliability`: crash and concurrency scenarios (docs/security.md §5) against a
// PostgreSQL cluster the suite starts and removes itself, and the built app as a process of
// its own. Same transformer and summary line as `npm test`, which never picks these files up.
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testRegex: 'test/reliability/.*\\.reliability\\.ts$',
  // One cluster, crashed on purpose by some files: never two files at once.
  maxWorkers: 1,
  testTimeout: 180000,
  globalSetup: '<rootDir>/test/reliability/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/reliability/support/global-teardown.ts',
};
