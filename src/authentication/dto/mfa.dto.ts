import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiText } from '../../common/validation/bounds';
import { TokenPairDto } from './login.dto';

export const MFA_TOKEN_MAX_LENGTH = 64;
const MFA_TOKEN = /^[A-Za-z0-9_-]+$/;

/** A password sign-in that still needs its second factor. */
export class MfaChallengeDto {
  /**
   * Send to `POST /auth/mfa/verify` with the code of your authenticator app (or, the first time,
   * to `POST /auth/mfa/enrolment`). It opens nothing else and works for `expiresIn` seconds.
   */
  @ApiText(MFA_TOKEN_MAX_LENGTH)
  mfaToken: string;
  /** Seconds the challenge stays valid. @example 300 */
  expiresIn: number;
  /** True when you have no second factor yet but must have one: set it up first. */
  enrolmentRequired: boolean;
}

export class MfaChallengeTokenDto {
  /** The `mfaToken` of the login answer. */
  @IsString()
  @MaxLength(MFA_TOKEN_MAX_LENGTH)
  @Matches(MFA_TOKEN, { message: 'mfaToken must be an MFA challenge token' })
  mfaToken: string;
}

export class VerifyMfaDto extends MfaChallengeTokenDto {
  /** The 6-digit code your authenticator app shows now. Give this or `recoveryCode`. */
  @IsOptional()
  @IsString()
  @MaxLength(6)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  /** One of your recovery codes (`XXXXX-XXXXX`); each works once. */
  @IsOptional()
  @IsString()
  @MaxLength(16)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'recoveryCode must be a recovery code' })
  recoveryCode?: string;
}

export class ConfirmMfaEnrolmentDto extends MfaChallengeTokenDto {
  /** The 6-digit code your authenticator app shows for the new secret. */
  @IsString()
  @MaxLength(6)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

/** A new TOTP secret, shown this once: add it to an authenticator app, then confirm a code. */
export class MfaEnrolmentDto {
  /** The secret in base32, for typing into the app. */
  @ApiText(64)
  secret: string;
  /** The same as an `otpauth://` URI, for a QR code. */
  @ApiText(512)
  otpauthUri: string;
}

/** The second factor is set up and the sign-in complete. */
export class MfaEnrolledDto extends TokenPairDto {
  /** Ten recovery codes, shown this once: keep them safe; each one replaces a code once. */
  @ApiProperty({ type: [String], maxItems: 10, items: { type: 'string', maxLength: 11 } })
  recoveryCodes: string[];
}
