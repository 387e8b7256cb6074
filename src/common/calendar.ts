const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl formatter costs far more than using one (it showed in CPU profiles).
const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

const MINUTE_MS = 60_000;
/** The last minute asked for and its date: formatting showed in the hot reads' CPU profiles. */
let remembered = { minute: Number.NaN, date: '' };

/**
 * Today's date where the jobcenters are: `YYYY-MM-DD` in Europe/Berlin, whatever the server's.
 * Berlin's offsets from UTC are whole hours, so its date changes only at the start of a UTC
 * minute: within one minute the date is the same, and it is formatted once per minute.
 */
export function todayInGermany(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (minute !== remembered.minute) {
    remembered = { minute, date: BERLIN_DATE.format(now) };
  }
  return remembered.date;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
