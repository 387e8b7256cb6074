import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { AuditOutcomeKind } from '../audit-event.entity';
import { IsUuidField } from '../../common/validation/bounds';

// A date-time with an explicit offset, so that no server time zone decides what it means.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIMESTAMP_MESSAGE =
  '$property must be an ISO 8601 date-time with offset, e.g. 2026-11-21T10:00:00Z';

export class ListAuditEventsQueryDto extends PageQueryDto {
  /**
   * Only events of this action (`area.verb`).
   * @example auth.login
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9_.]+$/, { message: 'action must be an action name such as auth.login' })
  action?: string;

  /** Only events with this outcome. */
  @IsOptional()
  @IsEnum(AuditOutcomeKind)
  outcome?: AuditOutcomeKind;

  /** Only events of this actor (a user's or an API key's id). */
  @IsOptional()
  @IsUuidField()
  actorId?: string;

  /** Only events of this organisation (outside your own, operator auditors only). */
  @IsOptional()
  @IsUuidField()
  organisationId?: string;

  /** Only events involving this client. */
  @IsOptional()
  @IsUuidField()
  clientId?: string;

  /**
   * Only events about resources of this type; required with `resourceId`.
   * @example user
   */
  @ValidateIf(
    (q: ListAuditEventsQueryDto) => q.resourceType !== undefined || q.resourceId !== undefined,
  )
  @IsDefined({ message: 'resourceType is required with resourceId' })
  @IsString()
  @MaxLength(64)
  resourceType?: string;

  /** Only events about this resource (with `resourceType`). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resourceId?: string;

  /**
   * Only events at or after this time (ISO 8601 with offset).
   * @example 2026-11-01T00:00:00Z
   */
  @ApiPropertyOptional({ type: String, format: 'date-time', maxLength: 35 })
  @IsOptional()
  @MaxLength(35)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  from?: string;

  /**
   * Only events before this time (ISO 8601 with offset).
   * @example 2026-12-01T00:00:00Z
   */
  @ApiPropertyOptional({ type: String, format: 'date-time', maxLength: 35 })
  @IsOptional()
  @MaxLength(35)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  to?: string;
}
