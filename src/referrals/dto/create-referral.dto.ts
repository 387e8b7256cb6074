import { OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Omittable, Trim } from '../../common/validation/normalise';
import { ServiceKind } from '../../providers/service-kind';
import { ReferralPriority, ReferralReason } from '../referral-codes';
import { IsUuidField, TEXT_MAX_LENGTH } from '../../common/validation/bounds';

export class CreateReferralDto {
  /** A client of your jobcenter. */
  @IsUuidField()
  clientId: string;

  /** The provider (Träger) to refer to; sending needs a valid contract with a free place. */
  @IsUuidField()
  providerId: string;

  @IsEnum(ReferralReason)
  reasonCategory: ReferralReason;

  /** The reason in words, for the provider (shown to it after acceptance). */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  reasonText?: string | null;

  /** Goals agreed with the case manager. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  goals?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsEnum(ServiceKind, { each: true })
  requestedServices: ServiceKind[];

  @Omittable()
  @IsEnum(ReferralPriority)
  priority?: ReferralPriority;
}

/** A draft can be changed until it is sent; null clears reasonText or goals, nothing else. */
export class UpdateReferralDto extends PartialType(
  OmitType(CreateReferralDto, ['clientId'] as const),
  {
    skipNullProperties: false,
  },
) {}
