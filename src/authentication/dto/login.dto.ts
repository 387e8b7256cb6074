import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiText } from '../../common/validation/bounds';

/** A signed access token: header, claims (ids, times) and signature; well below this. */
export const ACCESS_TOKEN_MAX_LENGTH = 1024;
export const REFRESH_TOKEN_MAX_LENGTH = 128;
export const DEVICE_TOKEN_MAX_LENGTH = 64;

export class LoginDto {
  /** Your email address, as your administrator registered it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  /** Your password. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;

  /**
   * The `deviceToken` of an earlier sign-in on this device, if you kept it. Failed attempts
   * are then counted for this device, not for the account: someone trying wrong passwords
   * elsewhere cannot lock you out.
   */
  @IsOptional()
  @IsString()
  @MaxLength(DEVICE_TOKEN_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'deviceToken must be a device token' })
  deviceToken?: string;
}

export class RefreshDto {
  /** The refresh token of the last login or refresh; each one works once. */
  @IsString()
  @MaxLength(REFRESH_TOKEN_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'refreshToken must be a refresh token' })
  refreshToken: string;
}

export class TokenPairDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  @ApiText(ACCESS_TOKEN_MAX_LENGTH)
  accessToken: string;
  /** @example "Bearer" */
  tokenType: 'Bearer';
  /** Seconds until the access token expires. @example 900 */
  expiresIn: number;
  /** Exchange at POST /auth/refresh for a new pair before the access token expires. Works once. */
  @ApiText(REFRESH_TOKEN_MAX_LENGTH)
  refreshToken: string;
  /**
   * Only after a sign-in: keep it on this device (90 days) and send it with the next login, so
   * that this device still gets in while the account is throttled for others.
   */
  @ApiText(DEVICE_TOKEN_MAX_LENGTH)
  deviceToken?: string;
}
