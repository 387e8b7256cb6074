import { DomainError } from '../common/problem/domain-error';

/** Unknown, expired or already completed MFA challenge: sign in again. */
export class InvalidMfaChallenge extends DomainError {
  readonly kind = 'invalid-mfa-challenge';
  readonly status = 401;
  readonly title = 'Invalid MFA challenge';

  constructor() {
    super('The MFA challenge is not valid (any more). Sign in again with your password.');
  }
}

/** A wrong, used or malformed one-time code or recovery code. */
export class InvalidMfaCode extends DomainError {
  readonly kind = 'invalid-mfa-code';
  readonly status = 401;
  readonly title = 'Invalid code';

  constructor() {
    super('The code is wrong or was used already. Try the current code of your app.');
  }
}

/** Enrolment asked for by someone who has a second factor already (or must verify first). */
export class MfaAlreadyEnrolled extends DomainError {
  readonly kind = 'mfa-already-enrolled';
  readonly status = 409;
  readonly title = 'Second factor already set up';

  constructor() {
    super('You have a second factor already: confirm the sign-in with POST /auth/mfa/verify.');
  }
}
