import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsPostcode } from '../../common/validation/postcode';

// A date-time with an explicit offset, so that no server time zone decides what it means.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Filters of the client list. Deliberately none on names, dates of birth or customer numbers:
 * personal data must not travel in URLs (they end up in logs and browser histories).
 */
export class ListClientsQueryDto extends PageQueryDto {
  /**
   * Only clients living in this postcode area (PLZ).
   * @example "12345"
   */
  @IsOptional()
  @IsString()
  @MaxLength(5)
  @IsPostcode()
  postcode?: string;

  /**
   * Only clients created or changed at or after this time (ISO 8601 with offset).
   * @example 2026-11-01T00:00:00Z
   */
  @ApiPropertyOptional({ type: String, format: 'date-time', maxLength: 35 })
  @IsOptional()
  @MaxLength(35)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(TIMESTAMP, {
    message: '$property must be an ISO 8601 date-time with offset, e.g. 2026-11-21T10:00:00Z',
  })
  updatedSince?: string;
}
