/** Why the jobcenter refers the client (the case manager adds a bounded text). */
export enum ReferralReason {
  LostContact = 'lost_contact',
  Debts = 'debts',
  Housing = 'housing',
  Health = 'health',
  MentalHealth = 'mental_health',
  Family = 'family',
  Correspondence = 'correspondence',
  Other = 'other',
}

export enum ReferralPriority {
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

/** The provider's Absage: about its capacity or fit, decided before any contact. */
export enum RejectReason {
  NoCapacity = 'no_capacity',
  OutsideServiceArea = 'outside_service_area',
  NotSuitable = 'not_suitable',
  Other = 'other',
}

/**
 * Why the work ended early. This is `participation` content (the sanction firewall): it never
 * reaches the jobcenter without the client's release.
 */
export enum EndReason {
  ClientUnreachable = 'client_unreachable',
  ClientDeclined = 'client_declined',
  ClientWithdrew = 'client_withdrew',
  Other = 'other',
}

export enum CancelReason {
  ClientMovedAway = 'client_moved_away',
  NoLongerNeeded = 'no_longer_needed',
  Other = 'other',
}

export enum PauseReason {
  HospitalStay = 'hospital_stay',
  ClientRequest = 'client_request',
  Other = 'other',
}

/** The outcome code of a completed referral: commissioning data, visible to the jobcenter. */
export enum CompletionOutcome {
  GoalsReached = 'goals_reached',
  HandedOver = 'handed_over',
  Other = 'other',
}

/** Outreach contacts and attempts; all of them are `participation` content. */
export enum ActivityKind {
  ContactAttempt = 'contact_attempt',
  HomeVisit = 'home_visit',
  Phone = 'phone',
  OfficeMeeting = 'office_meeting',
  Accompaniment = 'accompaniment',
  Letter = 'letter',
  Other = 'other',
}
