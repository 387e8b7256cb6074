import {
  ACTION_FORMAT,
  AUDIT_ACTION_DESCRIPTIONS,
  AuditAction,
  DISCLOSURE_ACTIONS,
} from './audit-actions';

describe('the catalogue of audit actions', () => {
  const actions = Object.values(AuditAction);

  it('names every action area.verb, each once', () => {
    expect(actions.filter((a) => !ACTION_FORMAT.test(a))).toEqual([]);
    expect(new Set(actions).size).toBe(actions.length);
    expect(ACTION_FORMAT.test(`test.${'x'.repeat(60)}`)).toBe(false);
    expect(ACTION_FORMAT.test('Login')).toBe(false);
  });

  it('describes every action in a sentence', () => {
    expect(Object.keys(AUDIT_ACTION_DESCRIPTIONS).sort()).toEqual([...actions].sort());
    expect(actions.filter((a) => !/^[A-Z"'].{10,}\.$/.test(AUDIT_ACTION_DESCRIPTIONS[a]))).toEqual(
      [],
    );
  });

  it('counts every `*.disclose` action as a disclosure, and nothing else', () => {
    expect([...DISCLOSURE_ACTIONS].sort()).toEqual(
      actions.filter((a) => a.endsWith('.disclose')).sort(),
    );
  });
});
