import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeJwt, jwtVerify } from 'jose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-actions';
import { ResourceNotFound } from '../../common/problem/domain-error';
import type { AppConfig } from '../../config/app-config';
import { IdentityLinksService } from '../../identity/sso/identity-links.service';
import {
  IdentityProvidersService,
  type SignInProvider,
} from '../../identity/sso/identity-providers.service';
import { ANONYMOUS } from '../../auth/actor';
import { AuthService } from '../auth.service';
import type { TokenPairDto } from '../dto/login.dto';
import { logoutTargetOf } from './logout-token';
import { OidcClients } from './oidc-clients';
import {
  IdentityProviderUnavailable,
  InvalidLogoutToken,
  SsoAccountNotLinked,
  SsoLoginFailed,
  SsoRolesRefused,
} from './oidc-errors';
import { OidcTransactionRepository } from './oidc-transaction.repository';

/** A sign-in must come back from the identity provider within ten minutes. */
export const OIDC_TRANSACTION_SECONDS = 10 * 60;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** What the start hands the browser: where to go, and the value binding the sign-in to it. */
export interface OidcStart {
  authorizationUrl: string;
  browserBinding: string;
}

/**
 * Single sign-on over OpenID Connect, authorization code flow with PKCE (ADR 0018). The start
 * keeps state, nonce and the PKCE verifier server-side and binds them to the browser with a
 * cookie; the callback lets openid-client exchange the code and check the ID token, then
 * issues Lotse's own tokens exactly as a password login does. A back-channel logout ends the
 * Lotse sessions it names.
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger('SingleSignOn');
  private readonly redirectUri: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: IdentityProvidersService,
    private readonly links: IdentityLinksService,
    private readonly clients: OidcClients,
    private readonly transactions: OidcTransactionRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.redirectUri = config.get('auth', { infer: true }).oidc.redirectUri;
  }

  /** Whether the callback is served over https, so that its cookie can be `Secure`. */
  get secureCallback(): boolean {
    return this.redirectUri?.startsWith('https:') ?? false;
  }

  async startLogin(organisationId: string): Promise<OidcStart> {
    const provider = this.redirectUri
      ? await this.providers.forSignIn({ organisationId })
      : undefined;
    if (!provider || !this.redirectUri) throw new ResourceNotFound('single sign-on');
    const configuration = await this.clients.configurationOf(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browserBinding = randomBytes(32).toString('base64url');
    await this.transactions.insert({
      stateHash: sha256(state),
      providerId: provider.id,
      codeVerifier,
      nonce,
      browserHash: sha256(browserBinding),
      expiresAt: new Date(Date.now() + OIDC_TRANSACTION_SECONDS * 1000),
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: url.href, browserBinding };
  }

  /**
   * Finishes a sign-in: `query` is the callback's query string as received, `browserBinding`
   * the cookie set at the start.
   */
  async finish(
    query: string,
    browserBinding: string | undefined,
    requestId: string,
  ): Promise<TokenPairDto> {
    const params = new URLSearchParams(query);
    const state = params.get('state');
    const transaction = state ? await this.transactions.take(sha256(state)) : undefined;
    if (!transaction || !this.redirectUri) return this.refuse('unknown or expired state');
    if (!browserBinding || !timingSafeEqual(sha256(browserBinding), transaction.browserHash)) {
      return this.refuse('the sign-in was begun in another browser');
    }
    const provider = await this.providers.forSignIn({ id: transaction.providerId });
    if (!provider) return this.refuse('the identity provider is no longer usable');
    const configuration = await this.clients.configurationOf(provider);
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = params.toString();
    let claims: oidc.IDToken;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: state!,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const idTokenClaims = tokens.claims();
      if (!idTokenClaims) return this.refuse('no ID token');
      claims = idTokenClaims;
    } catch (error) {
      if (isNetworkFailure(error)) throw new IdentityProviderUnavailable();
      return this.refuse(`code exchange or ID token refused: ${describe(error)}`);
    }
    return this.signIn(provider, claims, requestId);
  }

  private async signIn(
    provider: SignInProvider,
    claims: oidc.IDToken,
    requestId: string,
  ): Promise<TokenPairDto> {
    const subject = claims.sub;
    const check = await this.links.check(provider, subject, claims);
    if (!check.ok) {
      await this.audit.recordAlone({
        ...(check.userId
          ? { actorKind: 'user', actorId: check.userId, organisationId: provider.organisationId }
          : ANONYMOUS),
        action: AuditAction.AuthLogin,
        outcome: 'failure',
        requestId,
        details: {
          reason: check.reason,
          via: 'oidc',
          organisationId: provider.organisationId,
          providerId: provider.id,
          subject,
          ...(check.roles ? { roles: check.roles } : {}),
        },
      });
      if (check.reason === 'unlinked_subject') throw new SsoAccountNotLinked(subject);
      if (check.reason === 'account_disabled') throw new SsoLoginFailed();
      throw new SsoRolesRefused(check.reason);
    }
    const idpSessionId = typeof claims.sid === 'string' ? claims.sid.slice(0, 255) : null;
    return this.auth.startSession(
      { userId: check.userId, organisationId: provider.organisationId },
      requestId,
      undefined,
      {
        details: { via: 'oidc', providerId: provider.id, roles: check.roles },
        record: (manager, sessionId) =>
          this.links.recordSignIn(manager, sessionId, {
            provider,
            subject,
            idpSessionId,
            userId: check.userId,
            roles: check.roles,
          }),
      },
    );
  }

  /**
   * OpenID Back-Channel Logout 1.0: verifies the logout token against the providers of its
   * issuer whose client is its audience, and ends the Lotse sessions it names. Ending is
   * idempotent, so a replayed token changes nothing.
   */
  async backchannelLogout(logoutToken: string | undefined, requestId: string): Promise<void> {
    if (!logoutToken || logoutToken.length > 8192) throw new InvalidLogoutToken();
    let issuer: unknown;
    let audience: unknown;
    try {
      ({ iss: issuer, aud: audience } = decodeJwt(logoutToken));
    } catch {
      throw new InvalidLogoutToken();
    }
    if (typeof issuer !== 'string') throw new InvalidLogoutToken();
    const audiences = new Set(Array.isArray(audience) ? audience : [audience]);
    const candidates = (await this.providers.forIssuer(issuer)).filter((p) =>
      audiences.has(p.clientId),
    );
    for (const provider of candidates) {
      const target = await this.verifyLogoutToken(provider, logoutToken);
      if (!target) continue;
      const ended = await this.dataSource.transaction(async (manager) => {
        const count = await this.links.endByLogout(manager, provider.id, target);
        await this.audit.record(manager, {
          ...ANONYMOUS,
          organisationId: provider.organisationId,
          action: AuditAction.AuthBackchannelLogout,
          outcome: 'success',
          resourceType: 'identity_provider',
          resourceId: provider.id,
          requestId,
          details: {
            organisationId: provider.organisationId,
            ...(target.subject ? { subject: target.subject } : {}),
            ...(target.idpSessionId ? { idpSessionId: target.idpSessionId } : {}),
            sessionsEnded: count,
          },
        });
        return count;
      });
      this.logger.log(`back-channel logout ended ${ended} session(s)`);
      return;
    }
    throw new InvalidLogoutToken();
  }

  private async verifyLogoutToken(provider: SignInProvider, token: string) {
    try {
      const { payload } = await jwtVerify(token, await this.clients.keysOf(provider), {
        issuer: provider.issuer,
        audience: provider.clientId,
        maxTokenAge: '5 minutes',
        clockTolerance: 30,
      });
      return logoutTargetOf(payload);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) throw error;
      this.logger.warn(`logout token refused: ${describe(error)}`);
      return undefined;
    }
  }

  private refuse(reason: string): never {
    this.logger.warn(`single sign-on refused: ${reason}`);
    throw new SsoLoginFailed();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown';
}

/** The identity provider could not be reached (as opposed to answering with a refusal). */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
}
