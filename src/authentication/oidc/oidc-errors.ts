import { DomainError } from '../../common/problem/domain-error';

/**
 * The sign-in at the identity provider could not be verified: unknown, used or expired
 * `state`, another browser, a refused code exchange, or an ID token with a wrong issuer,
 * audience, nonce, expiry or signature. One answer for all; the reason goes to the log.
 */
export class SsoLoginFailed extends DomainError {
  readonly kind = 'sso-login-failed';
  readonly status = 401;
  readonly title = 'Single sign-on failed';

  constructor() {
    super('The sign-in at your identity provider could not be verified. Start it again.');
  }
}

/** A subject nobody linked to a user: refused, recorded, never matched by email (ADR 0018). */
export class SsoAccountNotLinked extends DomainError {
  readonly kind = 'sso-account-not-linked';
  readonly status = 403;
  readonly title = 'Account not linked';

  constructor(subject: string) {
    super(
      `Your account at the identity provider (subject ${subject}) is not linked to a Lotse ` +
        'user. Ask your organisation’s lead to link it, then sign in again.',
    );
  }
}

/** The roles claim holds no value the organisation maps, or one mapping to an unfit role. */
export class SsoRolesRefused extends DomainError {
  readonly kind = 'sso-roles-refused';
  readonly status = 403;
  readonly title = 'No usable role';

  constructor(reason: 'no_role' | 'role_not_allowed') {
    super(
      reason === 'no_role'
        ? 'Your identity provider names no group that gives a role in Lotse.'
        : 'Your identity provider names a group that maps to a role your organisation cannot ' +
            'hold. Ask your organisation to correct the mapping.',
    );
  }
}

/** The identity provider did not answer (discovery, keys, token endpoint) within time. */
export class IdentityProviderUnavailable extends DomainError {
  readonly kind = 'identity-provider-unavailable';
  readonly status = 502;
  readonly title = 'Identity provider unavailable';

  constructor() {
    super('Your organisation’s identity provider did not answer. Try again later.');
  }
}

/** A back-channel logout token that is not a valid one of a configured provider. */
export class InvalidLogoutToken extends DomainError {
  readonly kind = 'invalid-logout-token';
  readonly status = 400;
  readonly title = 'Invalid logout token';

  constructor() {
    super('The logout token is missing, malformed, or not valid for any configured provider.');
  }
}

/** The organisation signs in through its identity provider only (ADR 0018). */
export class PasswordLoginDisabled extends DomainError {
  readonly kind = 'password-login-disabled';
  readonly status = 403;
  readonly title = 'Password sign-in disabled';

  constructor() {
    super('Your organisation signs in through its identity provider: use single sign-on.');
  }
}
