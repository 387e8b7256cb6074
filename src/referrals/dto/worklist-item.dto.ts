import { ApiProperty } from '@nestjs/swagger';
import { ReferralState } from '../../common/referral-states';
import { ApiDate, ApiTimestamp, ApiUuid } from '../../common/validation/bounds';

/** What a worklist item asks of its reader (ADR 0019, "The caseworker's worklist"). */
export enum WorklistItemKind {
  /** A jobcenter caseworker's referral sent and not answered by the provider yet. */
  AwaitingAnswer = 'referral.awaiting_answer',
  /** A jobcenter caseworker's referral accepted and not started yet (its state only). */
  AwaitingStart = 'referral.awaiting_start',
  /** A provider lead's referral to accept or reject. */
  AwaitingDecision = 'referral.awaiting_decision',
  /** A provider's accepted referral whose first contact is not made yet. */
  FirstContactDue = 'referral.first_contact_due',
}

/**
 * One item of the worklist: ids, a state and dates the caller already reads in its referral,
 * never names, texts, categories or report content.
 */
export class WorklistItemDto {
  @ApiProperty({ enum: WorklistItemKind, enumName: 'WorklistItemKind' })
  kind: WorklistItemKind;
  @ApiUuid()
  referralId: string;
  /** Null for a provider before it accepted the referral (it does not know the client yet). */
  @ApiUuid({ nullable: true })
  clientId: string | null;
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  state: ReferralState;
  /** When the item arose: the referral sent (awaiting an answer or decision) or accepted. */
  @ApiTimestamp()
  since: Date;
  /** Provider only: the first contact's due date (`referral.first_contact_due`). */
  @ApiDate({ nullable: true, required: false, example: '2026-12-04' })
  dueOn?: string | null;
  /** Provider only: the due date has passed. */
  @ApiProperty({ required: false })
  overdue?: boolean;
}
