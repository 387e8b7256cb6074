import { ApiProperty } from '@nestjs/swagger';
import {
  FIELD_ERRORS_MAX_ITEMS,
  FIELD_MESSAGES_MAX_ITEMS,
  FIELD_MESSAGE_MAX_LENGTH,
  FIELD_PATH_MAX_LENGTH,
  PROBLEM_TEXT_MAX_LENGTH,
  PROBLEM_TITLE_MAX_LENGTH,
  PROBLEM_TYPE_MAX_LENGTH,
  REQUEST_ID_MAX_LENGTH,
} from './problem-details';

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

/** An error response (`application/problem+json`, RFC 9457). */
export class ProblemDetailsDto {
  /**
   * Stable identifier of the error kind; translate by it.
   * @example urn:lotse:problem:validation-error
   */
  @ApiProperty({ maxLength: PROBLEM_TYPE_MAX_LENGTH })
  type: string;
  /** Short, human-readable summary of the kind (English; translate by `type`). */
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
  @ApiProperty({ maxLength: REQUEST_ID_MAX_LENGTH })
  requestId: string;
  /** Field errors, for `validation-error` only. */
  @ApiProperty({ type: [FieldErrorDto], required: false, maxItems: FIELD_ERRORS_MAX_ITEMS })
  errors?: FieldErrorDto[];
}
