import { ApiProperty } from '@nestjs/swagger';
import { ReferralAction, ReferralState } from '../referral-state';

export class TransitionActorDto {
  @ApiProperty({ enum: ['user', 'api_key'] })
  kind: 'user' | 'api_key';
  /** The person or key; absent when the actor belongs to the other side. */
  id?: string;
  organisationId: string;
}

export class ReferralTransitionDto {
  id: string;
  /** null for the creation of the draft. */
  @ApiProperty({ enum: ReferralAction, enumName: 'ReferralAction', nullable: true })
  action: ReferralAction | null;
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState', nullable: true })
  fromState: ReferralState | null;
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  toState: ReferralState;
  /** The reason code; null when there is none or when it is not released to you. */
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  actor: TransitionActorDto;
  occurredAt: Date;
}
