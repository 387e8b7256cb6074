import { todayInGermany } from '../common/calendar';
import { addWorkingDays } from './working-days';

describe('working days', () => {
  it.each([
    ['2026-11-16', 10, '2026-11-30'], // Monday + 10 → Monday two weeks later
    ['2026-11-20', 1, '2026-11-23'], // Friday + 1 → Monday
    ['2026-11-21', 1, '2026-11-23'], // Saturday + 1 → Monday
    ['2026-11-22', 5, '2026-11-27'], // Sunday + 5 → Friday
    ['2026-12-31', 1, '2027-01-01'], // across the year (a holiday, not counted out)
    ['2026-11-18', 0, '2026-11-18'],
  ])('%s + %d working days = %s', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('takes today in Berlin, not in UTC', () => {
    expect(todayInGermany(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(todayInGermany(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayInGermany(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
