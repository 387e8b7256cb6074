import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** An error as the pg driver reports one: a message and a SQLSTATE `code`. */
const driverError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('counts a lost connection, in whichever form the driver or TypeORM reports it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const crashed = new QueryFailedError(
      'SELECT 1',
      [],
      driverError('57P01', 'terminating connection due to unexpected postmaster exit'),
    );
    // A transaction whose connection died under it (seen in R1, kill -9 of the postmaster).
    const released = new QueryRunnerAlreadyReleasedError();
    for (const error of [
      refused,
      crashed,
      released,
      new Error('Connection terminated unexpectedly'),
    ])
      expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not count a failing query', () => {
    const unique = new QueryFailedError(
      'INSERT',
      [],
      driverError('23505', 'duplicate key value violates unique constraint'),
    );
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
