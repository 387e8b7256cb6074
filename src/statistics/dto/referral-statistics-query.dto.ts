import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, Matches } from 'class-validator';
import { Omittable } from '../../common/validation/normalise';

/** A year of 2000 to 2099. */
const YEAR = /^20\d{2}$/;
/** The months of the reporting period: a calendar year. */
export const MAX_MONTHS = 12;
/** `YYYY-MM`. */
export const MONTH_LENGTH = 7;

/** The tables of the statistics, by their field names; CSV returns one of them. */
export enum StatisticsTable {
  ByState = 'byState',
  ByOutcome = 'byOutcome',
  /** Jobcenters only. */
  ByProviderAndMonth = 'byProviderAndMonth',
  /** Providers only. */
  ByJobcenterAndMonth = 'byJobcenterAndMonth',
  ByServiceAndMonth = 'byServiceAndMonth',
  /** The acceptance rate and the medians, with their bases. */
  Summary = 'summary',
  CapacityUse = 'capacityUse',
}

/** How the fields of a CSV line are separated. */
export enum CsvSeparator {
  /** RFC 4180. */
  Comma = 'comma',
  /** For spreadsheets with a German locale; the file starts with a UTF-8 byte order mark. */
  Semicolon = 'semicolon',
}

export class ReferralStatisticsQueryDto {
  /**
   * The reporting year (Europe/Berlin): the referrals sent in it. Default: the current year.
   * Statistics are published per calendar year only, never for other periods, so that no two
   * answers differ by a few referrals (docs/architecture/0012).
   * @example 2026
   */
  @ApiPropertyOptional({ pattern: YEAR.source, maxLength: 4 })
  @Omittable()
  @IsString()
  @Matches(YEAR, { message: '$property must be a year from 2000 to 2099, e.g. 2026' })
  year?: string;

  /**
   * With `Accept: text/csv` only: which table the CSV holds. Default: `byProviderAndMonth` for
   * a jobcenter, `byJobcenterAndMonth` for a provider. Ignored for JSON, which holds them all.
   */
  @ApiPropertyOptional({ enum: StatisticsTable, enumName: 'StatisticsTable' })
  @Omittable()
  @IsEnum(StatisticsTable)
  table?: StatisticsTable;

  /**
   * With `Accept: text/csv` only: `comma` (RFC 4180, the default) or `semicolon` (German
   * spreadsheets; with a UTF-8 byte order mark).
   */
  @ApiPropertyOptional({ enum: CsvSeparator, enumName: 'CsvSeparator' })
  @Omittable()
  @IsEnum(CsvSeparator)
  separator?: CsvSeparator;
}
