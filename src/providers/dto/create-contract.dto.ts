import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BillingTermDto, BillingTermsField } from './billing-term.dto';
import { Omittable, Trim } from '../../common/validation/normalise';
import { ApiServiceKinds, ServiceKind } from '../service-kind';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { ApiDate } from '../../common/validation/bounds';

export const MAX_CAPACITY = 10000;
export const MAX_FIRST_CONTACT_WORKING_DAYS = 60;
export const CONTRACT_NUMBER_MAX_LENGTH = 64;

/** A contract of the caller's jobcenter with the provider of the path. */
export class CreateContractDto {
  /** The jobcenter's contract number, unique per jobcenter; cannot be changed. @example "AH-2026-014" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTRACT_NUMBER_MAX_LENGTH)
  number: string;

  /** First day of validity; cannot be changed. */
  @ApiDate({ example: '2026-01-01' })
  @IsCalendarDate()
  validFrom: string;

  /** Last day of validity (inclusive), not before validFrom; omit or null for open-ended. */
  @ApiDate({ required: false, nullable: true, example: '2027-12-31' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;

  /** The services commissioned: at least one. */
  @ApiServiceKinds()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(ServiceKind).length)
  @ArrayUnique()
  @IsEnum(ServiceKind, { each: true })
  services: ServiceKind[];

  /** Referrals the provider holds open under this contract at once (1–10000). @example 25 */
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  /** Working days from acceptance until the first contact is due (1–60, default 10). */
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_FIRST_CONTACT_WORKING_DAYS)
  firstContactWorkingDays?: number;

  /** The billing terms: each unit at most once, with its price in cents (ADR 0023). */
  @BillingTermsField()
  billingTerms?: BillingTermDto[];
}

/** A change of a contract; number and validFrom are fixed. Fields left out stay as they are. */
export class UpdateContractDto {
  /** Last day of validity (inclusive), not before validFrom; null makes it open-ended. */
  @ApiDate({ required: false, nullable: true, example: '2027-12-31' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string | null;

  @ApiServiceKinds({ required: false })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.values(ServiceKind).length)
  @ArrayUnique()
  @IsEnum(ServiceKind, { each: true })
  services?: ServiceKind[];

  /** 1–10000. */
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;

  /** 1–60. */
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_FIRST_CONTACT_WORKING_DAYS)
  firstContactWorkingDays?: number;

  /** The billing terms: each unit at most once, with its price in cents (ADR 0023). */
  @BillingTermsField()
  billingTerms?: BillingTermDto[];

  /**
   * `true`: lower `capacity` even below the referrals open under the contract (they stay open;
   * the availability shows the difference as `overCommitted`, and no referral is booked under
   * the contract until places are free). Without it such a change is refused with
   * `capacity-below-open-referrals`. Not stored.
   */
  @Omittable()
  @IsBoolean()
  confirmOverCommitment?: boolean;
}
