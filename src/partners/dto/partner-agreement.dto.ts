import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { ApiDate, ApiTimestamp, ApiUuid, IsUuidField } from '../../common/validation/bounds';
import { Omittable } from '../../common/validation/normalise';
import { DataCategory } from '../../confidentiality/data-category';

export const MAX_RESERVED_PLACES = 10000;

/** An agreement of the caller's jobcenter with a partner organisation. */
export class CreatePartnerAgreementDto {
  /** The partner organisation (kind `partner`, active). */
  @IsUuidField()
  partnerId: string;

  /**
   * The care the partner gives: the category of the fact of an onward referral to it, which the
   * client's consent must release to the partner (and to the jobcenter, for it to see it).
   */
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory', example: 'mental_health' })
  @IsEnum(DataCategory)
  category: DataCategory;

  /** Places reserved for the jobcenter's clients (1–10000). @example 5 */
  @IsInt()
  @Min(1)
  @Max(MAX_RESERVED_PLACES)
  reservedPlaces: number;

  /** First day of validity. */
  @ApiDate({ example: '2026-01-01' })
  @IsCalendarDate()
  validFrom: string;

  /** Last day of validity (inclusive), not before validFrom; omit for open-ended. */
  @ApiDate({ required: false, example: '2027-12-31' })
  @Omittable()
  @IsCalendarDate()
  validUntil?: string;
}

/** An agreement between a jobcenter and a partner organisation; no personal data. */
export class PartnerAgreementDto {
  @ApiUuid()
  id: string;

  @ApiUuid()
  jobcenterId: string;

  /** @example "Jobcenter Essen" */
  @ApiProperty({ maxLength: 200 })
  jobcenterName: string;

  @ApiUuid()
  partnerId: string;

  /** @example "LVR-Universitätsklinik Essen" */
  @ApiProperty({ maxLength: 200 })
  partnerName: string;

  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: MAX_RESERVED_PLACES })
  reservedPlaces: number;

  /** Places taken now by onward referrals asked or accepted under it (all providers'). */
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 })
  placesTaken: number;

  @ApiDate()
  validFrom: string;

  @ApiDate({ nullable: true })
  validUntil: string | null;

  @ApiTimestamp()
  createdAt: Date;
}
