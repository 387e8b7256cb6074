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
  ReportSubmitted = 'report.submitted',
  ReportCorrected = 'report.corrected',
  ConsentRecorded = 'consent.recorded',
  ConsentRevoked = 'consent.revoked',
  ConsentExpiringSoon = 'consent.expiring_soon',
  ConsentExpired = 'consent.expired',
  ContractCapacityExhausted = 'contract.capacity_exhausted',
}

/** An event type as its string (what a row of `REFERRAL_ACTIONS` writes). */
export type EventTypeName = `${EventType}`;

/** The events a referral action announces (the `event` of a row of `REFERRAL_ACTIONS`). */
export type ReferralEventType = Extract<EventTypeName, `referral.${string}`>;

/** The kind of object an event is about; the receiver reads it at its own route. */
export enum EventSubject {
  Referral = 'referral',
  Report = 'report',
  Consent = 'consent',
  Contract = 'contract',
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
