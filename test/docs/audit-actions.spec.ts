import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_DESCRIPTIONS, AuditAction } from '../../src/audit/audit-actions';

/**
 * docs/operations/audit-trail.md, "Actions", lists the catalogue of audit actions as it is: each
 * action once, with its description, in the catalogue's order.
 */
describe('the table of audit actions in docs/operations/audit-trail.md', () => {
  it('is the catalogue', () => {
    const doc = readFileSync(join(__dirname, '../../docs/operations/audit-trail.md'), 'utf8');
    const section = doc.slice(doc.indexOf('\n## Actions\n'), doc.indexOf('\n## Who reads what\n'));
    const rows = [...section.matchAll(/^\| `([a-z_.]+)` +\| ([^|]+?) +\|$/gm)].map(
      ([, action, text]) => [action, text],
    );
    const catalogue = Object.values(AuditAction).map((a) => [a, AUDIT_ACTION_DESCRIPTIONS[a]]);
    expect(rows).toEqual(catalogue);
  });
});
