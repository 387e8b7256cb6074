import { deletionOrder, reachedTables, type ForeignKey } from './erasure-plan';

const KEYS: ForeignKey[] = [
  { table: 'referrals', column: 'client_id', references: 'clients' },
  { table: 'reports', column: 'referral_id', references: 'referrals' },
  { table: 'report_sections', column: 'report_id', references: 'reports' },
  { table: 'consent_records', column: 'referral_id', references: 'referrals' },
  { table: 'consent_records', column: 'supersedes_id', references: 'consent_records' },
  { table: 'referrals', column: 'contract_id', references: 'contracts' },
];

describe('erasure plan', () => {
  it('reaches the tables with a client id and those referencing them, transitively, not the kept', () => {
    expect(reachedTables(['referrals', 'audit_events'], KEYS)).toEqual([
      'clients',
      'consent_records',
      'referrals',
      'report_sections',
      'reports',
    ]);
  });

  it('deletes a table before every table it references; self-references do not order', () => {
    const order = deletionOrder(
      ['clients', 'consent_records', 'referrals', 'report_sections', 'reports'],
      KEYS,
    );
    for (const k of KEYS.filter((k) => order.includes(k.references) && k.table !== k.references)) {
      expect(order.indexOf(k.table)).toBeLessThan(order.indexOf(k.references));
    }
    expect(order[order.length - 1]).toBe('clients');
  });

  it('refuses a cycle between tables', () => {
    expect(() =>
      deletionOrder(
        ['a', 'b'],
        [
          { table: 'a', column: 'b_id', references: 'b' },
          { table: 'b', column: 'a_id', references: 'a' },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
