#!/usr/bin/env node
// Usage: npm run migration:generate -- <PascalName>
// Diffs the entities against the database at DATABASE_URL (migrated to the latest migration),
// writes migrations/<timestamp>-<PascalName>.ts and registers it in migrations/index.ts.
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <PascalName>   (e.g. AddReferrals)');
  process.exit(2);
}
const root = join(__dirname, '..');
const dir = join(root, 'migrations');
const before = new Set(readdirSync(dir));
try {
  execFileSync(
    join(root, 'node_modules/.bin/typeorm-ts-node-commonjs'),
    ['migration:generate', join('migrations', name), '-d', 'src/database/data-source.ts', '-p'],
    { cwd: root, stdio: 'inherit' },
  );
} catch {
  // The CLI has printed why (e.g. "No changes in database schema were found").
  process.exit(1);
}
const added = readdirSync(dir).filter((f) => !before.has(f) && f.endsWith('.ts'));
if (added.length !== 1) process.exit(0); // nothing changed, or the CLI said why
const file = added[0];
const className = /export class (\w+)/.exec(readFileSync(join(dir, file), 'utf8'))[1];
const indexPath = join(dir, 'index.ts');
let index = readFileSync(indexPath, 'utf8');
const importLine = `import { ${className} } from './${file.replace(/\.ts$/, '')}';\n`;
index = index
  .replace(/\n\ntype MigrationClass/, `\n${importLine}\ntype MigrationClass`)
  .replace(/(migrations[^=]*=\s*)\[([^\]]*)\]/, (_, head, list) => {
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return `${head}[${[...items, className].join(', ')}]`;
  });
writeFileSync(indexPath, index);
execFileSync(join(root, 'node_modules/.bin/prettier'), ['--write', indexPath, join(dir, file)], {
  cwd: root,
  stdio: 'inherit',
});
console.log(`Registered ${className} in migrations/index.ts`);
