/**
 * The referral's life, in the vocabulary of the HL7 FHIR `Task` status codes (docs/domain.md,
 * "Referral workflow"). Pure rules; who may act and on which referral is decided elsewhere.
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

export const TRANSITIONS: Record<
  ReferralAction,
  { from: readonly ReferralState[]; to: ReferralState; side: ReferralSide }
> = {
  [ReferralAction.Send]: { from: [S.Draft], to: S.Requested, side: 'jobcenter' },
  [ReferralAction.Accept]: { from: [S.Requested], to: S.Accepted, side: 'provider' },
  [ReferralAction.Reject]: { from: [S.Requested], to: S.Rejected, side: 'provider' },
  [ReferralAction.Start]: { from: [S.Accepted], to: S.InProgress, side: 'provider' },
  [ReferralAction.Pause]: { from: [S.InProgress], to: S.OnHold, side: 'provider' },
  [ReferralAction.Resume]: { from: [S.OnHold], to: S.InProgress, side: 'provider' },
  [ReferralAction.Complete]: {
    from: [S.Accepted, S.InProgress, S.OnHold],
    to: S.Completed,
    side: 'provider',
  },
  [ReferralAction.End]: {
    from: [S.Accepted, S.InProgress, S.OnHold],
    to: S.Ended,
    side: 'provider',
  },
  [ReferralAction.Cancel]: {
    from: [S.Requested, S.Accepted, S.InProgress, S.OnHold],
    to: S.Cancelled,
    side: 'jobcenter',
  },
};

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

/** The state an action leads to from `from`, or undefined when it is not allowed there. */
export function nextState(action: ReferralAction, from: ReferralState): ReferralState | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

export function isTerminal(state: ReferralState): boolean {
  return TERMINAL_STATES.includes(state);
}
