import { DomainError } from '../common/problem/domain-error';

export class ContractNumberTaken extends DomainError {
  readonly kind = 'contract-number-taken';
  readonly status = 409;
  readonly title = 'Contract number taken';

  constructor() {
    super('Your jobcenter already has a contract with this number.');
  }
}
