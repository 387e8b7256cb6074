import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Role } from '../../../auth/role';
import { ApiText, ApiTimestamp, ApiUuid } from '../../../common/validation/bounds';
import { Omittable, Trim } from '../../../common/validation/normalise';

export const ISSUER_MAX_LENGTH = 500;
export const CLIENT_ID_MAX_LENGTH = 200;
export const CLIENT_SECRET_MAX_LENGTH = 500;
export const CLAIM_NAME_MAX_LENGTH = 100;
export const CLAIM_VALUE_MAX_LENGTH = 200;
export const ROLE_MAPPING_MAX_ITEMS = 50;

/** One value of the roles claim and the Lotse role it gives. */
export class RoleMappingEntryDto {
  /** A group path or role name as the identity provider writes it. @example "/lotse/fallmanagement" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLAIM_VALUE_MAX_LENGTH)
  value: string;

  /** Must fit the organisation's kind (a `caseworker` only at a jobcenter, and so on). */
  @IsEnum(Role)
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
}

export class CreateIdentityProviderDto {
  /**
   * The issuer identifier, exactly as the provider's discovery document states it (Keycloak:
   * `https://<host>/realms/<realm>`). https; http only on the loopback address outside
   * production. @example "https://login.jobcenter-musterstadt.de/realms/jobcenter"
   */
  @Trim()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(ISSUER_MAX_LENGTH)
  issuer: string;

  /** The client registered for Lotse at the provider. @example "lotse" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLIENT_ID_MAX_LENGTH)
  clientId: string;

  /**
   * The client's secret (confidential client, `client_secret_basic`). Stored encrypted and never
   * shown again; leave it out for a public client (PKCE only).
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CLIENT_SECRET_MAX_LENGTH)
  clientSecret?: string;

  /**
   * The ID-token claim with the person's groups or roles; dots descend into objects
   * (Keycloak's realm roles: `realm_access.roles`). @example "groups"
   */
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, {
    message: 'rolesClaim must be a claim name, with dots between nested names',
  })
  @MaxLength(CLAIM_NAME_MAX_LENGTH)
  rolesClaim: string;

  /**
   * Which claim values give which roles. A person whose claim holds none of them is no member
   * and cannot sign in; every role must fit the organisation's kind.
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLE_MAPPING_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => RoleMappingEntryDto)
  @ApiProperty({ type: [RoleMappingEntryDto], minItems: 1, maxItems: ROLE_MAPPING_MAX_ITEMS })
  roleMapping: RoleMappingEntryDto[];

  /** false: the organisation's people can no longer sign in with a Lotse password. Default true. */
  @IsOptional()
  @IsBoolean()
  passwordLogin?: boolean;
}

export class UpdateIdentityProviderDto extends PartialType(
  OmitType(CreateIdentityProviderDto, ['passwordLogin'] as const),
) {
  @Omittable()
  @IsBoolean()
  passwordLogin?: boolean;

  /** false: nobody signs in through the provider any more (links are kept). */
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

/** An organisation's identity provider, without its client secret. */
export class IdentityProviderDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  organisationId: string;
  @ApiText(ISSUER_MAX_LENGTH)
  issuer: string;
  @ApiText(CLIENT_ID_MAX_LENGTH)
  clientId: string;
  /** Whether a client secret is stored (it is never shown). */
  clientSecretSet: boolean;
  @ApiText(CLAIM_NAME_MAX_LENGTH)
  rolesClaim: string;
  @ApiProperty({ type: [RoleMappingEntryDto], maxItems: ROLE_MAPPING_MAX_ITEMS })
  roleMapping: RoleMappingEntryDto[];
  passwordLogin: boolean;
  active: boolean;
  /** Where people of the organisation begin single sign-on. @example "/api/v1/auth/oidc/7d0c…/login" */
  @ApiText(80)
  loginPath: string;
  @ApiTimestamp()
  createdAt: Date;
  @ApiTimestamp()
  updatedAt: Date;
}
