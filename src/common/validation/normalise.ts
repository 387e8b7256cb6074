import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Email addresses are compared case-insensitively: trimmed and lower-cased on the way in. */
export const NormaliseEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * An update field that may be left out but not sent as null. `@IsOptional()` skips every rule
 * for null too, which would hand null to a NOT NULL column (a 500 instead of a 400).
 */
export const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The fields of an update body that were sent (class fields not sent exist as undefined). */
export function fieldsSent(dto: object): string[] {
  return Object.entries(dto)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field)
    .sort();
}
