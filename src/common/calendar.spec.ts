import fc from 'fast-check';
import { todayInGermany } from './calendar';

const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

describe('todayInGermany', () => {
  it('is Berlin’s date at every instant, asked in any order (the per-minute memory)', () => {
    const instant = fc.date({
      min: new Date('2020-01-01'),
      max: new Date('2035-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const now of instants) expect(todayInGermany(now)).toBe(berlin.format(now));
      }),
    );
  });

  it('turns at Berlin’s midnight, in winter and in summer time', () => {
    for (const [before, after, day] of [
      ['2026-01-14T22:59:59.999Z', '2026-01-14T23:00:00.000Z', '2026-01-15'],
      ['2026-07-14T21:59:59.999Z', '2026-07-14T22:00:00.000Z', '2026-07-15'],
      ['2026-03-28T22:59:59.999Z', '2026-03-28T23:00:00.000Z', '2026-03-29'],
      ['2026-10-24T21:59:59.999Z', '2026-10-24T22:00:00.000Z', '2026-10-25'],
    ]) {
      expect(todayInGermany(new Date(after))).toBe(day);
      expect(todayInGermany(new Date(before))).not.toBe(day);
      expect(todayInGermany(new Date(after))).toBe(day);
    }
  });

  it('refuses an invalid date as before', () => {
    expect(() => todayInGermany(new Date(Number.NaN))).toThrow(RangeError);
  });
});
