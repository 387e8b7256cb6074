// Compiles our TypeScript and the ESM-only packages in node_modules to CommonJS with @swc/wasm,
// which has no per-platform binaries (see docs/stack.md §6).
const crypto = require('node:crypto');
const swc = require('@swc/wasm');

module.exports = {
  process(sourceText, sourcePath) {
    const isTs = sourcePath.endsWith('.ts');
    const { code, map } = swc.transformSync(sourceText, {
      filename: sourcePath,
      sourceMaps: 'inline',
      jsc: {
        parser: isTs ? { syntax: 'typescript', decorators: true } : { syntax: 'ecmascript' },
        transform: isTs ? { legacyDecorator: true, decoratorMetadata: true } : undefined,
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    });
    return { code, map };
  },
  getCacheKey(src, path, options) {
    return crypto
      .createHash('sha1')
      .update('swc-wasm-v1')
      .update(path)
      .update(src)
      .update(options.configString)
      .digest('hex');
  },
};
