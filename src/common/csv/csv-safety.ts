/**
 * What every CSV answer of the API shares: the content negotiation (CSV only when asked for at
 * least as much as JSON) and the neutralisation of cells a spreadsheet would run as formulas
 * (CSV injection, OWASP).
 */

/**
 * Whether the caller asked for CSV rather than JSON: `text/csv` with a quality at least that of
 * `application/json`. Wildcard ranges count for JSON only, so that "anything" gets JSON.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const weight = parameters.find((p) => p.startsWith('q='));
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    if (!Number.isFinite(q)) continue;
    if (type === 'text/csv') csv = Math.max(csv, q);
    if (type === 'application/json' || type === 'application/*' || type === '*/*') {
      json = Math.max(json, q);
    }
  }
  return csv > 0 && csv >= json;
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text a spreadsheet would run as a formula, prefixed with `'` so that it stays text. */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
