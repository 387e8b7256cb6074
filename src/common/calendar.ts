const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl formatter costs far more than using one (it showed in CPU profiles).
const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** The UTC minute `todayInGermany` last formatted, and its date. */
let lastMinute = Number.NaN;
let lastDay = '';

/** Today's date where the jobcenters are: `YYYY-MM-DD` in Europe/Berlin, whatever the server's. */
export function todayInGermany(now: Date = new Date()): string {
  // Berlin's day begins at a whole minute of UTC (its offsets are whole hours), so the date is
  // the same for every instant of one UTC minute: formatted once per minute, not per request.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = BERLIN_DATE.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
