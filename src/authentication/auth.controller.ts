import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import type { UserActor } from '../auth/actor';
import { AuthService, type VerifiedLogin } from './auth.service';
import { Can } from '../auth/can.decorator';
import { CurrentUser, RequestId } from '../auth/current-actor.decorator';
import { ActivateAccountDto } from './dto/activate.dto';
import { LoginDto, RefreshDto, TokenPairDto } from './dto/login.dto';
import { MfaChallengeDto } from './dto/mfa.dto';
import { LocalLoginGuard, LoginThrottleGuard } from './login.guards';
import { Permission } from '../auth/permission';
import { Public } from '../auth/public.decorator';
import { ApiTag } from '../common/openapi/tags';

/** Sign-in for people. Provider systems use API keys instead. */
@ApiTags(ApiTag.Auth)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /**
   * Sign in
   *
   * Signs in with email address and password and returns a 15-minute access token and a refresh
   * token. In Swagger UI: copy `accessToken`, press **Authorize** and paste it under `bearer`.
   * Attempts are limited per account and per source address (`429` with `Retry-After`); a wrong
   * address, a wrong password and a disabled account all get the same `401 invalid-credentials`.
   * Admins, auditors, users who set up a second factor and members of organisations that require
   * one get an `mfaToken` instead of tokens: complete the sign-in at `POST /auth/mfa/verify`.
   * Keep the `deviceToken` of the answer and send it with later logins from this device: they
   * are then counted for the device, so that wrong passwords tried elsewhere do not lock you out.
   */
  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottleGuard, LocalLoginGuard)
  @ApiExtraModels(TokenPairDto, MfaChallengeDto)
  @ApiOkResponse({
    description:
      'Signed in (a token pair), or, for a user with a second factor or one who must have one (admins, auditors, organisations that require it), an MFA challenge.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(TokenPairDto) }, { $ref: getSchemaPath(MfaChallengeDto) }],
    },
  })
  @ApiProblemResponses({
    400: 'email or password missing or malformed.',
    401: 'Wrong email or password (the same answer for an unknown or disabled account).',
    403: 'The right password, but the organisation signs in through its identity provider only (`password-login-disabled`).',
    429: 'Too many attempts for this account or from this address; see Retry-After.',
  })
  login(
    @Body() credentials: LoginDto,
    @Req() request: FastifyRequest & { user: VerifiedLogin },
  ): Promise<TokenPairDto | MfaChallengeDto> {
    return this.auth.signIn(request.user, request.id, { presented: credentials.deviceToken });
  }

  /**
   * Renew the tokens
   *
   * Exchanges a refresh token for a new pair of access and refresh token, so that a user interface
   * can keep a session without asking for the password again. Each refresh token works once:
   * a second use within 10 seconds (two tabs refreshing at once) gets the same new refresh
   * token, while it is unused; any later use ends the whole session (it was probably stolen).
   */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses({ 401: 'Unknown, used, expired or ended refresh token: sign in again.' })
  refreshTokens(@Body() dto: RefreshDto, @RequestId() requestId: string): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, requestId);
  }

  /**
   * Set your password with a one-time code
   *
   * Chooses your password with the one-time code you were given: for a new account, or after
   * a password reset. Then sign in with it. The code works once; an unknown, used, expired or
   * replaced code is refused with the same answer. Attempts are limited like logins.
   */
  @Post('activate')
  @Public()
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @UseGuards(LoginThrottleGuard)
  @ApiNoContentResponse({ description: 'Password set; sign in with it.' })
  @ApiProblemResponses({
    400: 'The code or the password is missing or malformed, or the password is not acceptable.',
    401: 'The code is not valid (any more): ask for a new one (`invalid-activation-code`).',
    429: 'Too many attempts from this address; see Retry-After.',
  })
  activateAccount(@Body() dto: ActivateAccountDto, @RequestId() requestId: string): Promise<void> {
    return this.auth.activate(dto, requestId);
  }

  /**
   * Sign out
   *
   * Ends this session: its access and refresh tokens are refused from the next request on. Other
   * sessions of the same user go on.
   */
  @Post('logout')
  @HttpCode(204)
  @Can(Permission.SessionEnd)
  @ApiNoContentResponse({ description: 'Signed out.' })
  logout(@CurrentUser() actor: UserActor): Promise<void> {
    return this.auth.logout(actor);
  }
}
