import { DomainError } from '../common/problem/domain-error';

/** Appointments are made and planned only while the provider works the referral. */
export class ReferralNotOpen extends DomainError {
  readonly kind = 'referral-not-open';
  readonly status = 409;
  readonly title = 'The referral is not open';

  constructor() {
    super(
      'Appointments are proposed and planned only for an accepted, running or paused referral.',
    );
  }
}

/** Once the case manager recorded the outcome, the appointment stays as it is. */
export class AppointmentClosed extends DomainError {
  readonly kind = 'appointment-closed';
  readonly status = 409;
  readonly title = 'Appointment closed';

  constructor() {
    super('The outcome of this appointment is recorded; it does not change any more.');
  }
}

/** Whether the client came is known only once the appointment's time has come. */
export class AppointmentNotDue extends DomainError {
  readonly kind = 'appointment-not-due';
  readonly status = 409;
  readonly title = 'Appointment not yet due';

  constructor() {
    super('Whether the client came can be recorded only from the appointment’s start on.');
  }
}

/** Confirming needs the client's wish; the worker's record needs a confirmed accompaniment. */
export class AccompanimentNotPlanned extends DomainError {
  readonly kind = 'accompaniment-not-planned';
  readonly status = 409;
  readonly title = 'No accompaniment planned';

  constructor(detail: string) {
    super(detail);
  }
}

/** The worker's record of an accompaniment is written once. */
export class AttendanceAlreadyRecorded extends DomainError {
  readonly kind = 'attendance-already-recorded';
  readonly status = 409;
  readonly title = 'Accompaniment already recorded';

  constructor() {
    super('The accompaniment of this appointment is already recorded.');
  }
}
