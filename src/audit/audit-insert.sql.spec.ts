import { paramsAdder } from '../common/sql/sql';
import { AuditAction } from './audit-actions';
import { auditInsertSql, type AuditInsertEntry } from './audit-insert.sql';
import { InvalidAuditEntry } from './audit.service';

const ENTRY: AuditInsertEntry = {
  actorKind: 'user',
  actorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  organisationId: '0b9e6679-7425-40de-944b-e07fc1f90ae7',
  requestId: 'req-1',
  action: AuditAction.ContentDisclose,
  outcome: 'success',
  resourceType: 'referral',
};
const ROW = { from: 'x', resourceId: 'x.id', clientId: 'x.client_id' };

describe('auditInsertSql', () => {
  it('sends the entry as parameters, so that its text is the same for every actor', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const other = { ...ENTRY, actorId: '1c9e6679-7425-40de-944b-e07fc1f90ae7', requestId: 'r2' };
    const text = auditInsertSql(paramsAdder(first), ENTRY, ROW);
    expect(auditInsertSql(paramsAdder(second), other, ROW)).toBe(text);
    expect(first).toEqual([
      'user',
      ENTRY.actorId,
      ENTRY.organisationId,
      'content.disclose',
      'success',
      'referral',
      'req-1',
    ]);
    expect(text).toMatch(/^INSERT INTO audit_events .* FROM x\s+WHERE TRUE\s+RETURNING/s);
  });

  it('refuses an entry the trail would refuse, before any SQL is built', () => {
    expect(() => auditInsertSql(paramsAdder([]), { ...ENTRY, actorId: 'nope' }, ROW)).toThrow(
      InvalidAuditEntry,
    );
    const action = 'Not An Action' as AuditAction;
    expect(() => auditInsertSql(paramsAdder([]), { ...ENTRY, action }, ROW)).toThrow(
      InvalidAuditEntry,
    );
  });

  it('writes details under plain keys only', () => {
    const details = { "x', 1); DROP": '1' };
    expect(() => auditInsertSql(paramsAdder([]), ENTRY, { ...ROW, details })).toThrow(
      InvalidAuditEntry,
    );
    expect(auditInsertSql(paramsAdder([]), ENTRY, { ...ROW, details: { reports: '1' } })).toContain(
      "jsonb_build_object('reports', 1)",
    );
  });
});
