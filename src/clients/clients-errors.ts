import { DomainError } from '../common/problem/domain-error';

export class CustomerNumberTaken extends DomainError {
  readonly kind = 'customer-number-taken';
  readonly status = 409;
  readonly title = 'Customer number taken';

  constructor() {
    super('Another client of your jobcenter already has this customer number.');
  }
}
