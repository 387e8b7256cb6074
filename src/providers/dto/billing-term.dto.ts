import { IsEnum, IsInt, Max, Min } from 'class-validator';
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
