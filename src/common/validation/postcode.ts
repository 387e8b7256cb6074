import { Matches } from 'class-validator';

/** A German postcode (PLZ): five digits. */
export const POSTCODE = /^\d{5}$/;

export const IsPostcode = (options: { each?: boolean } = {}): PropertyDecorator =>
  Matches(POSTCODE, { ...options, message: '$property must be a German postcode (5 digits)' });
