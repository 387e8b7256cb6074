// Module boundaries of src/ (docs/architecture/0013-module-boundaries.md).
//
//   node scripts/boundaries.mjs check [<root>]   (`npm run lint`): the import rules of
//       .dependency-cruiser.js and no cycle between modules. <root> (default: the
//       repository) holds a `src/`; the tests point it at fixtures (test/lint/fixtures/).
//
// Exits 1 and prints each violation when a check fails.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

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

async function check(root) {
  const graph = await dependencyGraph(root);
  const problems = graph.summary.violations.map(
    (v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.join(' → ')})` : ''}`,
  );
  for (const { modules, steps } of moduleCycles(moduleEdges(graph))) {
    problems.push(`module-cycle: ${modules.join(' → ')}\n    ${steps.join('\n    ')}`);
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

const [command, root] = process.argv.slice(2);
if (command === 'check') await check(root ? resolve(root) : REPO);
else {
  console.error('usage: node scripts/boundaries.mjs check [<root>]');
  process.exitCode = 2;
}
