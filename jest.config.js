const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// Nest 12 and a few of its dependencies are ESM-only; Jest 29 on Node 20 cannot load them, so
// every "type":"module" package is compiled to CommonJS by the swc transformer (see docs/stack.md).
function esmPackages(root = join(__dirname, 'node_modules')) {
  const out = [];
  for (const name of readdirSync(root)) {
    if (name.startsWith('.')) continue;
    const dirs = name.startsWith('@')
      ? readdirSync(join(root, name)).map((n) => `${name}/${n}`)
      : [name];
    for (const dir of dirs) {
      try {
        if (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).type === 'module') {
          out.push(dir);
        }
      } catch {
        // not a package folder
      }
      // A package's own copy of a dependency (another version than the top-level one).
      try {
        out.push(...esmPackages(join(root, dir, 'node_modules')));
      } catch {
        // no nested node_modules
      }
    }
  }
  return [...new Set(out)];
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/migrations'],
  testRegex: '.*\\.spec\\.ts$',
  transform: { '^.+\\.(t|j)s$': '<rootDir>/test/support/swc-transformer.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().map(escape).join('|')})/)`],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testEnvironment: 'node',
  testTimeout: 60000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Every response of every test app is checked against openapi.json (docs/security.md §2 item 8a).
  setupFilesAfterEnv: ['<rootDir>/test/support/contract/contract-setup.ts'],
};
