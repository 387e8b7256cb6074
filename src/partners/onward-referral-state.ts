/**
 * Where an onward referral to a partner stands (ADR 0022): asked, then accepted or declined by
 * the partner, and after acceptance whether the client arrived. Nothing more is recorded.
 */
export enum OnwardReferralState {
  Requested = 'requested',
  Accepted = 'accepted',
  Declined = 'declined',
  TookUp = 'took_up',
  DidNotTakeUp = 'did_not_take_up',
}

/** The outcomes the partner records after accepting. */
export enum UptakeOutcome {
  TookUp = 'took_up',
  DidNotTakeUp = 'did_not_take_up',
}

/** The states that hold one of the agreement's reserved places. */
export const PLACE_HOLDING_STATES: readonly OnwardReferralState[] = [
  OnwardReferralState.Requested,
  OnwardReferralState.Accepted,
];

/** The states in which the partner was told who the client is (it accepted). */
export const IDENTITY_STATES: readonly OnwardReferralState[] = [
  OnwardReferralState.Accepted,
  OnwardReferralState.TookUp,
  OnwardReferralState.DidNotTakeUp,
];
