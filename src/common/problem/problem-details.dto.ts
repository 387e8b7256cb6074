import { ApiProperty } from '@nestjs/swagger';

export class FieldErrorDto {
  /** Dotted path of the offending field. */
  field: string;
  messages: string[];
}

/**
 * An error response (`application/problem+json`, RFC 9457). Members after `errors` belong to
 * single kinds (a DomainError's extensions); every member a body may carry is listed here.
 */
export class ProblemDetailsDto {
  /**
   * Stable identifier of the error kind; translate by it.
   * @example urn:lotse:problem:validation-error
   */
  type: string;
  /** Short, human-readable summary of the kind (English; translate by `type`). */
  @ApiProperty({ example: 'Invalid request' })
  title: string;
  /** @example 400 */
  status: number;
  /** What went wrong with this request. */
  @ApiProperty({ example: 'One or more fields are invalid.' })
  detail: string;
  /** @example /api/v1/referrals */
  instance: string;
  /** The request id (also in the X-Request-Id header); quote it when reporting a problem. */
  requestId: string;
  /** Field errors, for `validation-error` only. */
  @ApiProperty({ type: [FieldErrorDto], required: false })
  errors?: FieldErrorDto[];

  /** `transition-not-allowed`: the action asked for. */
  action?: string;
  /** `transition-not-allowed`: the referral's current state. */
  state?: string;
  /** `too-many-requests`: seconds until the next attempt (also the Retry-After header). */
  retryAfter?: number;
  /** `role-not-allowed`: the roles this kind of organisation cannot hold. */
  roles?: string[];
  /** `outside-template`: the data categories the consent template does not cover. */
  categories?: string[];
  /** `recipient-not-allowed`: the recipients that are not allowed. */
  recipientOrganisationIds?: string[];
  /** `grants-not-in-consent`: the grant ids that are not grants of this consent. */
  grantIds?: string[];
  /**
   * `not-ready`: each dependency's state.
   * @example { "database": { "status": "down" } }
   */
  checks?: Record<string, { status: string }>;
}
