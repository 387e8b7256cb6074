import { DomainError } from '../common/problem/domain-error';

export class EmailTaken extends DomainError {
  readonly kind = 'email-taken';
  readonly status = 409;
  readonly title = 'Email address taken';

  constructor() {
    super('Another user already has this email address.');
  }
}

export class OrganisationNameTaken extends DomainError {
  readonly kind = 'organisation-name-taken';
  readonly status = 409;
  readonly title = 'Organisation name taken';

  constructor() {
    super('Another organisation already has this name.');
  }
}

/** A role that the user's kind of organisation cannot hold, e.g. a caseworker at a provider. */
export class RoleNotAllowed extends DomainError {
  readonly kind = 'role-not-allowed';
  readonly status = 422;
  readonly title = 'Role not allowed for this organisation';

  constructor(roles: string[], organisationKind: string) {
    super(`A ${organisationKind} cannot have users with the role(s) ${roles.join(', ')}.`, {
      roles,
    });
  }
}

export class ApiKeysForProvidersOnly extends DomainError {
  readonly kind = 'api-keys-for-providers-only';
  readonly status = 422;
  readonly title = 'API keys are for providers only';

  constructor() {
    super('API keys are issued to provider organisations (Träger) only.');
  }
}

export class OrganisationInactive extends DomainError {
  readonly kind = 'organisation-inactive';
  readonly status = 422;
  readonly title = 'Organisation is deactivated';

  constructor() {
    super('The organisation is deactivated; reactivate it before adding users or keys.');
  }
}

/** An admin must not take away their own access: the last admin would lock everybody out. */
export class CannotLockYourselfOut extends DomainError {
  readonly kind = 'cannot-lock-yourself-out';
  readonly status = 422;
  readonly title = 'You cannot lock yourself out';

  constructor() {
    super('You cannot disable yourself or remove your own admin role; ask another admin.');
  }
}

export class WrongCurrentPassword extends DomainError {
  readonly kind = 'wrong-current-password';
  readonly status = 422;
  readonly title = 'Current password is wrong';

  constructor() {
    super('The current password is wrong; the password was not changed.');
  }
}
