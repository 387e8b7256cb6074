import { MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
import { ApiProperty } from '@nestjs/swagger';
import { Content, Meta } from '../../confidentiality/disclosure';
import { DataCategory } from '../../confidentiality/data-category';
import { ApiServiceKinds, ServiceKind } from '../../providers/service-kind';
import { ReferralPriority, ReferralReason } from '../referral-codes';
import { ReferralState } from '../../common/referral-states';
import {
  ApiDate,
  ApiText,
  ApiTimestamp,
  ApiUuid,
  CODE_MAX_LENGTH,
  CURSOR_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PAGE_MAX_ITEMS,
  TEXT_MAX_LENGTH,
} from '../../common/validation/bounds';
import { NOTE_TO_PROVIDER_MAX_LENGTH } from '../../clients/dto/create-client.dto';

/**
 * An instant of a referral as the API writes it (`date-time`): a `Date`, or where the database
 * already wrote it, its text in exactly `Date#toISOString`'s form (the list, `referral-rows.ts`).
 */
export type ReferralInstant = Date | string;

export class ReferralPartyDto {
  @Meta()
  @ApiUuid()
  id: string;
  @Meta()
  @ApiText(NAME_MAX_LENGTH)
  name: string;
}

export class PersonRefDto {
  @Meta()
  @ApiUuid()
  id: string;
  @Meta()
  @ApiText(NAME_MAX_LENGTH)
  displayName: string;
}

/** Before acceptance, all a provider learns about the client: enough to decide, no identity. */
export class ClientSummaryDto {
  /** The postcode of residence; null for a client without a fixed address. */
  @Meta()
  @ApiText(5, { nullable: true, example: '45127' })
  postcode: string | null;
  /** The municipality that replaces the postcode for a client without a fixed address. */
  @Meta()
  @ApiText(MUNICIPALITY_MAX_LENGTH, { nullable: true, example: 'Bensheim' })
  municipality: string | null;
  /** The case manager's note to the provider. @example "Nachmittags erreichbar; spricht Arabisch" */
  @ApiText(NOTE_TO_PROVIDER_MAX_LENGTH, { nullable: true })
  @Meta()
  noteToProvider: string | null;
}

/**
 * A referral as its reader may see it. The jobcenter sees its commissioning data (state, dates,
 * outcome code) and nothing the provider wrote; the provider sees, before accepting, only what
 * it needs to decide. Fields a reader may not see are absent.
 */
export class ReferralDto {
  @Meta()
  @ApiUuid()
  id: string;
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  @Meta()
  state: ReferralState;
  @Meta(() => ReferralPartyDto)
  jobcenter: ReferralPartyDto;
  @Meta(() => ReferralPartyDto)
  provider: ReferralPartyDto;
  /** Absent for a provider before acceptance. */
  @Meta()
  @ApiUuid({ required: false })
  clientId?: string;
  /** Absent for a provider before acceptance. */
  @Meta(() => PersonRefDto)
  caseManager?: PersonRefDto;
  @ApiProperty({ enum: ReferralReason, enumName: 'ReferralReason' })
  @Meta()
  reasonCategory: ReferralReason;
  /** The case manager's reason in words; absent for a provider before acceptance. */
  @ApiText(TEXT_MAX_LENGTH, { nullable: true, required: false })
  @Meta()
  reasonText?: string | null;
  /** Goals agreed with the case manager; absent for a provider before acceptance. */
  @ApiText(TEXT_MAX_LENGTH, { nullable: true, required: false })
  @Meta()
  goals?: string | null;
  @ApiServiceKinds()
  @Meta()
  requestedServices: ServiceKind[];
  @ApiProperty({ enum: ReferralPriority, enumName: 'ReferralPriority' })
  @Meta()
  priority: ReferralPriority;
  /** Provider only, while the referral awaits its decision. */
  @Meta(() => ClientSummaryDto)
  clientSummary?: ClientSummaryDto;
  /** Provider only. */
  @ApiProperty({ type: PersonRefDto, nullable: true, required: false })
  @Content('internal', () => PersonRefDto)
  assignedWorker?: PersonRefDto | null;
  /** Provider only: due date of the first contact (working days after acceptance). */
  @ApiDate({ nullable: true, required: false, example: '2026-12-04' })
  @Content('internal')
  firstContactDue?: string | null;
  /**
   * The first activity that reached the client (participation content): the provider's, and
   * the jobcenter's when the client released participation to it.
   */
  @ApiTimestamp({ nullable: true, required: false })
  @Content(DataCategory.Participation)
  firstContactAt?: ReferralInstant | null;
  /** Provider only: no contact yet and the due date has passed. */
  @Content('internal')
  overdue?: boolean;
  /**
   * Outcome code of a rejected (reject reason), cancelled (cancel reason) or completed
   * referral. Never the reason of an end.
   */
  @ApiText(CODE_MAX_LENGTH, { nullable: true })
  @Meta()
  outcome: string | null;
  @ApiTimestamp({ nullable: true })
  @Meta()
  sentAt: ReferralInstant | null;
  @ApiTimestamp({ nullable: true })
  @Meta()
  acceptedAt: ReferralInstant | null;
  @ApiTimestamp({ nullable: true })
  @Meta()
  startedAt: ReferralInstant | null;
  @ApiTimestamp({ nullable: true })
  @Meta()
  closedAt: ReferralInstant | null;
  @Meta()
  @ApiTimestamp()
  createdAt: ReferralInstant;
  @Meta()
  @ApiTimestamp()
  updatedAt: ReferralInstant;
}

/** A page of referrals. Lists carry no participation content, whoever reads them. */
export class ReferralPageDto {
  @Meta(() => ReferralDto)
  @ApiProperty({ type: ReferralDto, isArray: true, maxItems: PAGE_MAX_ITEMS })
  items: ReferralDto[];
  @Meta()
  @ApiText(CURSOR_MAX_LENGTH, { nullable: true })
  nextCursor: string | null;
}
