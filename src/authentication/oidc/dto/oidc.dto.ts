import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The identity provider's answer, as it sends the browser back (OAuth 2.0 §4.1.2, RFC 9207);
 * Keycloak adds `session_state`. openid-client reads them itself.
 */
export class OidcCallbackQueryDto {
  /** The authorization code. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  code?: string;

  /** The state Lotse sent at the start. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  state?: string;

  /** The issuer that answers (RFC 9207). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  iss?: string;

  /** Keycloak's session state; not used. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  session_state?: string;

  /** The provider refused or the person cancelled, e.g. `access_denied`. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  error?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  error_description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  error_uri?: string;
}

/** OpenID Back-Channel Logout 1.0 §2.5: a form post with one field. */
export class BackchannelLogoutDto {
  /** The logout token: a JWT signed by the identity provider. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(8192)
  logout_token: string;
}
