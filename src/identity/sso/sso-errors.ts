import { DomainError } from '../../common/problem/domain-error';

export class IdentityProviderExists extends DomainError {
  readonly kind = 'identity-provider-exists';
  readonly status = 409;
  readonly title = 'Identity provider already configured';

  constructor() {
    super('This organisation already has an identity provider; change it instead.');
  }
}

/** The subject is linked to another user, or the user to another subject, at this provider. */
export class IdentityLinkTaken extends DomainError {
  readonly kind = 'identity-link-taken';
  readonly status = 409;
  readonly title = 'Already linked';

  constructor() {
    super('This subject or this user is already linked at the organisation’s identity provider.');
  }
}
