import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
}

/** Whether a query failed on a unique index (named `constraint`, if given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const pg = error.driverError as PgError;
  return pg.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
