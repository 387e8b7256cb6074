import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate, todayInGermany } from '../../common/calendar';

/** The earliest date of birth Lotse accepts. */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

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
