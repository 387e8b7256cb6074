/**
 * The business events Lotse announces (docs/architecture/0019-outbox-webhooks-event-feed.md).
 * An event names its type, the ids, the organisation it is for and the time, never case content:
 * the receiver fetches what it may see through the guarded API.
 */
export enum EventType {
  ReferralSent = 'referral.sent',
  ReferralAccepted = 'referral.accepted',
  ReferralRejected = 'referral.rejected',
  ReferralStarted = 'referral.started',
  ReferralPaused = 'referral.paused',
  ReferralResumed = 'referral.resumed',
  ReferralCompleted = 'referral.completed',
  ReferralEnded = 'referral.ended',
  ReferralCancelled = 'referral.cancelled',
  /** An appointment with the client was proposed (ADR 0021). */
  AppointmentProposed = 'appointment.proposed',
  /** Its accompaniment plan or its outcome changed; the provider's own record announces nothing. */
  AppointmentChanged = 'appointment.changed',
  ReportSubmitted = 'report.submitted',
  ReportCorrected = 'report.corrected',
  ConsentRecorded = 'consent.recorded',
  ConsentRevoked = 'consent.revoked',
  ConsentExpiringSoon = 'consent.expiring_soon',
  ConsentExpired = 'consent.expired',
  ContractCapacityExhausted = 'contract.capacity_exhausted',
  /** Processing of the client is restricted (Art. 18 GDPR): `purge`, read nothing until lifted. */
  ClientRestricted = 'client.restricted',
  ClientRestrictionLifted = 'client.restriction_lifted',
  /** The client is erased (Art. 17 GDPR) from Lotse: `purge` every copy. */
  ClientErased = 'client.erased',
  /** A provider referred a client onward to a partner (to the provider and the partner only). */
  OnwardReferralRequested = 'onward_referral.requested',
  OnwardReferralAccepted = 'onward_referral.accepted',
  OnwardReferralDeclined = 'onward_referral.declined',
  OnwardReferralUptakeRecorded = 'onward_referral.uptake_recorded',
}

/** An event type as its string (what a row of `REFERRAL_ACTIONS` writes). */
export type EventTypeName = `${EventType}`;

/** The events a referral action announces (the `event` of a row of `REFERRAL_ACTIONS`). */
export type ReferralEventType = Extract<EventTypeName, `referral.${string}`>;

/** The kind of object an event is about; the receiver reads it at its own route. */
export enum EventSubject {
  Referral = 'referral',
  Report = 'report',
  Appointment = 'appointment',
  Consent = 'consent',
  Contract = 'contract',
  /** The client (its id, as the referral shows it), for restriction and erasure (ADR 0020). */
  Client = 'client',
  /** An onward referral to a partner organisation (ADR 0022). */
  OnwardReferral = 'onward_referral',
}

/**
 * What the receiver should do: `fetch` the object again through the API, or `purge` its cached
 * copies (a revocation took away what it had been released).
 */
export enum EventInstruction {
  Fetch = 'fetch',
  Purge = 'purge',
}

/** Delivery state of one event to one webhook subscription. */
export enum DeliveryStatus {
  Pending = 'pending',
  Delivered = 'delivered',
  Failed = 'failed',
}
