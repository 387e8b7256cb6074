import { ActionNotAllowed, DomainError } from '../common/problem/domain-error';

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

/**
 * Nobody takes away their own power to manage users (the admin role, or an organisation's lead
 * role): the last one would lock everybody out.
 */
export class CannotLockYourselfOut extends DomainError {
  readonly kind = 'cannot-lock-yourself-out';
  readonly status = 422;
  readonly title = 'You cannot lock yourself out';

  constructor() {
    super(
      'You cannot disable yourself or remove the role with which you manage users; ask another admin or lead.',
    );
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

/** Unknown, used, voided or expired activation code, or its user cannot sign in: one answer. */
export class InvalidActivationCode extends DomainError {
  readonly kind = 'invalid-activation-code';
  readonly status = 401;
  readonly title = 'Invalid activation code';

  constructor() {
    super(
      'The activation code is not valid (any more). Ask your organisation’s lead for a new one.',
    );
  }
}

/** Approving, rejecting or withdrawing a request that is no longer pending. */
export class ApprovalRequestClosed extends DomainError {
  readonly kind = 'approval-request-closed';
  readonly status = 409;
  readonly title = 'Approval request closed';

  constructor(status: string) {
    super(`The request is ${status}; only a pending request can be decided or withdrawn.`);
  }
}

/** The one who asked can never approve (or reject) their own request: dual control. */
export class CannotDecideOwnRequest extends ActionNotAllowed {
  readonly kind = 'cannot-decide-own-request';
  readonly title = 'You cannot decide your own request';

  constructor() {
    super(
      'approval request',
      'You asked for this change, so someone else must approve it: the organisation’s lead, or another admin where it has none. You can withdraw it.',
    );
  }
}

/** The request is for the organisation's lead (or, without one, a second admin) to decide. */
export class NotAnApprover extends ActionNotAllowed {
  readonly kind = 'not-an-approver';
  readonly title = 'Not an approver of this request';

  constructor() {
    super(
      'approval request',
      'This request is decided by a lead of the organisation it concerns, or by another admin only while that organisation has no active lead.',
    );
  }
}

/** Only the admin who made a request can withdraw it. */
export class NotYourRequest extends ActionNotAllowed {
  readonly kind = 'not-your-request';
  readonly title = 'Not your request';

  constructor() {
    super('approval request', 'Only the admin who made a request can withdraw it.');
  }
}
