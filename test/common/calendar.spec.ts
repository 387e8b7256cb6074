import fc from 'fast-check';
import { todayInGermany } from '../../src/common/calendar';

/*
 * `todayInGermany` formats once per UTC minute and answers from that within the minute: for
 * any sequence of instants (near each other, around Berlin's midnights and the changes of
 * summer time, in any order), the same date as formatting each one afresh.
 */
const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

// Midnights and summer-time changes in Berlin, as UTC instants.
const EDGES = [
  Date.UTC(2026, 2, 28, 23, 0), // 29 March 2026 begins (CET)
  Date.UTC(2026, 2, 29, 1, 0), // summer time begins
  Date.UTC(2026, 2, 29, 22, 0), // 30 March begins (CEST)
  Date.UTC(2026, 9, 24, 22, 0), // 25 October begins (CEST)
  Date.UTC(2026, 9, 25, 1, 0), // summer time ends
  Date.UTC(2026, 9, 25, 23, 0), // 26 October begins (CET)
  Date.UTC(2026, 11, 31, 23, 0), // 2027 begins
];

describe('todayInGermany', () => {
  it('is the Berlin date of every instant, asked in any order', () => {
    const instant = fc.oneof(
      fc
        .constantFrom(...EDGES)
        .chain((edge) =>
          fc.integer({ min: -180_000, max: 180_000 }).map((offset) => edge + offset),
        ),
      fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const ms of instants) {
          expect(todayInGermany(new Date(ms))).toBe(fresh.format(new Date(ms)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('still refuses an invalid date', () => {
    expect(() => todayInGermany(new Date(Number.NaN))).toThrow(RangeError);
  });
});
