import { ReferralState, TERMINAL_STATES } from '../common/referral-states';

/*
 * The referral's life over the states of `ReferralState` (src/common/referral-states.ts, in the
 * vocabulary of the HL7 FHIR `Task` status codes; docs/domain.md, "Referral workflow"). Pure
 * rules; the transitions are the rows of `REFERRAL_ACTIONS` (referral-actions.ts), and who may
 * act on which referral is decided elsewhere.
 */

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

/** Which side of the referral takes an action: the referring jobcenter or the provider. */
export type ReferralSide = 'jobcenter' | 'provider';

export function isTerminal(state: ReferralState): boolean {
  return TERMINAL_STATES.includes(state);
}
