import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsUUID, MaxLength, type ValidationOptions } from 'class-validator';
import { MAX_PAGE_SIZE } from '../pagination/page-query.dto';

// Size bounds shared by request validation and the OpenAPI document (docs/security.md item 19:
// every string has a maxLength, every array a maxItems). Response DTOs document the bound the
// input validation or the way the value is made guarantees.

/** A UUID in its canonical text form (8-4-4-4-12 hex digits). */
export const UUID_LENGTH = 36;
/** A timestamp as Lotse writes it: `Date#toISOString()`, UTC with milliseconds. */
export const TIMESTAMP_LENGTH = 24;
/** A calendar date `YYYY-MM-DD`. */
export const DATE_LENGTH = 10;
/** An email address (the SMTP path limit, RFC 5321 §4.5.3.1.3). */
export const EMAIL_MAX_LENGTH = 254;
/** Names of organisations and people, titles. */
export const NAME_MAX_LENGTH = 200;
/** Free text: reasons, goals, notes, descriptions. */
export const TEXT_MAX_LENGTH = 2000;
/** A telephone number. */
export const PHONE_MAX_LENGTH = 40;
/** Codes Lotse itself assigns (reason and outcome codes, action names, resource types). */
export const CODE_MAX_LENGTH = 64;
/** A page cursor (`nextCursor`). */
export const CURSOR_MAX_LENGTH = 1024;
/**
 * Unpaginated lists of one object's records (a referral's transitions, a client's consents):
 * a documented bound, not enforced; real cases hold a few dozen at most.
 */
export const LIST_MAX_ITEMS = 1000;
/** Items of one list page. */
export const PAGE_MAX_ITEMS = MAX_PAGE_SIZE;

type PropertyOptions = Omit<ApiPropertyOptions, 'type' | 'format' | 'maxLength'>;

/** A UUID field of a response. */
export const ApiUuid = (options: PropertyOptions = {}): PropertyDecorator =>
  ApiProperty({
    type: String,
    format: 'uuid',
    maxLength: UUID_LENGTH,
    ...options,
  } as ApiPropertyOptions);

/** A timestamp field of a response. */
export const ApiTimestamp = (options: PropertyOptions = {}): PropertyDecorator =>
  ApiProperty({
    type: String,
    format: 'date-time',
    maxLength: TIMESTAMP_LENGTH,
    ...options,
  } as ApiPropertyOptions);

/** A calendar date `YYYY-MM-DD` of a request or response. */
export const ApiDate = (options: PropertyOptions = {}): PropertyDecorator =>
  ApiProperty({
    type: String,
    format: 'date',
    maxLength: DATE_LENGTH,
    ...options,
  } as ApiPropertyOptions);

/** A text field of a response, no longer than the input that made it may be. */
export const ApiText = (
  maxLength: number,
  options: Omit<ApiPropertyOptions, 'type' | 'maxLength'> = {},
): PropertyDecorator => ApiProperty({ type: String, maxLength, ...options } as ApiPropertyOptions);

/** A request field that must be a UUID: validated and documented as one. */
export const IsUuidField = (options?: ValidationOptions): PropertyDecorator =>
  applyDecorators(
    IsUUID('all', options),
    MaxLength(UUID_LENGTH, options),
    ApiProperty({
      type: String,
      format: 'uuid',
      maxLength: UUID_LENGTH,
      ...(options?.each ? { isArray: true } : {}),
    }),
  );
