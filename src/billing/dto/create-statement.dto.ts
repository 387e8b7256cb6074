import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../common/validation/normalise';
import { IsUuidField } from '../../common/validation/bounds';
import { ApiBillingUnit, BillingUnit } from '../../providers/billing-unit';
import { CorrectionReason } from '../billing-statement.entity';
import { MONTH_PATTERN } from '../billing-rules';

/** The most lines a correction may leave out at once. */
export const MAX_EXCLUDED_LINES = 1000;

/** A line the provider leaves out of an edition: a referral's unit. */
export class ExcludedLineDto {
  @IsUuidField()
  referralId: string;

  @ApiBillingUnit()
  @IsEnum(BillingUnit)
  unit: BillingUnit;
}

/**
 * Generate the next edition of a month's statement from the contract's terms and the world's
 * events. The first edition takes no reason; every later one (a correction) needs one.
 */
export class CreateStatementDto {
  /** The calendar month billed (Europe/Berlin), ended before today. @example "2026-10" */
  @ApiProperty({ pattern: MONTH_PATTERN.source, minLength: 7, maxLength: 7, example: '2026-10' })
  @IsString()
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month: string;

  /** Why this edition corrects the one before: needed from the second edition on. */
  @ApiProperty({ enum: CorrectionReason, enumName: 'CorrectionReason', required: false })
  @Omittable()
  @IsEnum(CorrectionReason)
  correctionReason?: CorrectionReason;

  /** Lines of the month left out of this edition (each a billable line of the month). */
  @ApiProperty({
    type: () => ExcludedLineDto,
    isArray: true,
    maxItems: MAX_EXCLUDED_LINES,
    required: false,
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUDED_LINES)
  @ArrayUnique((l: ExcludedLineDto) => `${l?.referralId}|${l?.unit}`, {
    message: 'exclude must name each line once',
  })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ExcludedLineDto)
  exclude?: ExcludedLineDto[];
}

/** Which editions to list: those of one month. */
export class ListStatementsQueryDto {
  /** The calendar month. @example "2026-10" */
  @ApiProperty({ pattern: MONTH_PATTERN.source, minLength: 7, maxLength: 7, example: '2026-10' })
  @IsString()
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month: string;
}
