import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsPostcode } from '../../common/validation/postcode';
import { MUNICIPALITY, MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
import { Omittable, Trim } from '../../common/validation/normalise';
import { ApiServiceKinds, ServiceKind } from '../service-kind';
import {
  EMAIL_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from '../../common/validation/bounds';

/** An ISO 639-1 language code, lower case. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;
const PHONE = /^\+?[0-9][0-9 ()/-]*$/;
export const MAX_POSTCODES = 500;
export const MAX_LANGUAGES = 20;
export const MAX_MUNICIPALITIES = 200;
export const WEBSITE_MAX_LENGTH = 300;

/**
 * A change of a provider's profile; fields left out stay as they are. The lists replace the
 * stored ones. The contact fields and the description may be sent as null to remove them.
 */
export class UpdateProviderDto {
  @ApiServiceKinds({ required: false })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(Object.values(ServiceKind).length)
  @ArrayUnique()
  @IsEnum(ServiceKind, { each: true })
  services?: ServiceKind[];

  /** The service area: up to 500 postcodes (PLZ). @example ["12043", "12045"] */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_POSTCODES)
  @ArrayUnique()
  @ApiPropertyOptional({ type: String, isArray: true, maxItems: MAX_POSTCODES, maxLength: 5 })
  @IsPostcode({ each: true })
  postcodes?: string[];

  /**
   * The service area by municipality (Gemeinde): up to 200 names, matched without regard to case
   * for clients without a fixed address. @example ["Bensheim", "Heppenheim"]
   */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_MUNICIPALITIES)
  @ArrayUnique()
  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: MAX_MUNICIPALITIES,
    maxLength: MUNICIPALITY_MAX_LENGTH,
  })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(MUNICIPALITY_MAX_LENGTH, { each: true })
  @Matches(MUNICIPALITY, {
    each: true,
    message: 'each value in municipalities must be a place name without surrounding spaces',
  })
  municipalities?: string[];

  /** Up to 20 ISO 639-1 codes, lower case. @example ["de", "ar", "tr"] */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_LANGUAGES)
  @ArrayUnique()
  @ApiPropertyOptional({ type: String, isArray: true, maxItems: MAX_LANGUAGES, maxLength: 2 })
  @Matches(LANGUAGE_CODE, {
    each: true,
    message: 'each value in languages must be an ISO 639-1 code such as de or ar',
  })
  languages?: string[];

  /** null removes it. @example "kontakt@aufwind.example" */
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  contactEmail?: string | null;

  /** Digits, spaces, `+ ( ) / -`; null removes it. @example "+49 30 1234567" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(PHONE_MAX_LENGTH)
  @Matches(PHONE, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string | null;

  /** An http(s) address; null removes it. @example "https://aufwind.example" */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(WEBSITE_MAX_LENGTH)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  /** What the provider does and for whom, up to 2000 characters; null removes it. */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX_LENGTH)
  description?: string | null;
}
