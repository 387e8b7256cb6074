import { ApiProperty } from '@nestjs/swagger';
import { Meta, SealedContent } from '../../confidentiality/disclosure';
import { ReferralAction } from '../referral-state';
import { ReferralState } from '../../common/referral-states';
import {
  ApiText,
  ApiTimestamp,
  ApiUuid,
  CODE_MAX_LENGTH,
  CURSOR_MAX_LENGTH,
  LIST_MAX_ITEMS,
} from '../../common/validation/bounds';

export class TransitionActorDto {
  @Meta()
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind: 'user' | 'api_key';
  /** The person or key; absent when the actor belongs to the other side. */
  @Meta()
  @ApiUuid({ required: false })
  id?: string;
  @Meta()
  @ApiUuid()
  organisationId: string;
}

export class ReferralTransitionDto {
  @Meta()
  @ApiUuid()
  id: string;
  /** null for the creation of the draft. */
  @Meta()
  @ApiProperty({ enum: ReferralAction, enumName: 'ReferralAction', nullable: true })
  action: ReferralAction | null;
  @Meta()
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState', nullable: true })
  fromState: ReferralState | null;
  @Meta()
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  toState: ReferralState;
  /**
   * The reason code; null when there is none, and also when it is case content (why the work
   * ended or paused) that the client has not released to you.
   */
  @SealedContent({ withheldAsNull: true })
  @ApiText(CODE_MAX_LENGTH, { nullable: true })
  reason: string | null;
  @Meta(() => TransitionActorDto)
  actor: TransitionActorDto;
  @Meta()
  @ApiTimestamp()
  occurredAt: Date;
}

/** A referral's whole history, oldest first: one page, in the envelope of every list. */
export class ReferralTransitionPageDto {
  @Meta(() => ReferralTransitionDto)
  @ApiProperty({ type: ReferralTransitionDto, isArray: true, maxItems: LIST_MAX_ITEMS })
  items: ReferralTransitionDto[];
  /** Always null: the history has one page. */
  @Meta()
  @ApiText(CURSOR_MAX_LENGTH, { nullable: true, pattern: '^[A-Za-z0-9_-]+$' })
  nextCursor: string | null;
}
