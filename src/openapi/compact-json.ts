/**
 * JSON indented like `JSON.stringify(value, null, 2)`, except that an object or array whose
 * one-line form fits into `width` columns (with its indentation and key) stays on one line, as
 * prettier prints JSON (at 120 columns). The document's many small objects (`{ "$ref": … }`) then take one line
 * each: about a third of the size, and still a readable diff.
 */
export function compactJson(value: unknown, width = 120): string {
  const print = (node: unknown, indent: string, prefixLength: number): string => {
    const flat = JSON.stringify(node);
    if (node === null || typeof node !== 'object') return flat;
    if (indent.length + prefixLength + flat.length <= width) return flat;
    const inner = indent + '  ';
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      return `[\n${node.map((item) => inner + print(item ?? null, inner, 0)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(node as Record<string, unknown>).filter(
      ([, item]) => item !== undefined,
    );
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => {
      const head = `${JSON.stringify(key)}: `;
      return inner + head + print(item, inner, head.length);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  };
  return print(value, '', 0) + '\n';
}
