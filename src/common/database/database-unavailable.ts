import { QueryRunnerAlreadyReleasedError } from 'typeorm';

// Errors that mean "the database cannot be reached right now", as opposed to a bad query.
// Class 08 (connection exception) and 57P0x (operator intervention, e.g. terminated by admin).
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection is not established|Cannot use a pool after calling end/i;

/** True when an error (or the driver error it wraps) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e !== 'object') return false;
    // TypeORM releases a query runner itself when its connection emits `error` (the server
    // died), so the next statement of a transaction in progress fails with this, not with the
    // driver's error. Lotse only uses runners inside transaction callbacks, never after them.
    if (e instanceof QueryRunnerAlreadyReleasedError) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code))
    )
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    e =
      (e as { driverError?: unknown; cause?: unknown }).driverError ??
      (e as { cause?: unknown }).cause;
  }
  return false;
}
