import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** A German postcode (PLZ): five digits. */
export const POSTCODE = /^\d{5}$/;
export const POSTCODE_LENGTH = 5;

/** Validates a postcode (or, with `each`, a list of them) and documents its pattern and length. */
export const IsPostcode = (options: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    Matches(POSTCODE, { ...options, message: '$property must be a German postcode (5 digits)' }),
    ApiProperty({
      type: String,
      pattern: POSTCODE.source,
      maxLength: POSTCODE_LENGTH,
      ...(options.each ? { isArray: true } : {}),
    }),
  );
