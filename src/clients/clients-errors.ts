import { DomainError } from '../common/problem/domain-error';

export class CustomerNumberTaken extends DomainError {
  readonly kind = 'customer-number-taken';
  readonly status = 409;
  readonly title = 'Customer number taken';

  constructor() {
    super('Another client of your jobcenter already has this customer number.');
  }
}

export class AlreadyRestricted extends DomainError {
  readonly kind = 'already-restricted';
  readonly status = 409;
  readonly title = 'Already restricted';

  constructor() {
    super("The processing of this client's data is already restricted.");
  }
}

export class NotRestricted extends DomainError {
  readonly kind = 'not-restricted';
  readonly status = 409;
  readonly title = 'Not restricted';

  constructor() {
    super("The processing of this client's data is not restricted.");
  }
}
