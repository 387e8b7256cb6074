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
import { Omittable, Trim } from '../../identity/dto/normalise';
import { ClientContactWay } from '../client.entity';
import { IsDateOfBirth } from './date-of-birth';

/** Kundennummern are compared as the jobcenter writes them, but without case or padding. */
const NormaliseCustomerNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

const CUSTOMER_NUMBER = /^[A-Z0-9][A-Z0-9 ./-]*$/;
const PHONE = /^(?=.*\d)[\d +\-/()]+$/;

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
  @MaxLength(32)
  @Matches(CUSTOMER_NUMBER, {
    message: 'customerNumber may hold letters, digits, spaces, ".", "/" and "-" only',
  })
  customerNumber: string;

  /** @example "Erika" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenName: string;

  /** @example "Musterfrau" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName: string;

  /** Date of birth (`YYYY-MM-DD`), not before 1900-01-01 and not in the future. */
  @ApiProperty({ type: String, format: 'date', example: '1984-03-07', maxLength: 10 })
  @IsDateOfBirth()
  dateOfBirth: string;

  /** Street and house number. @example "Lindenstraße 12" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  street: string;

  /** German postcode (PLZ), five digits. @example "12345" */
  @IsString()
  @MaxLength(5)
  @IsPostcode()
  postcode: string;

  /** @example "Musterstadt" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  /** Digits, spaces, `+`, `-`, `/`, `(` and `)`. @example "+49 30 1234567" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  @Matches(PHONE, { message: 'phone may hold digits, spaces, "+", "-", "/", "(" and ")" only' })
  phone?: string | null;

  /** @example "erika.musterfrau@example.org" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
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
  @MaxLength(200)
  preferredContactTimes?: string | null;

  /**
   * The case manager's note to the provider; the provider reads it with the referral.
   * @example "Bevorzugt Nachmittage; spricht Arabisch."
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  noteToProvider?: string | null;
}

/** Only the fields sent change; `null` clears `phone`, `email`, the contact times and the note. */
export class UpdateClientDto extends PartialType(CreateClientDto, { skipNullProperties: false }) {}
