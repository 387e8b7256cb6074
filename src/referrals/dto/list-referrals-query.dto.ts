import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, MaxLength } from 'class-validator';
import { Omittable } from '../../common/validation/normalise';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ReferralState } from '../../common/referral-states';
import { IsUuidField } from '../../common/validation/bounds';

export class ListReferralsQueryDto extends PageQueryDto {
  @Omittable()
  @IsEnum(ReferralState)
  state?: ReferralState;

  @Omittable()
  @IsUuidField()
  providerId?: string;

  @Omittable()
  @IsUuidField()
  caseManagerId?: string;

  @Omittable()
  @IsUuidField()
  clientId?: string;

  /**
   * Providers only: referrals whose first contact is overdue (`true`). Whether contact was made
   * is participation content, so jobcenters cannot filter by it.
   */
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  overdue?: boolean;

  /** Only referrals changed at or after this time (ISO 8601). */
  @ApiProperty({ required: false, format: 'date-time', maxLength: 40 })
  @Omittable()
  @IsDateString({ strict: true })
  @MaxLength(40)
  updatedSince?: string;
}
