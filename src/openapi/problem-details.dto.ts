import { ApiProperty } from '@nestjs/swagger';
import {
  FIELD_ERRORS_MAX_ITEMS,
  FIELD_MESSAGES_MAX_ITEMS,
  FIELD_MESSAGE_MAX_LENGTH,
  FIELD_PATH_MAX_LENGTH,
  PROBLEM_TEXT_MAX_LENGTH,
  PROBLEM_TITLE_MAX_LENGTH,
  PROBLEM_TYPE_MAX_LENGTH,
  problemType,
  REQUEST_ID_MAX_LENGTH,
} from '../common/problem/problem-details';
import { PROBLEM_KINDS } from '../common/problem/problem-catalogue';
import { Role } from '../auth/role';
import { MAX_CAPACITY } from '../providers/dto/create-contract.dto';
import { DataCategory } from '../confidentiality/data-category';
import { ReferralAction } from '../referrals/referral-state';
import { ReferralState } from '../common/referral-states';
import { CODE_MAX_LENGTH, LIST_MAX_ITEMS, UUID_LENGTH } from '../common/validation/bounds';

/** Lists of codes or ids a problem names: bounded by the request that caused it. */
const CODES = { type: String, isArray: true, maxItems: LIST_MAX_ITEMS, maxLength: CODE_MAX_LENGTH };
const UUIDS = {
  type: String,
  isArray: true,
  format: 'uuid',
  maxItems: LIST_MAX_ITEMS,
  maxLength: UUID_LENGTH,
};

export class FieldErrorDto {
  /** Dotted path of the offending field. */
  @ApiProperty({ maxLength: FIELD_PATH_MAX_LENGTH })
  field: string;
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: FIELD_MESSAGES_MAX_ITEMS,
    maxLength: FIELD_MESSAGE_MAX_LENGTH,
  })
  messages: string[];
}

/**
 * An error response (`application/problem+json`, RFC 9457). Members after `errors` belong to
 * single kinds (a DomainError's extensions); every member a body may carry is listed here.
 */
export class ProblemDetailsDto {
  /**
   * Stable identifier of the error kind; translate by it. docs/problem-types.md says when each
   * kind occurs.
   * @example urn:lotse:problem:validation-error
   */
  @ApiProperty({
    enum: PROBLEM_KINDS.map(problemType),
    enumName: 'ProblemType',
    maxLength: PROBLEM_TYPE_MAX_LENGTH,
  })
  type: string;
  /**
   * Short, human-readable summary of the kind, in German when `Accept-Language` prefers `de`,
   * else in English. It may change; translate by `type`.
   */
  @ApiProperty({ example: 'Invalid request', maxLength: PROBLEM_TITLE_MAX_LENGTH })
  title: string;
  /** @example 400 */
  status: number;
  /** What went wrong with this request. */
  @ApiProperty({ example: 'One or more fields are invalid.', maxLength: PROBLEM_TEXT_MAX_LENGTH })
  detail: string;
  /** @example /api/v1/referrals */
  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX_LENGTH })
  instance: string;
  /** The request id (also in the X-Request-Id header); quote it when reporting a problem. */
  @ApiProperty({ maxLength: REQUEST_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9._:-]{1,128}$' })
  requestId: string;
  /** Field errors, for `validation-error` only. */
  @ApiProperty({ type: [FieldErrorDto], required: false, maxItems: FIELD_ERRORS_MAX_ITEMS })
  errors?: FieldErrorDto[];

  /** `transition-not-allowed`: the action asked for. */
  @ApiProperty({ required: false, enum: ReferralAction, enumName: 'ReferralAction' })
  action?: string;
  /** `transition-not-allowed`: the referral's current state. */
  @ApiProperty({ required: false, enum: ReferralState, enumName: 'ReferralState' })
  state?: string;
  /** `too-many-requests`: seconds until the next attempt (also the Retry-After header). */
  @ApiProperty({ required: false, minimum: 0, maximum: 86400 })
  retryAfter?: number;
  /** `role-not-allowed`: the roles this kind of organisation cannot hold. */
  @ApiProperty({ ...CODES, enum: Role, enumName: 'Role', required: false })
  roles?: string[];
  /**
   * `outside-template`: the data categories the consent template does not cover;
   * `onward-referral-not-consented`: the category the consent must grant the partner.
   */
  @ApiProperty({ ...CODES, enum: DataCategory, enumName: 'DataCategory', required: false })
  categories?: string[];
  /** `recipient-not-allowed`: the recipients that are not allowed. */
  @ApiProperty({ ...UUIDS, required: false })
  recipientOrganisationIds?: string[];
  /** `grants-not-in-consent`: the grant ids that are not grants of this consent. */
  @ApiProperty({ ...UUIDS, required: false })
  grantIds?: string[];
  /** `capacity-below-open-referrals`: the capacity asked for. */
  @ApiProperty({ required: false, minimum: 1, maximum: MAX_CAPACITY })
  capacity?: number;
  /** `capacity-below-open-referrals`: the referrals open under the contract now. */
  @ApiProperty({ required: false, minimum: 0 })
  openReferrals?: number;
  /**
   * `not-ready`: each dependency's state (see `HealthStatusDto`).
   * @example { "database": { "status": "up" }, "migrations": { "status": "pending", "applied": 9, "pending": 1 } }
   */
  checks?: Record<string, { status: string } & Record<string, string | number>>;
}
