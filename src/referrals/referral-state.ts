import { ReferralState, TERMINAL_STATES } from '../common/referral-states';

/**
 * The referral's life as a state machine over `ReferralState` (docs/domain.md, "Referral
 * workflow"). Pure rules; who may act and on which referral is decided elsewhere.
 */
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

/** The state an action leads to from `from`, or undefined when it is not allowed there. */
export function nextState(action: ReferralAction, from: ReferralState): ReferralState | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

export function isTerminal(state: ReferralState): boolean {
  return TERMINAL_STATES.includes(state);
}
