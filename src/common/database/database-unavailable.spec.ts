import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('counts a lost connection, in whichever form the driver or TypeORM reports it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const crashed = new QueryFailedError('SELECT 1', [], {
      code: '57P01',
      message: 'terminating connection due to unexpected postmaster exit',
    } as unknown as Error);
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
    const unique = new QueryFailedError('INSERT', [], {
      code: '23505',
      message: 'duplicate key value violates unique constraint',
    } as unknown as Error);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
