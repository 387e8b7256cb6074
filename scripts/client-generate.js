// `npm run client:generate [-- <out>]`: the types of the TypeScript client from the committed
// openapi.json (openapi-typescript, root types on), written to clients/typescript/src/schema.d.ts
// or to <out> (CI's drift check writes elsewhere and compares).
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
const HEADER = [
  '/**',
  ' * Generated from openapi.json by `npm run client:generate` (openapi-typescript). Do not edit:',
  ' * change the API, run `npm run build && npm run openapi && npm run client:generate`.',
  ' */',
  '',
].join('\n');

async function main() {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const source = new URL(`file://${join(ROOT, 'openapi.json')}`);
  const ast = await openapiTS(source, { rootTypes: true });
  const target = resolve(process.argv[2] ?? join(ROOT, 'clients/typescript/src/schema.d.ts'));
  writeFileSync(target, HEADER + astToString(ast));
  process.stdout.write(`Wrote ${target}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
