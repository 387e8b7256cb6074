import { DomainError } from '../common/problem/domain-error';
import type { DataCategory } from '../confidentiality/data-category';

export class TemplateAlreadyApproved extends DomainError {
  readonly kind = 'template-already-approved';
  readonly status = 409;
  readonly title = 'Template already approved';

  constructor() {
    super('This template version is already approved; a change is a new version.');
  }
}

export class TemplateNotApproved extends DomainError {
  readonly kind = 'template-not-approved';
  readonly status = 422;
  readonly title = 'Template not approved';

  constructor() {
    super('The consent template has not been approved by your data protection officer yet.');
  }
}

/** A grant of a category that the consent text the client saw does not name. */
export class OutsideTemplate extends DomainError {
  readonly kind = 'outside-template';
  readonly status = 422;
  readonly title = 'Category outside the template';

  constructor(categories: DataCategory[]) {
    super(`The consent template does not cover: ${categories.join(', ')}.`, { categories });
  }
}

export class RecipientNotAllowed extends DomainError {
  readonly kind = 'recipient-not-allowed';
  readonly status = 422;
  readonly title = 'Recipient not allowed';

  constructor(recipientOrganisationIds: string[]) {
    super(
      'Recipients must be active jobcenters or providers other than the releasing organisation.',
      { recipientOrganisationIds },
    );
  }
}

/** Another change of the same consent committed first: read the history and try again. */
export class ConsentChanged extends DomainError {
  readonly kind = 'consent-changed';
  readonly status = 409;
  readonly title = 'Consent changed meanwhile';

  constructor() {
    super('Another consent for this client and referral was recorded at the same time.');
  }
}

export class AlreadyRevoked extends DomainError {
  readonly kind = 'already-revoked';
  readonly status = 409;
  readonly title = 'Already revoked';

  constructor() {
    super('Every grant named (or every grant you may revoke) is already revoked.');
  }
}

export class ConsentSuperseded extends DomainError {
  readonly kind = 'consent-superseded';
  readonly status = 409;
  readonly title = 'Consent superseded';

  constructor() {
    super('This consent was replaced by a newer one and is no longer in force; revoke that one.');
  }
}

export class GrantsNotInConsent extends DomainError {
  readonly kind = 'grants-not-in-consent';
  readonly status = 422;
  readonly title = 'Grants not of this consent';

  constructor(grantIds: string[]) {
    super('Some grantIds are not grants of this consent that you may revoke.', { grantIds });
  }
}
