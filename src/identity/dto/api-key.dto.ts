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
import { Trim } from './normalise';

export class ApiKeyDto {
  id: string;
  organisationId: string;
  /** @example "Fachverfahren Aufwind" */
  name: string;
  /** The visible start of the key, to recognise it in logs and lists. @example "lotse_k3j5m2x7qa" */
  prefix: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Updated at most once a minute. */
  lastUsedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
}

/** Returned once, at creation: `key` is never shown again. */
export class CreatedApiKeyDto extends ApiKeyDto {
  /** Send as `Authorization: ApiKey <key>`. Store it now; Lotse keeps only its hash. */
  key: string;
}

export class CreateApiKeyDto {
  /** What the key is for. @example "Fachverfahren Aufwind" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsEnum(ApiKeyScope, { each: true })
  scopes: ApiKeyScope[];

  /** Optional end of validity (ISO 8601, in the future). */
  @IsOptional()
  @IsDateString({ strict: true })
  @MaxLength(40)
  expiresAt?: string;
}
