import { BillingUnit } from '../providers/billing-unit';
import { formatEuros, isClosed, monthSpan, overlapsValidity, totalsOf } from './billing-rules';

describe('billing rules', () => {
  it('spans a month, December and February included', () => {
    expect(monthSpan('2026-12')).toEqual({
      month: '2026-12',
      from: '2026-12-01',
      until: '2027-01-01',
      last: '2026-12-31',
    });
    expect(monthSpan('2028-02').last).toBe('2028-02-29');
    expect(monthSpan('2026-02').last).toBe('2026-02-28');
    expect(() => monthSpan('2026-13')).toThrow();
  });

  it('bills a month only once it has ended', () => {
    expect(isClosed(monthSpan('2026-11'), '2026-11-30')).toBe(false);
    expect(isClosed(monthSpan('2026-11'), '2026-12-01')).toBe(true);
  });

  it("needs a day of the contract's validity in the month", () => {
    const span = monthSpan('2026-03');
    expect(overlapsValidity(span, '2026-03-31', null)).toBe(true);
    expect(overlapsValidity(span, '2026-04-01', null)).toBe(false);
    expect(overlapsValidity(span, '2025-01-01', '2026-03-01')).toBe(true);
    expect(overlapsValidity(span, '2025-01-01', '2026-02-28')).toBe(false);
  });

  it('formats cents as euros exactly, beyond the range of doubles', () => {
    expect(formatEuros(0n)).toBe('0.00');
    expect(formatEuros(5n)).toBe('0.05');
    expect(formatEuros(123456n)).toBe('1234.56');
    expect(formatEuros(9007199254740993n)).toBe('90071992547409.93');
    expect(formatEuros(-150n)).toBe('-1.50');
  });

  it('sums lines per unit in integers', () => {
    const { subtotals, totalCents } = totalsOf([
      { referralId: 'a', unit: BillingUnit.ActiveCaseMonth, unitPriceCents: 33333 },
      { referralId: 'b', unit: BillingUnit.ActiveCaseMonth, unitPriceCents: 33333 },
      { referralId: 'a', unit: BillingUnit.InitialAssessment, unitPriceCents: 10 },
    ]);
    expect(totalCents).toBe(66676n);
    expect(subtotals).toEqual([
      { unit: BillingUnit.ActiveCaseMonth, count: 2, unitPriceCents: 33333, amountCents: 66666n },
      { unit: BillingUnit.InitialAssessment, count: 1, unitPriceCents: 10, amountCents: 10n },
    ]);
  });
});
