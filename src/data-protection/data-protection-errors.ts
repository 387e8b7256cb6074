import { DomainError } from '../common/problem/domain-error';

/** Art. 17(3) GDPR: the data is still required, so the client cannot be erased now. */
export class ErasureBlocked extends DomainError {
  readonly kind = 'erasure-blocked';
  readonly status = 409;
  readonly title = 'Erasure not possible now';

  constructor(by: 'open_referral' | 'legal_hold') {
    super(
      by === 'open_referral'
        ? 'The client has an open referral, which still needs the data: close or cancel it first.'
        : 'A legal hold (restriction for legal claims, Art. 18(1)(c) GDPR) requires the data: lift it first.',
    );
  }
}
