import { Body, Controller, Get, HttpCode, Post, Query, Redirect, Req, Res } from '@nestjs/common';
import {
  ApiConsumes,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '../../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { ApiTag } from '../../common/openapi/tags';
import { RequestId } from '../../auth/current-actor.decorator';
import { TokenPairDto } from '../dto/login.dto';
import { Public } from '../../auth/public.decorator';
import { BACKCHANNEL_LOGOUT_ROUTE } from './backchannel-form';
import { BackchannelLogoutDto, OidcCallbackQueryDto } from './dto/oidc.dto';
import { OIDC_TRANSACTION_SECONDS, OidcLoginService } from './oidc-login.service';

/** The cookie binding a sign-in to the browser that began it (RFC 9700 §4.7.1). */
const BINDING_COOKIE = 'lotse_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc';

function bindingCookieOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === BINDING_COOKIE) return value.join('=');
  }
  return undefined;
}

/** Single sign-on through an organisation's OpenID provider (ADR 0018). */
@ApiTags(ApiTag.Auth)
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcLoginService) {}

  /**
   * Sign in with your organisation's identity provider
   *
   * Sends the browser to the organisation's OpenID provider (authorization code flow with
   * PKCE). Open it in the browser, not with a script: the provider signs the person in and
   * sends the browser back to `GET /auth/oidc/callback`, which must come from the same browser
   * within ten minutes.
   */
  @Get(':id/login')
  @Public()
  @Redirect(undefined, 302)
  @ApiFoundResponse({
    description: 'To the identity provider; sets the short-lived cookie `lotse_oidc`.',
    headers: {
      Location: {
        description: 'The identity provider’s authorization endpoint with state, nonce and PKCE.',
        schema: { type: 'string', maxLength: 4096 },
      },
      'Set-Cookie': {
        description: 'Binds the sign-in to this browser (HttpOnly, SameSite=Lax, 10 minutes).',
        schema: { type: 'string', maxLength: 200 },
      },
    },
  })
  @ApiProblemResponses({
    404: 'No such organisation, or it does not sign in through an identity provider.',
    502: 'The identity provider did not answer.',
  })
  async startOidcLogin(
    @UuidParam('id') organisationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string }> {
    const start = await this.oidc.startLogin(organisationId);
    void reply.header(
      'Set-Cookie',
      `${BINDING_COOKIE}=${start.browserBinding}; Path=${COOKIE_PATH}; Max-Age=${OIDC_TRANSACTION_SECONDS}; HttpOnly; SameSite=Lax${this.oidc.secureCallback ? '; Secure' : ''}`,
    );
    return { url: start.authorizationUrl };
  }

  /**
   * Finish signing in with the identity provider
   *
   * Where the identity provider sends the browser back (register it there as the redirect
   * URI). Checks state, browser, code (PKCE) and ID token (issuer, audience, nonce, expiry,
   * signature) and answers with Lotse's own access and refresh tokens, exactly as
   * `POST /auth/login` does. A person whose subject no organisation lead has linked yet is
   * refused (`sso-account-not-linked`, naming the subject to pass on to the lead).
   */
  @Get('callback')
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses({
    400: 'An unexpected query parameter.',
    401: 'The sign-in could not be verified (`sso-login-failed`): start again.',
    403: 'Not linked (`sso-account-not-linked`), or no usable role (`sso-roles-refused`).',
    502: 'The identity provider did not answer.',
  })
  async finishOidcLogin(
    @Query() _query: OidcCallbackQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestId() requestId: string,
  ): Promise<TokenPairDto> {
    void reply.header(
      'Set-Cookie',
      `${BINDING_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax`,
    );
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    return this.oidc.finish(query, bindingCookieOf(request), requestId);
  }

  /**
   * Back-channel logout from the identity provider
   *
   * The identity provider posts a signed logout token (OpenID Back-Channel Logout 1.0) when a
   * person signs out there; their Lotse sessions begun through it (the one named by `sid`, or
   * all of the subject's) are refused from their next request on. Register this URL at the
   * provider as the client's back-channel logout URL.
   */
  @Post(BACKCHANNEL_LOGOUT_ROUTE.replace('auth/oidc/', ''))
  @Public()
  @HttpCode(204)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiNoContentResponse({ description: 'The sessions the token names have ended.' })
  @ApiProblemResponses({
    400: 'No valid logout token of a configured identity provider (`invalid-logout-token`).',
    502: 'The identity provider’s keys could not be read.',
  })
  async receiveBackchannelLogout(
    @Body() dto: BackchannelLogoutDto,
    @RequestId() requestId: string,
  ): Promise<void> {
    await this.oidc.backchannelLogout(dto.logout_token, requestId);
  }
}
