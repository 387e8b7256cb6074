/**
 * The referral's states, in the vocabulary of the HL7 FHIR `Task` status codes (docs/domain.md,
 * "Referral workflow"), and the sets of them other modules ask about (case access, statistics,
 * reports). Shared kernel: the state machine itself is `referrals/referral-actions.ts`.
 */
export enum ReferralState {
  Draft = 'draft',
  Requested = 'requested',
  Accepted = 'accepted',
  InProgress = 'in_progress',
  OnHold = 'on_hold',
  Completed = 'completed',
  Ended = 'ended',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

const S = ReferralState;

/** Never left: a new referral is made instead. */
export const TERMINAL_STATES: readonly ReferralState[] = [
  S.Rejected,
  S.Cancelled,
  S.Completed,
  S.Ended,
];

/** Every state of a sent referral (all but draft), in the order of the workflow. */
export const SENT_STATES: readonly ReferralState[] = [
  S.Requested,
  S.Accepted,
  S.InProgress,
  S.OnHold,
  S.Completed,
  S.Ended,
  S.Rejected,
  S.Cancelled,
];

/** Sent and not closed: these occupy a place of the contract's capacity. */
export const OPEN_STATES: readonly ReferralState[] = [
  S.Requested,
  S.Accepted,
  S.InProgress,
  S.OnHold,
];

/** Accepted and not closed: the provider works the case and sees the client's contact data. */
export const ACTIVE_STATES: readonly ReferralState[] = [S.Accepted, S.InProgress, S.OnHold];
