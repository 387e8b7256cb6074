import { DomainError } from '../common/problem/domain-error';

export class ContractNumberTaken extends DomainError {
  readonly kind = 'contract-number-taken';
  readonly status = 409;
  readonly title = 'Contract number taken';

  constructor() {
    super('Your jobcenter already has a contract with this number.');
  }
}

/**
 * A capacity lowered below the referrals open under the contract, without the lead's
 * confirmation (`confirmOverCommitment: true`). Those referrals stay either way.
 */
export class CapacityBelowOpenReferrals extends DomainError {
  readonly kind = 'capacity-below-open-referrals';
  readonly status = 409;
  readonly title = 'Capacity below open referrals';

  constructor(capacity: number, openReferrals: number) {
    super(
      `${openReferrals} referrals are open under this contract, more than the ${capacity} places ` +
        'asked for. They stay open, and no referral is booked under it until places are free: ' +
        'send the change again with confirmOverCommitment: true to make it.',
      { capacity, openReferrals },
    );
  }
}
