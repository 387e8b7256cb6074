import { DomainError } from '../common/problem/domain-error';

/** The jobcenter already has an agreement with this partner (one per pair). */
export class PartnerAgreementExists extends DomainError {
  readonly kind = 'partner-agreement-exists';
  readonly status = 409;
  readonly title = 'Partner agreement exists';

  constructor() {
    super('Your jobcenter already has an agreement with this partner; change that one.');
  }
}

/** Every place the partner reserves for the jobcenter's clients is taken. */
export class PartnerCapacityExhausted extends DomainError {
  readonly kind = 'partner-capacity-exhausted';
  readonly status = 409;
  readonly title = 'Partner capacity exhausted';

  constructor() {
    super(
      "Every place the partner reserves for the referral's jobcenter is taken by onward " +
        'referrals asked or accepted; try again when one is declined or its uptake recorded.',
    );
  }
}

/**
 * No consent in force for the referral, released by the provider, grants the partner the
 * agreement's category: the client has not agreed to be referred onward to this partner.
 */
export class OnwardReferralNotConsented extends DomainError {
  readonly kind = 'onward-referral-not-consented';
  readonly status = 422;
  readonly title = 'Onward referral not consented';

  constructor(category: string) {
    super(
      "Record the client's consent for this referral first, granting the partner the " +
        `category '${category}' (the consent to be referred onward to it).`,
      { categories: [category] },
    );
  }
}

/** The onward referral is not in a state that allows the action (or one is already open). */
export class OnwardReferralStateConflict extends DomainError {
  readonly kind = 'onward-referral-state-conflict';
  readonly status = 409;
  readonly title = 'Onward referral state conflict';

  constructor(detail: string) {
    super(detail);
  }
}
