import { DomainError } from '../common/problem/domain-error';

/** A statement asked for a month that has not ended, or in which the contract was not valid. */
export class MonthNotBillable extends DomainError {
  readonly kind = 'month-not-billable';
  readonly status = 422;
  readonly title = 'Month not billable';

  constructor(month: string, why: 'not-closed' | 'outside-contract') {
    super(
      why === 'not-closed'
        ? `${month} has not ended yet: a statement covers a whole past month (Europe/Berlin).`
        : `The contract is not valid on any day of ${month}.`,
    );
  }
}

/** The contract has no billing terms yet: there is nothing to bill. */
export class NoBillingTerms extends DomainError {
  readonly kind = 'no-billing-terms';
  readonly status = 409;
  readonly title = 'No billing terms';

  constructor() {
    super("The contract has no billing terms: the jobcenter's lead sets them on the contract.");
  }
}

/** Two editions of one month were generated at once; the other one was first. */
export class StatementEditionConflict extends DomainError {
  readonly kind = 'statement-edition-conflict';
  readonly status = 409;
  readonly title = 'Statement edition conflict';

  constructor() {
    super(
      'Another edition of this statement was generated at the same time: read the editions and try again.',
    );
  }
}
