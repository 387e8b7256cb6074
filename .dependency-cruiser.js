// @ts-check
// Module boundaries of src/ (docs/architecture/0016-module-boundaries.md), checked by
// `npm run lint` through scripts/check-boundaries.mjs, which also rejects module cycles and
// SQL that names another module's table. The module map is scripts/module-map.js.
const {
  ENTRY_POINTS,
  KERNEL,
  PUBLIC_FILES,
  PUBLIC_IN_EVERY_MODULE,
} = require('./scripts/module-map.js');

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {string[]} */
const publicEntries = [
  `^src/[^/]+/(?:${PUBLIC_IN_EVERY_MODULE.join('|')})$`,
  ...Object.entries(PUBLIC_FILES).map(
    ([module, files]) => `^src/${escape(module)}/(?:${files.map(escape).join('|')})$`,
  ),
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'public-entry-only',
      comment:
        'A module imports another only through its public entry (scripts/module-map.js): ' +
        'its Nest module, services, DTOs, entities, decorators, published SQL and listed files.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', `^src/${KERNEL}/`, ...publicEntries],
      },
    },
    {
      name: 'kernel-imports-no-module',
      comment: `The shared kernel (src/${KERNEL}/) imports no module and not the composition root.`,
      severity: 'error',
      from: { path: `^src/${KERNEL}/` },
      to: { path: `^src/(?!${KERNEL}/)` },
    },
    {
      name: 'composition-root-from-entry-points-only',
      comment:
        'Only command-line entry points import the composition root (src/*.ts); a module ' +
        'that imported it would depend on every module.',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: ENTRY_POINTS.map((p) => `^${escape(p)}$`) },
      to: { path: '^src/[^/]+\\.ts$' },
    },
  ],
  options: {
    includeOnly: '^src/',
    exclude: { path: '\\.spec\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  },
};
