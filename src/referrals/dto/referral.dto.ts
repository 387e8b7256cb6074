import { ApiProperty } from '@nestjs/swagger';
import { ServiceKind } from '../../providers/service-kind';
import { ReferralPriority, ReferralReason } from '../referral-codes';
import { ReferralState } from '../referral-state';

export class ReferralPartyDto {
  id: string;
  name: string;
}

export class PersonRefDto {
  id: string;
  displayName: string;
}

/** Before acceptance, all a provider learns about the client: enough to decide, no identity. */
export class ClientSummaryDto {
  /** @example "45127" */
  postcode: string;
  /** The case manager's note to the provider. @example "Nachmittags erreichbar; spricht Arabisch" */
  @ApiProperty({ type: String, nullable: true })
  noteToProvider: string | null;
}

/**
 * A referral as its reader may see it. The jobcenter sees its commissioning data (state, dates,
 * outcome code) and nothing the provider wrote; the provider sees, before accepting, only what
 * it needs to decide. Fields a reader may not see are absent.
 */
export class ReferralDto {
  id: string;
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  state: ReferralState;
  jobcenter: ReferralPartyDto;
  provider: ReferralPartyDto;
  /** Absent for a provider before acceptance. */
  clientId?: string;
  /** Absent for a provider before acceptance. */
  caseManager?: PersonRefDto;
  @ApiProperty({ enum: ReferralReason, enumName: 'ReferralReason' })
  reasonCategory: ReferralReason;
  /** The case manager's reason in words; absent for a provider before acceptance. */
  @ApiProperty({ type: String, nullable: true, required: false })
  reasonText?: string | null;
  /** Goals agreed with the case manager; absent for a provider before acceptance. */
  @ApiProperty({ type: String, nullable: true, required: false })
  goals?: string | null;
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind', isArray: true })
  requestedServices: ServiceKind[];
  @ApiProperty({ enum: ReferralPriority, enumName: 'ReferralPriority' })
  priority: ReferralPriority;
  /** Provider only, while the referral awaits its decision. */
  clientSummary?: ClientSummaryDto;
  /** Provider only. */
  @ApiProperty({ type: PersonRefDto, nullable: true, required: false })
  assignedWorker?: PersonRefDto | null;
  /** Provider only: due date of the first contact (working days after acceptance). */
  @ApiProperty({ type: String, nullable: true, required: false, example: '2026-12-04' })
  firstContactDue?: string | null;
  /** Provider only: the first activity that reached the client. */
  @ApiProperty({ type: Date, nullable: true, required: false })
  firstContactAt?: Date | null;
  /** Provider only: no contact yet and the due date has passed. */
  overdue?: boolean;
  /**
   * Outcome code of a rejected (reject reason), cancelled (cancel reason) or completed
   * referral. Never the reason of an end.
   */
  @ApiProperty({ type: String, nullable: true })
  outcome: string | null;
  @ApiProperty({ type: Date, nullable: true })
  sentAt: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  acceptedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true })
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
