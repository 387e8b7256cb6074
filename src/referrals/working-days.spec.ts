import { todayInGermany } from '../common/calendar';
import { FederalState, publicHolidays } from '../common/public-holidays';
import { addWorkingDays } from './working-days';

const { Hessen, NordrheinWestfalen, Berlin, Brandenburg, Bayern } = FederalState;

describe('working days', () => {
  it.each([
    ['2026-09-07', 10, '2026-09-21'], // Monday + 10 → Monday two weeks later
    ['2026-11-20', 1, '2026-11-23'], // Friday + 1 → Monday
    ['2026-11-21', 1, '2026-11-23'], // Saturday + 1 → Monday
    ['2026-11-22', 5, '2026-11-27'], // Sunday + 5 → Friday
    ['2026-12-31', 1, '2027-01-04'], // New Year (every Land), then the weekend
    ['2026-12-23', 2, '2026-12-28'], // Christmas Eve counts; 25th, 26th and the weekend do not
    ['2027-03-25', 1, '2027-03-30'], // Good Friday and Easter Monday
    ['2026-11-18', 0, '2026-11-18'],
  ])('%s + %d working days = %s, in every Land', (from, days, expected) => {
    expect(addWorkingDays(from, days, null)).toBe(expected);
    for (const state of Object.values(FederalState)) {
      expect(addWorkingDays(from, days, state)).toBe(expected);
    }
  });

  it.each([
    // Fronleichnam (Corpus Christi), Thursday 27 May 2027: in Hessen and NRW, not in Berlin.
    ['2027-05-26', 1, Hessen, '2027-05-28'],
    ['2027-05-26', 1, NordrheinWestfalen, '2027-05-28'],
    ['2027-05-26', 1, Berlin, '2027-05-27'],
    ['2027-05-26', 1, null, '2027-05-27'],
    ['2027-05-17', 10, Hessen, '2027-06-01'], // Whit Monday (start) and Fronleichnam inside
    // Reformationstag, Tuesday 31 October 2028: in Brandenburg, not in Hessen or NRW.
    ['2028-10-30', 1, Hessen, '2028-10-31'],
    ['2028-10-30', 1, NordrheinWestfalen, '2028-10-31'],
    ['2028-10-30', 1, Brandenburg, '2028-11-01'],
    // Allerheiligen (All Saints), Wednesday 1 November 2028: in NRW and Bayern, not in Hessen.
    ['2028-10-31', 1, NordrheinWestfalen, '2028-11-02'],
    ['2028-10-31', 1, Bayern, '2028-11-02'],
    ['2028-10-31', 1, Hessen, '2028-11-01'],
    ['2028-10-31', 1, null, '2028-11-01'],
    // A due date is never a holiday itself: from the day before it, past it.
    ['2027-10-29', 1, Hessen, '2027-11-01'],
    ['2027-10-29', 1, NordrheinWestfalen, '2027-11-02'],
  ])('%s + %d working days in %s = %s', (from, days, state, expected) => {
    expect(addWorkingDays(from, days, state)).toBe(expected);
  });

  it('knows the statutory holidays of Hessen and NRW', () => {
    expect([...publicHolidays(Hessen, 2027)]).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-17',
      '2027-05-27',
      '2027-10-03',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(publicHolidays(NordrheinWestfalen, 2027).has('2027-11-01')).toBe(true);
    expect(publicHolidays(Hessen, 2027).has('2027-11-01')).toBe(false);
    // Only the holidays of every Land without one: no Fronleichnam, no Frauentag.
    expect(publicHolidays(null, 2027).has('2027-05-27')).toBe(false);
    expect(publicHolidays(Berlin, 2027).has('2027-03-08')).toBe(true);
    expect(publicHolidays(null, 2027).size).toBe(9);
  });

  it('takes today in Berlin, not in UTC', () => {
    expect(todayInGermany(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(todayInGermany(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayInGermany(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
