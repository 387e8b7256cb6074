/**
 * The referral's life, in the vocabulary of the HL7 FHIR `Task` status codes (docs/domain.md,
 * "Referral workflow"). Pure rules; the transitions are the rows of `REFERRAL_ACTIONS`
 * (referral-actions.ts), and who may act on which referral is decided elsewhere.
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

/** The actions of the state machine, each declared once in `REFERRAL_ACTIONS`. */
export enum ReferralAction {
  Send = 'send',
  Accept = 'accept',
  Reject = 'reject',
  Start = 'start',
  Pause = 'pause',
  Resume = 'resume',
  Complete = 'complete',
  End = 'end',
  Cancel = 'cancel',
}

const S = ReferralState;

/** Which side of the referral takes an action: the referring jobcenter or the provider. */
export type ReferralSide = 'jobcenter' | 'provider';

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

export function isTerminal(state: ReferralState): boolean {
  return TERMINAL_STATES.includes(state);
}
