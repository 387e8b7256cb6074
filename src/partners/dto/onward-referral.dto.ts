import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ApiDate, ApiTimestamp, ApiUuid, IsUuidField } from '../../common/validation/bounds';
import { DataCategory } from '../../confidentiality/data-category';
import { OnwardReferralState, UptakeOutcome } from '../onward-referral-state';

/** Refer the referral's client onward to a partner with an agreement with its jobcenter. */
export class CreateOnwardReferralDto {
  /** The partner organisation; the client's consent for this referral must grant it. */
  @IsUuidField()
  partnerId: string;
}

/** Whether the client arrived at the partner. */
export class RecordUptakeDto {
  @ApiProperty({ enum: UptakeOutcome, enumName: 'UptakeOutcome' })
  @IsEnum(UptakeOutcome)
  outcome: UptakeOutcome;
}

/** Who the client is: told the partner once it accepted, and only while the consent holds. */
export class OnwardClientIdentityDto {
  @ApiUuid()
  id: string;

  /** @example "Aylin" */
  @ApiProperty({ maxLength: 100 })
  givenName: string;

  /** @example "Demir" */
  @ApiProperty({ maxLength: 100 })
  familyName: string;

  @ApiDate()
  dateOfBirth: string;
}

/**
 * An onward referral as the referring provider and the partner see it. The partner never sees
 * the referral it was made from (`referralId` null) nor any case content; `client` is null
 * until it accepted. The provider sees its own referral and client.
 */
export class OnwardReferralDto {
  @ApiUuid()
  id: string;

  /** The provider's referral it was made from; null for the partner. */
  @ApiUuid({ nullable: true })
  referralId: string | null;

  @ApiUuid()
  jobcenterId: string;

  @ApiUuid()
  providerId: string;

  @ApiUuid()
  partnerId: string;

  @ApiUuid()
  agreementId: string;

  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;

  @ApiProperty({ enum: OnwardReferralState, enumName: 'OnwardReferralState' })
  state: OnwardReferralState;

  @ApiTimestamp()
  createdAt: Date;

  @ApiTimestamp({ nullable: true })
  decidedAt: Date | null;

  @ApiTimestamp({ nullable: true })
  uptakeRecordedAt: Date | null;

  /** The client: for the provider always, for the partner only after accepting. */
  @ApiProperty({ type: () => OnwardClientIdentityDto, nullable: true })
  client: OnwardClientIdentityDto | null;
}

/**
 * An onward referral as the jobcenter sees it, and only when the client's consent for the
 * referral releases its category to the jobcenter: exactly the fact that the provider referred
 * the client onward to the partner, and when. Never the partner's answer or the uptake.
 */
export class ReleasedOnwardReferralDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  referralId: string;

  @ApiUuid()
  partnerId: string;

  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;

  @ApiTimestamp()
  createdAt: Date;
}
