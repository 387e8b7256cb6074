import { IsEnum } from 'class-validator';
import { Omittable } from '../../common/validation/normalise';
import {
  CancelReason,
  CompletionOutcome,
  EndReason,
  PauseReason,
  RejectReason,
} from '../referral-codes';
import { IsUuidField } from '../../common/validation/bounds';

/** Actions without a body (send, start, resume) take an empty object or none. */
export class NoBodyDto {}

export class AcceptReferralDto {
  /** The provider worker (or lead) of your organisation who takes the case. */
  @IsUuidField()
  assignedWorkerId: string;
}

export class AssignReferralDto {
  @IsUuidField()
  assignedWorkerId: string;
}

export class RejectReferralDto {
  @IsEnum(RejectReason)
  reason: RejectReason;
}

/** The reason is case content (a hospital stay is health data): the jobcenter does not see it. */
export class PauseReferralDto {
  @Omittable()
  @IsEnum(PauseReason)
  reason?: PauseReason;
}

export class CompleteReferralDto {
  @IsEnum(CompletionOutcome)
  outcome: CompletionOutcome;
}

/** The reason is participation content: the jobcenter does not see it without consent. */
export class EndReferralDto {
  @IsEnum(EndReason)
  reason: EndReason;
}

export class CancelReferralDto {
  @IsEnum(CancelReason)
  reason: CancelReason;
}
