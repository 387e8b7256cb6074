// Module boundaries of src/ (docs/architecture/0016-module-boundaries.md).
//
//   node scripts/boundaries.mjs check [<root>]   (`npm run lint`): the import rules of
//       .dependency-cruiser.js, no cycle between modules, no SQL that names another module's
//       table outside the homes and allowances of scripts/module-map.js, and, for the
//       repository itself, the committed module graph is current. <root> (default: the
//       repository) holds a `src/`; the tests point it at fixtures (test/lint/fixtures/).
//   node scripts/boundaries.mjs graph            (`npm run graph`): writes the module graph.
//
// Exits 1 and prints each violation when a check fails.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const { TABLE_ALLOWANCES, TABLE_HOMES, TABLES_WITHOUT_ENTITY } = require('./module-map.js');

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const GRAPH_FILE = join(REPO, 'docs/architecture/module-graph.md');

/** The dependency graph of `<root>/src`, with the rule violations of .dependency-cruiser.js. */
async function dependencyGraph(root) {
  const options = await extractDepcruiseOptions(join(REPO, '.dependency-cruiser.js'));
  const { output } = await cruise(['src'], { ...options, baseDir: root, outputType: 'json' });
  return JSON.parse(output);
}

/** The module of a file (`src/<module>/…`), or null for the composition root (`src/*.ts`). */
const moduleOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1] ?? null;

/** Module → module → one import that makes the edge (`from → to`), from the cruise result. */
function moduleEdges(graph) {
  const edges = new Map();
  for (const { source, dependencies } of graph.modules) {
    const from = moduleOf(source);
    if (!from) continue;
    for (const { resolved } of dependencies) {
      const to = moduleOf(resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${source} → ${resolved}`);
    }
  }
  return edges;
}

/** Every cycle between modules, one per strongly connected component (Tarjan). */
function moduleCycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set();
    let member;
    do {
      member = stack.pop();
      component.add(member);
    } while (member !== node);
    if (component.size > 1) cycles.push(cycleThrough(edges, component));
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One cycle inside a strongly connected component: its modules, each edge with an import. */
function cycleThrough(edges, component) {
  const start = [...component].sort()[0];
  const path = [start];
  const seen = new Set([start]);
  const walk = (node) => {
    for (const next of [...(edges.get(node)?.keys() ?? [])].sort()) {
      if (!component.has(next)) continue;
      if (next === start) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  const steps = path.map((node, i) => edges.get(node).get(path[(i + 1) % path.length]));
  return { modules: [...path, start], steps };
}

/** Every file below `dir` whose name passes `keep`, as paths relative to `root`. */
function filesBelow(root, dir, keep) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const sourcesOf = (root) =>
  filesBelow(root, 'src', (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));

/** Table → owning module: the module of its `@Entity`, or scripts/module-map.js. */
function tableOwners(root) {
  const owners = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  for (const file of sourcesOf(root).filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, table] of text.matchAll(/@Entity\(\s*(?:\{\s*name:\s*)?'([a-z0-9_]+)'/g)) {
      owners.set(table, moduleOf(file));
    }
  }
  return owners;
}

/** The texts of a file's string and template literals (a template's expressions as `?`). */
function literalsOf(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const texts = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      texts.push({ text: node.text, at: node.getStart(source) });
    } else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      texts.push({ text: parts.join(' ? '), at: node.getStart(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts.map(({ text, at }) => ({
    text,
    line: source.getLineAndCharacterOfPosition(at).line + 1,
  }));
}

/** Where SQL is read or written: the table after one of these words. */
const TABLE_REFERENCE =
  /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|TRUNCATE)\s+(?:ONLY\s+)?"?([a-z][a-z0-9_]*)"?/gi;

/**
 * SQL in src/ that names a table of another module, outside the homes (the case-access home
 * reads the tables whose access it decides) and the allowances of scripts/module-map.js.
 */
function tableViolations(root) {
  const owners = tableOwners(root);
  const problems = [];
  for (const table of tablesCreatedByMigrations(root)) {
    if (!owners.has(table)) {
      problems.push(`table-owner: ${table} (created by a migration) has no entity and no owner`);
    }
  }
  for (const file of sourcesOf(root)) {
    const module = moduleOf(file);
    if (TABLE_HOMES.includes(module)) continue;
    const allowed = TABLE_ALLOWANCES.filter((a) => a.file === file).flatMap((a) => a.tables);
    for (const { text, line } of literalsOf(join(root, file))) {
      for (const [, name] of text.matchAll(TABLE_REFERENCE)) {
        const table = name.toLowerCase();
        const owner = owners.get(table);
        if (owner === undefined || owner === module || allowed.includes(table)) continue;
        problems.push(`foreign-table: ${file}:${line} names ${table} (owned by ${owner})`);
      }
    }
  }
  return problems;
}

/** Tables the migrations create (`CREATE [UNLOGGED] TABLE "x"`); none in a fixture. */
function tablesCreatedByMigrations(root) {
  const tables = new Set();
  for (const file of filesBelow(root, 'migrations', (name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, table] of text.matchAll(
      /CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?"?([a-z0-9_]+)"?/g,
    )) {
      tables.add(table);
    }
  }
  return tables;
}

/**
 * The module graph as committed in docs/architecture/module-graph.md: dependency-cruiser's
 * mermaid output with every folder collapsed to its module. The kernel (imported by every
 * module) and the composition root (which imports every module) are left out of the picture.
 */
async function moduleGraphDocument(graph) {
  const { output } = await format(graph, {
    outputType: 'mermaid',
    collapse: '^src/[^/]+',
    exclude: '^src/(?:common/|[^/]+\\.ts$)',
  });
  return [
    '# Module graph',
    '',
    'Which module of `src/` imports which: generated by `npm run graph` from the imports',
    '(dependency-cruiser, each folder collapsed to its module; the shared kernel `src/common/`,',
    'which every module imports, and the composition root `src/*.ts`, which imports every module,',
    'are left out). `npm run lint` fails when it is out of date. The rules:',
    '[ADR 0016](0016-module-boundaries.md).',
    '',
    '```mermaid',
    output.trim(),
    '```',
    '',
  ].join('\n');
}

async function check(root) {
  const graph = await dependencyGraph(root);
  const problems = graph.summary.violations.map(
    (v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.join(' → ')})` : ''}`,
  );
  for (const { modules, steps } of moduleCycles(moduleEdges(graph))) {
    problems.push(`module-cycle: ${modules.join(' → ')}\n    ${steps.join('\n    ')}`);
  }
  problems.push(...tableViolations(root));
  if (root === REPO && readFileSync(GRAPH_FILE, 'utf8') !== (await moduleGraphDocument(graph))) {
    problems.push('module-graph: docs/architecture/module-graph.md is out of date: npm run graph');
  }
  for (const problem of problems) console.error(`  ${problem}`);
  const cruised = `${graph.summary.totalCruised} files, ${graph.summary.totalDependenciesCruised} imports`;
  if (problems.length > 0) {
    console.error(`module boundaries: ${problems.length} violation(s) (${cruised})`);
    process.exitCode = 1;
  } else {
    console.log(`module boundaries: ok (${cruised})`);
  }
}

async function writeGraph() {
  writeFileSync(GRAPH_FILE, await moduleGraphDocument(await dependencyGraph(REPO)));
  console.log(`Wrote ${GRAPH_FILE}`);
}

const [command, root] = process.argv.slice(2);
if (command === 'check') await check(root ? resolve(root) : REPO);
else if (command === 'graph') await writeGraph();
else {
  console.error('usage: node scripts/boundaries.mjs check [<root>] | graph');
  process.exitCode = 2;
}
