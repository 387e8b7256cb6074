import { DomainError } from '../common/problem/domain-error';

export class ReportSubmitted extends DomainError {
  readonly kind = 'report-submitted';
  readonly status = 409;
  readonly title = 'Report already submitted';

  constructor() {
    super('A submitted report cannot be changed; make a correction (a new edition) instead.');
  }
}

/** Initial and interim reports while the case is worked; a final one also up to 30 days after. */
export class ReportNotAllowedNow extends DomainError {
  readonly kind = 'report-not-allowed-now';
  readonly status = 409;
  readonly title = 'No report of this kind now';

  constructor(detail: string) {
    super(detail);
  }
}

export class ReportAlreadyCorrected extends DomainError {
  readonly kind = 'report-already-corrected';
  readonly status = 409;
  readonly title = 'Report already corrected';

  constructor() {
    super('This report already has a correction; correct that one instead.');
  }
}

export class InvalidReportPeriod extends DomainError {
  readonly kind = 'validation-error';
  readonly status = 400;
  readonly title = 'Invalid request';

  constructor() {
    super('One or more fields are invalid.', {
      errors: [{ field: 'periodUntil', messages: ['periodUntil must not be before periodFrom'] }],
    });
  }
}
