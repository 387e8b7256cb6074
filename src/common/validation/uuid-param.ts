import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { RequestValidationError } from '../problem/domain-error';
import { UUID_LENGTH } from './bounds';

/**
 * A path parameter that must be a UUID; anything else is a 400 validation error naming it.
 * The OpenAPI document declares it as one (`format: uuid`, at most 36 characters).
 */
export const UuidParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new RequestValidationError([{ field: name, messages: [`${name} must be a UUID`] }]),
      }),
    )(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) {
      ApiParam({
        name,
        required: true,
        schema: { type: 'string', format: 'uuid', maxLength: UUID_LENGTH },
      })(target, key, descriptor);
    }
  };
