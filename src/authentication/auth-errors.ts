import { DomainError } from '../common/problem/domain-error';

const CHALLENGE = 'Bearer realm="lotse", ApiKey realm="lotse"';

/** No credentials, or credentials that are not (or no longer) valid; always the same text. */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthorized';
  readonly status = 401;
  readonly title = 'Unauthorized';
  override readonly headers = { 'WWW-Authenticate': CHALLENGE };

  constructor() {
    super(
      'Send a valid access token (Authorization: Bearer …) or API key (Authorization: ApiKey …).',
    );
  }
}

/** Login failed. Unknown account, wrong password and disabled account read exactly alike. */
export class InvalidCredentials extends DomainError {
  readonly kind = 'invalid-credentials';
  readonly status = 401;
  readonly title = 'Invalid credentials';

  constructor() {
    super('The email address or the password is wrong.');
  }
}

/** Unknown, used, expired or revoked refresh token: sign in again. */
export class InvalidRefreshToken extends DomainError {
  readonly kind = 'invalid-refresh-token';
  readonly status = 401;
  readonly title = 'Invalid refresh token';

  constructor() {
    super('The refresh token is not valid (any more). Sign in again.');
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';

  constructor(permission: string) {
    super(`This requires the permission ${permission}, which you do not have.`);
  }
}

export class TooManyRequests extends DomainError {
  readonly kind = 'too-many-requests';
  readonly status = 429;
  readonly title = 'Too Many Requests';
  override readonly headers: Record<string, string>;

  /** `what`: login `attempts`, or `requests` of the general rate limit. */
  constructor(retryAfterSeconds: number, what: 'attempts' | 'requests' = 'attempts') {
    super(`Too many ${what}. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfter: retryAfterSeconds,
    });
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
