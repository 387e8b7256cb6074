import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../calendar';

/** A day, `YYYY-MM-DD` (a real one: no 2026-02-30). */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => '$property must be a date YYYY-MM-DD',
      },
    },
    options,
  );
