import { registerDecorator, type ValidationArguments } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

/**
 * The password policy as a validation rule, so that a weak password is a 400 with the field
 * named. Compares against an `email` property of the same object, if it has one.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target, propertyName) => {
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })(
      target,
      propertyName,
    );
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          if (typeof value !== 'string') return false;
          const email = (args.object as { email?: unknown }).email;
          return (
            passwordProblems(value, { email: typeof email === 'string' ? email : undefined })
              .length === 0
          );
        },
        defaultMessage(args: ValidationArguments): string {
          if (typeof args.value !== 'string') return `${args.property} must be a string`;
          const email = (args.object as { email?: unknown }).email;
          const [problem] = passwordProblems(args.value, {
            email: typeof email === 'string' ? email : undefined,
          });
          return (
            problem?.replace(/^password/, args.property) ?? `${args.property} is not acceptable`
          );
        },
      },
    });
  };
}
