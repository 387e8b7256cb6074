import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsPostcode } from '../../common/validation/postcode';
import { MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
import { Omittable, Trim } from '../../common/validation/normalise';
import { ClientContactWay } from '../client.entity';
import { IsDateOfBirth } from './date-of-birth';
import { EMAIL_MAX_LENGTH, PHONE_MAX_LENGTH } from '../../common/validation/bounds';

/** Kundennummern are compared as the jobcenter writes them, but without case or padding. */
const NormaliseCustomerNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

const CUSTOMER_NUMBER = /^[A-Z0-9][A-Z0-9 ./-]*$/;
const PHONE = /^(?=.*\d)[\d +\-/()]+$/;

export const CUSTOMER_NUMBER_MAX_LENGTH = 32;
export const PERSON_NAME_MAX_LENGTH = 100;
export const STREET_MAX_LENGTH = 200;
export const CITY_MAX_LENGTH = 100;
export const CARE_OF_MAX_LENGTH = 300;
export const WHEREABOUTS_MAX_LENGTH = 500;
export { MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
export const CONTACT_TIMES_MAX_LENGTH = 200;
export const NOTE_TO_PROVIDER_MAX_LENGTH = 1000;

// Fields that may be null (cleared) use @IsOptional(); the others use @Omittable(), so that
// null for them is a 400 in the update DTO too, which inherits these rules.
export class CreateClientDto {
  /**
   * The jobcenter's customer number (Kundennummer); unique within the jobcenter. Letters,
   * digits, spaces and `.`, `/`, `-`; stored upper-cased.
   * @example "123D456789"
   */
  @NormaliseCustomerNumber()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMER_NUMBER_MAX_LENGTH)
  @Matches(CUSTOMER_NUMBER, {
    message: 'customerNumber may hold letters, digits, spaces, ".", "/" and "-" only',
  })
  customerNumber: string;

  /** @example "Erika" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PERSON_NAME_MAX_LENGTH)
  givenName: string;

  /** @example "Musterfrau" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PERSON_NAME_MAX_LENGTH)
  familyName: string;

  /** Date of birth (`YYYY-MM-DD`), not before 1900-01-01 and not in the future. */
  @ApiProperty({ type: String, format: 'date', example: '1984-03-07', maxLength: 10 })
  @IsDateOfBirth()
  dateOfBirth: string;

  /**
   * Street and house number of the address of residence. Street, postcode and city are given
   * together, or all left out (or `null`) for a person without a fixed address (ohne festen
   * Wohnsitz), who then needs `municipality`.
   * @example "Lindenstraße 12"
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(STREET_MAX_LENGTH)
  street?: string | null;

  /** German postcode (PLZ), five digits; with street and city. @example "12345" */
  @IsOptional()
  @IsString()
  @MaxLength(5)
  @IsPostcode()
  postcode?: string | null;

  /** With street and postcode. @example "Musterstadt" */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CITY_MAX_LENGTH)
  city?: string | null;

  /**
   * Erreichbarkeit: a postal address c/o, e.g. a Beratungsstelle, Tagesaufenthalt or Postfach.
   * @example "c/o Tagesaufenthalt Lichtblick, Bahnhofstraße 3, 64625 Bensheim"
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CARE_OF_MAX_LENGTH)
  careOf?: string | null;

  /**
   * Erreichbarkeit: where the person is usually met, in words.
   * @example "Vormittags am Tagesaufenthalt, nachmittags oft am Bahnhofsvorplatz"
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHEREABOUTS_MAX_LENGTH)
  usualWhereabouts?: string | null;

  /**
   * The municipality (Gemeinde) whose providers serve the person: required without an address
   * of residence, where it takes the postcode's place in provider search and availability.
   * @example "Bensheim"
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MUNICIPALITY_MAX_LENGTH)
  municipality?: string | null;

  /** Digits, spaces, `+`, `-`, `/`, `(` and `)`. @example "+49 30 1234567" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PHONE_MAX_LENGTH)
  @Matches(PHONE, { message: 'phone may hold digits, spaces, "+", "-", "/", "(" and ")" only' })
  phone?: string | null;

  /** @example "erika.musterfrau@example.org" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email?: string | null;

  /** How the client prefers to be contacted; `no_preference` when not given. */
  @ApiProperty({ enum: ClientContactWay, enumName: 'ClientContactWay', required: false })
  @Omittable()
  @IsEnum(ClientContactWay)
  preferredContact?: ClientContactWay;

  /** When the client is best reached. @example "Nachmittags" */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTACT_TIMES_MAX_LENGTH)
  preferredContactTimes?: string | null;

  /**
   * The case manager's note to the provider; the provider reads it with the referral.
   * @example "Bevorzugt Nachmittage; spricht Arabisch."
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_TO_PROVIDER_MAX_LENGTH)
  noteToProvider?: string | null;
}

/**
 * Only the fields sent change; `null` clears `phone`, `email`, the contact times, the note and
 * the Erreichbarkeit fields, and (all three together) the address of residence.
 */
export class UpdateClientDto extends PartialType(CreateClientDto, { skipNullProperties: false }) {}
