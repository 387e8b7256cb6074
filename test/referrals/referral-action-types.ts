/*
 * Type-level test of the referral action table (src/referrals/referral-actions.ts), compiled by
 * referral-action-table.spec.ts: every `@ts-expect-error` below must meet an error, or the
 * compiler reports the directive as unused and the spec fails. Nothing here runs.
 */
import { IsEnum } from 'class-validator';
import { Permission } from '../../src/auth/permission';
import { DataCategory } from '../../src/confidentiality/data-category';
import {
  referralAction,
  type ReferralActionSpec,
  REFERRAL_ACTIONS,
} from '../../src/referrals/referral-actions';
import { ReferralAction } from '../../src/referrals/referral-state';
import { ReferralState } from '../../src/common/referral-states';

/** A new action's reason, as a new action would bring one. */
enum SuspendReason {
  Illness = 'illness',
  Custody = 'custody',
  Other = 'other',
}

class SuspendReferralDto {
  @IsEnum(SuspendReason)
  reason: SuspendReason;
}

class NoteReferralDto {
  /** Free text: no code to classify. */
  note: string;
}

const row = {
  from: [ReferralState.InProgress],
  to: ReferralState.OnHold,
  side: 'provider',
  permission: Permission.ReferralPause,
  event: 'referral.paused',
  participle: 'suspended',
  summary: 'Suspend the work',
  description: ['in_progress → on_hold.'],
} as const;

const classified = {
  [SuspendReason.Illness]: DataCategory.Health,
  [SuspendReason.Custody]: DataCategory.Participation,
  [SuspendReason.Other]: DataCategory.Participation,
};

// Every code classified: compiles.
export const suspend: ReferralActionSpec = referralAction({
  ...row,
  body: SuspendReferralDto,
  reasons: { reason: classified },
  recordsReason: 'reason',
  setsOutcome: null,
});

export const reasonsLeftOut = referralAction({
  ...row,
  body: SuspendReferralDto,
  // @ts-expect-error -- the body carries a reason, and its codes are not classified
  reasons: {},
  recordsReason: null,
  setsOutcome: null,
});

export const oneCodeLeftOut = referralAction({
  ...row,
  body: SuspendReferralDto,
  reasons: {
    // @ts-expect-error -- `other` (a code added to the enum later, say) is not classified
    reason: {
      [SuspendReason.Illness]: DataCategory.Health,
      [SuspendReason.Custody]: DataCategory.Participation,
    },
  },
  recordsReason: 'reason',
  setsOutcome: null,
});

export const freeText = referralAction({
  ...row,
  body: NoteReferralDto,
  // @ts-expect-error -- free text cannot be classified code by code, so an action cannot take it
  reasons: { note: {} },
  recordsReason: null,
  setsOutcome: null,
});

export const caseContentAsOutcome = referralAction({
  ...row,
  body: SuspendReferralDto,
  reasons: { reason: classified },
  recordsReason: 'reason',
  // @ts-expect-error -- the outcome is shown to the jobcenter; these codes are case content
  setsOutcome: 'reason',
});

export const recordsWhatTheBodyLacks = referralAction({
  ...row,
  body: null,
  reasons: {},
  // @ts-expect-error -- there is no reason to record: the action takes no body
  recordsReason: 'reason',
  setsOutcome: null,
});

// @ts-expect-error -- a row written without referralAction has not had its reasons checked
export const unchecked: ReferralActionSpec = {
  ...row,
  body: SuspendReferralDto,
  reasons: {},
  recordsReason: null,
  setsOutcome: null,
};

// @ts-expect-error -- the table has a row for every action: here `cancel` is missing
export const incomplete: Record<ReferralAction, ReferralActionSpec> = {
  [ReferralAction.Send]: REFERRAL_ACTIONS.send,
  [ReferralAction.Accept]: REFERRAL_ACTIONS.accept,
  [ReferralAction.Reject]: REFERRAL_ACTIONS.reject,
  [ReferralAction.Start]: REFERRAL_ACTIONS.start,
  [ReferralAction.Pause]: REFERRAL_ACTIONS.pause,
  [ReferralAction.Resume]: REFERRAL_ACTIONS.resume,
  [ReferralAction.Complete]: REFERRAL_ACTIONS.complete,
  [ReferralAction.End]: REFERRAL_ACTIONS.end,
};
