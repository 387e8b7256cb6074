import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import * as oidc from 'openid-client';
import type { AppConfig } from '../../config/app-config';
import { NodeEnv } from '../../config/environment.schema';
import {
  insecureIssuerAllowed,
  type SignInProvider,
} from '../../identity/sso/identity-providers.service';
import { IdentityProviderUnavailable } from './oidc-errors';

/** Discovery documents are read again after an hour, or at once when the settings change. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const TIMEOUT_SECONDS = 5;

interface Cached {
  version: number;
  at: number;
  configuration: oidc.Configuration;
  keys: JWTVerifyGetKey;
}

/**
 * openid-client configurations per identity provider: discovery, client authentication and
 * the checks it makes (issuer, audience, nonce, expiry, and the ID token's signature, which
 * openid-client checks only with `enableNonRepudiationChecks`). Cached per provider and
 * settings version, so that a change made on another instance is seen at once.
 */
@Injectable()
export class OidcClients {
  private readonly cache = new Map<string, Cached>();
  private readonly production: boolean;

  constructor(config: ConfigService<AppConfig, true>) {
    this.production = config.get('nodeEnv', { infer: true }) === NodeEnv.Production;
  }

  async configurationOf(provider: SignInProvider): Promise<oidc.Configuration> {
    return (await this.entryOf(provider)).configuration;
  }

  /** The provider's signing keys (its `jwks_uri`), for logout tokens. */
  async keysOf(provider: SignInProvider): Promise<JWTVerifyGetKey> {
    return (await this.entryOf(provider)).keys;
  }

  private async entryOf(provider: SignInProvider): Promise<Cached> {
    const cached = this.cache.get(provider.id);
    if (
      cached &&
      cached.version === provider.version &&
      Date.now() - cached.at < DISCOVERY_TTL_MS
    ) {
      return cached;
    }
    const insecure =
      new URL(provider.issuer).protocol === 'http:' &&
      insecureIssuerAllowed(provider.issuer, this.production);
    let configuration: oidc.Configuration;
    try {
      configuration = await oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: TIMEOUT_SECONDS },
      );
    } catch {
      throw new IdentityProviderUnavailable();
    }
    oidc.enableNonRepudiationChecks(configuration);
    const jwksUri = configuration.serverMetadata().jwks_uri;
    if (!jwksUri) throw new IdentityProviderUnavailable();
    const entry: Cached = {
      version: provider.version,
      at: Date.now(),
      configuration,
      keys: createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: TIMEOUT_SECONDS * 1000 }),
    };
    this.cache.set(provider.id, entry);
    return entry;
  }
}
