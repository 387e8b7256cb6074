import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from '../../common/validation/normalise';
import { ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { RETENTION_BOUNDS } from '../retention';

const [CASE_MIN, CASE_MAX] = RETENTION_BOUNDS.caseContentMonths;
const [UNREF_MIN, UNREF_MAX] = RETENTION_BOUNDS.unreferredClientMonths;
const [AUDIT_MIN, AUDIT_MAX] = RETENTION_BOUNDS.auditTrailMonths;

/** A jobcenter's retention schedule (Löschfristen); its `ETag` is its version, 0 for the defaults. */
export class RetentionPolicyDto {
  @ApiUuid()
  jobcenterId: string;

  /** Months after the client's last referral closed until everything of the client is erased. */
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: CASE_MIN,
    maximum: CASE_MAX,
    example: 36,
  })
  caseContentMonths: number;

  /** Months after its last change until a client who was never referred is erased. */
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: UNREF_MIN,
    maximum: UNREF_MAX,
    example: 12,
  })
  unreferredClientMonths: number;

  /** Months the audit trail is kept (stated; its deletion is the operator's archive task). */
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: AUDIT_MIN,
    maximum: AUDIT_MAX,
    example: 72,
  })
  auditTrailMonths: number;

  /** True while the jobcenter never changed the defaults. */
  isDefault: boolean;

  @ApiTimestamp({ nullable: true })
  updatedAt: Date | null;
}

/** A change of the schedule; periods left out stay as they are. */
export class UpdateRetentionPolicyDto {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: CASE_MIN,
    maximum: CASE_MAX,
    required: false,
    example: 36,
  })
  @Omittable()
  @IsInt()
  @Min(CASE_MIN)
  @Max(CASE_MAX)
  caseContentMonths?: number;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: UNREF_MIN,
    maximum: UNREF_MAX,
    required: false,
    example: 12,
  })
  @Omittable()
  @IsInt()
  @Min(UNREF_MIN)
  @Max(UNREF_MAX)
  unreferredClientMonths?: number;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: AUDIT_MIN,
    maximum: AUDIT_MAX,
    required: false,
    example: 72,
  })
  @Omittable()
  @IsInt()
  @Min(AUDIT_MIN)
  @Max(AUDIT_MAX)
  auditTrailMonths?: number;
}
