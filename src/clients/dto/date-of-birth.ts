import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The earliest date of birth Lotse accepts. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in Germany, as `YYYY-MM-DD`: the jobcenters' calendar, whatever the server's. */
export function todayInGermany(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 2024-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A date of birth: a calendar date `YYYY-MM-DD`, not before 1900-01-01 and not in the future. */
export const IsDateOfBirth = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isDateOfBirth',
      validator: {
        // ISO dates compare correctly as strings.
        validate: (value: unknown) =>
          isCalendarDate(value) && value >= EARLIEST_DATE_OF_BIRTH && value <= todayInGermany(),
        defaultMessage: () =>
          `$property must be a date YYYY-MM-DD between ${EARLIEST_DATE_OF_BIRTH} and today`,
      },
    },
    options,
  );
