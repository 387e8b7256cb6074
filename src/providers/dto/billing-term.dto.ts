import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../common/validation/normalise';
import { ApiBillingUnit, BillingUnit } from '../billing-unit';

/** The highest price of one unit, in cents (100,000.00 euros). */
export const MAX_UNIT_PRICE_CENTS = 10_000_000;

/** One billing term of a contract: a unit and its price in euro cents (an integer). */
export class BillingTermDto {
  @ApiBillingUnit()
  @IsEnum(BillingUnit)
  unit: BillingUnit;

  /** Price of one unit in euro cents (0–10000000). @example 45000 */
  @IsInt()
  @Min(0)
  @Max(MAX_UNIT_PRICE_CENTS)
  priceCents: number;
}

/**
 * A contract's `billingTerms` in a request: optional, each unit at most once (ADR 0023). Empty:
 * the contract bills nothing.
 */
export const BillingTermsField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: () => BillingTermDto,
      isArray: true,
      maxItems: Object.values(BillingUnit).length,
      required: false,
    }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(Object.values(BillingUnit).length),
    ArrayUnique((t: BillingTermDto) => t?.unit, {
      message: 'billingTerms must name each unit once',
    }),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => BillingTermDto),
  );
