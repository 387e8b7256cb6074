import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '../problem/domain-error';

/** A path parameter that must be a UUID; anything else is a 400 validation error naming it. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new RequestValidationError([{ field: name, messages: [`${name} must be a UUID`] }]),
    }),
  );
