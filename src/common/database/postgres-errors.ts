import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
}

/** Whether a query failed with the SQLSTATE `code` (e.g. `42P01`, undefined table). */
export function hasSqlState(error: unknown, code: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as PgError).code === code;
}

/** Whether a query failed on a unique index (named `constraint`, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error.driverError as PgError;
  return pg.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * SQLSTATEs of class 22 ("data exception") that only a value sent by the client can cause once
 * the DTOs have validated it: a NUL character or an invalid escape in text or jsonb, a number or
 * date outside the column's range, text longer than the column. The request is at fault (400),
 * not the server.
 */
const INPUT_DATA_SQLSTATES = new Set([
  '22021', // character_not_in_repertoire: NUL (0x00) in text
  '22P05', // untranslatable_character: \u0000 in jsonb
  '22003', // numeric_value_out_of_range
  '22008', // datetime_field_overflow
  '22007', // invalid_datetime_format
  '22P02', // invalid_text_representation
  '22001', // string_data_right_truncation
]);

/** Whether a query failed on a value of the request that the database cannot store. */
export function isInputDataError(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code } = error.driverError as PgError;
  return code !== undefined && INPUT_DATA_SQLSTATES.has(code) ? code : undefined;
}
