import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { ApiKeyScope } from '../../auth/role';
import { Trim } from '../../common/validation/normalise';
import { ApiProperty } from '@nestjs/swagger';
import { ApiText, ApiTimestamp, ApiUuid } from '../../common/validation/bounds';

export const API_KEY_NAME_MAX_LENGTH = 100;
/** `lotse_` and ten characters. */
export const API_KEY_PREFIX_LENGTH = 16;
/** The prefix, `_` and 43 base64url characters (256 bits). */
export const API_KEY_MAX_LENGTH = 60;

export class ApiKeyDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  organisationId: string;
  /** @example "Fachverfahren Aufwind" */
  @ApiText(API_KEY_NAME_MAX_LENGTH)
  name: string;
  /** The visible start of the key, to recognise it in logs and lists. @example "lotse_k3j5m2x7qa" */
  @ApiText(API_KEY_PREFIX_LENGTH)
  prefix: string;
  @ApiProperty({
    enum: ApiKeyScope,
    enumName: 'ApiKeyScope',
    isArray: true,
    maxItems: Object.values(ApiKeyScope).length,
  })
  scopes: ApiKeyScope[];
  @ApiTimestamp({ nullable: true })
  expiresAt: Date | null;
  @ApiTimestamp({ nullable: true })
  revokedAt: Date | null;
  /** Updated at most once a minute. */
  @ApiTimestamp({ nullable: true })
  lastUsedAt: Date | null;
  @ApiTimestamp()
  createdAt: Date;
  @ApiUuid({ nullable: true })
  createdBy: string | null;
}

/** Returned once, at creation: `key` is never shown again. */
export class CreatedApiKeyDto extends ApiKeyDto {
  /** Send as `Authorization: ApiKey <key>`. Store it now; Lotse keeps only its hash. */
  @ApiText(API_KEY_MAX_LENGTH)
  key: string;
}

export class CreateApiKeyDto {
  /** What the key is for. @example "Fachverfahren Aufwind" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(API_KEY_NAME_MAX_LENGTH)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsEnum(ApiKeyScope, { each: true })
  scopes: ApiKeyScope[];

  /** Optional end of validity (ISO 8601, in the future). @example 2027-06-30T22:00:00Z */
  @ApiProperty({ required: false, format: 'date-time', maxLength: 40 })
  @IsOptional()
  @IsDateString({ strict: true })
  @MaxLength(40)
  expiresAt?: string;
}
