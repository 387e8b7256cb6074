import { ApiProperty } from '@nestjs/swagger';

export class FieldErrorDto {
  /** Dotted path of the offending field. */
  field: string;
  messages: string[];
}

/** An error response (`application/problem+json`, RFC 9457). */
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
}
