import { Body, type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../problem/domain-error';

/** Refuses any field in the body of an action that takes none. */
class NoBodyPipe implements PipeTransform {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new RequestValidationError([
        { field: 'body', messages: ['this action takes no body, or an empty object'] },
      ]);
    }
    const fields = Object.keys(value);
    if (fields.length > 0) {
      throw new RequestValidationError(
        fields.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
      );
    }
    return undefined;
  }
}

/**
 * The body of an action that takes none: an empty object, or no body at all. Any field is a
 * `400`, so that a client still sending one the action no longer takes (a password that an
 * admin used to choose) learns so instead of being silently ignored.
 */
export const NoBody = (): ParameterDecorator => Body(new NoBodyPipe());
