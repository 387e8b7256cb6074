import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, Matches } from 'class-validator';
import { Omittable } from '../../identity/dto/normalise';

/** A month `YYYY-MM` of the years 2000 to 2099. */
const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
/** The longest period one request may span, in months. */
export const MAX_MONTHS = 36;
/** `YYYY-MM`. */
export const MONTH_LENGTH = 7;
const MONTH_MESSAGE = '$property must be a month YYYY-MM, e.g. 2026-11';

/** The tables of the statistics, by their field names; CSV returns one of them. */
export enum StatisticsTable {
  ByState = 'byState',
  ByOutcome = 'byOutcome',
  /** Jobcenters only. */
  ByProviderAndMonth = 'byProviderAndMonth',
  /** Providers only. */
  ByJobcenterAndMonth = 'byJobcenterAndMonth',
  ByServiceAndMonth = 'byServiceAndMonth',
  /** The acceptance rate and the medians. */
  Summary = 'summary',
  CapacityUse = 'capacityUse',
}

export class ReferralStatisticsQueryDto {
  /**
   * The first month counted (Europe/Berlin). Default: eleven months before `to`, so that the
   * default period is the last twelve months.
   * @example 2026-01
   */
  @ApiPropertyOptional({ pattern: MONTH.source, maxLength: MONTH_LENGTH })
  @Omittable()
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  from?: string;

  /**
   * The last month counted, inclusive (Europe/Berlin); at most 35 months after `from` (36
   * months in all). Default: the current month.
   * @example 2026-12
   */
  @ApiPropertyOptional({ pattern: MONTH.source, maxLength: MONTH_LENGTH })
  @Omittable()
  @IsString()
  @Matches(MONTH, { message: MONTH_MESSAGE })
  to?: string;

  /**
   * With `Accept: text/csv` only: which table the CSV holds. Default: `byProviderAndMonth` for
   * a jobcenter, `byJobcenterAndMonth` for a provider. Ignored for JSON, which holds them all.
   */
  @ApiPropertyOptional({ enum: StatisticsTable, enumName: 'StatisticsTable' })
  @Omittable()
  @IsEnum(StatisticsTable)
  table?: StatisticsTable;
}
