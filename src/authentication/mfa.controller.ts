import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { ApiTag } from '../common/openapi/tags';
import { AuthService } from './auth.service';
import { RequestId } from '../auth/current-actor.decorator';
import { TokenPairDto } from './dto/login.dto';
import {
  ConfirmMfaEnrolmentDto,
  MfaChallengeTokenDto,
  MfaEnrolledDto,
  MfaEnrolmentDto,
  VerifyMfaDto,
} from './dto/mfa.dto';
import { LoginThrottleGuard } from './login.guards';
import { Public } from '../auth/public.decorator';

/**
 * The second step of a sign-in with a second factor (ADR 0017). The `mfaToken` of the login
 * answer is the only credential these routes take, and they are the only ones it opens.
 */
@ApiTags(ApiTag.Auth)
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Confirm a sign-in with the second factor
   *
   * Completes a sign-in that answered with an `mfaToken`: send the current 6-digit code of your
   * authenticator app, or one of your recovery codes (each works once). Answers the token pair
   * as a login does. Attempts are limited per account and per source address like passwords.
   */
  @Post('verify')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottleGuard)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses({
    400: 'mfaToken missing or malformed, or neither or both of code and recoveryCode.',
    401: 'The challenge is unknown, expired or used (`invalid-mfa-challenge`: sign in again), or the code is wrong or used (`invalid-mfa-code`).',
    429: 'Too many attempts for this account or from this address; see Retry-After.',
  })
  verifyMfa(@Body() dto: VerifyMfaDto, @RequestId() requestId: string): Promise<TokenPairDto> {
    return this.auth.verifyMfa(dto, requestId, { presented: undefined });
  }

  /**
   * Set up a second factor
   *
   * For a sign-in whose answer said `enrolmentRequired`: returns a new TOTP secret, shown this
   * once, as text and as an `otpauth://` URI for a QR code. Add it to an authenticator app and
   * confirm it with `POST /auth/mfa/enrolment/confirm`. Asking again replaces the secret.
   */
  @Post('enrolment')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottleGuard)
  @ApiOkResponse({ type: MfaEnrolmentDto })
  @ApiProblemResponses({
    400: 'mfaToken missing or malformed.',
    401: 'The challenge is unknown, expired or used: sign in again (`invalid-mfa-challenge`).',
    409: 'You have a second factor already: use POST /auth/mfa/verify (`mfa-already-enrolled`).',
    429: 'Too many attempts for this account or from this address; see Retry-After.',
  })
  startMfaEnrolment(@Body() dto: MfaChallengeTokenDto): Promise<MfaEnrolmentDto> {
    return this.auth.startMfaEnrolment(dto.mfaToken);
  }

  /**
   * Confirm the second factor
   *
   * Confirms the new secret with a code your app shows for it, and completes the sign-in: the
   * answer is the token pair and ten recovery codes, shown this once.
   */
  @Post('enrolment/confirm')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottleGuard)
  @ApiOkResponse({ type: MfaEnrolledDto })
  @ApiProblemResponses({
    400: 'mfaToken or code missing or malformed.',
    401: 'The challenge is unknown, expired or used (`invalid-mfa-challenge`), or the code does not fit the new secret (`invalid-mfa-code`).',
    409: 'You have a second factor already (`mfa-already-enrolled`).',
    429: 'Too many attempts for this account or from this address; see Retry-After.',
  })
  confirmMfaEnrolment(
    @Body() dto: ConfirmMfaEnrolmentDto,
    @RequestId() requestId: string,
  ): Promise<MfaEnrolledDto> {
    return this.auth.confirmMfaEnrolment(dto, requestId, { presented: undefined });
  }
}
