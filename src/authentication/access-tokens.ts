import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

export const TOKEN_ISSUER = 'lotse';
export const TOKEN_AUDIENCE = 'lotse-api';
/** RFC 9068 media type of access tokens; a token without it is not an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_SECONDS = 15 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** How many verified tokens are remembered (about 0.5 kB each); the oldest goes first. */
export const VERIFIED_TOKENS_KEPT = 5_000;

/** A token that passed verification: its claims and the window in which it is valid. */
interface Verified {
  claims: AccessClaims;
  notBefore: number;
  expires: number;
}

/** What an access token says: whose session it belongs to. Ids only, no personal data. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/**
 * Signs and checks access tokens (HS256). The secret is loaded once as a `KeyObject`: handing
 * jsonwebtoken a string makes it try to parse a public key on every verify (docs/stack.md §8).
 */
@Injectable()
export class AccessTokens {
  private readonly key: KeyObject;
  /**
   * Tokens verified before, by their exact text. Whether a text's signature, algorithm, type,
   * issuer, audience and claims hold depends on the text and the key alone, so it is decided
   * once; the time window is checked on every use, as jsonwebtoken checks it. The session
   * behind a token is still checked in the database on every request (the access guard).
   */
  private readonly verified = new Map<string, Verified>();

  constructor(config: ConfigService<AppConfig, true>) {
    const secret = config.get('auth', { infer: true }).jwtSecret;
    if (!secret) {
      new Logger('Auth').warn(
        'JWT_SECRET is not set: using a random secret, so a restart signs everybody out.',
      );
    }
    this.key = createSecretKey(secret ? Buffer.from(secret, 'utf8') : randomBytes(48));
  }

  issue(claims: AccessClaims): { accessToken: string; expiresIn: number } {
    const accessToken = jwt.sign({ sid: claims.sessionId }, this.key, {
      algorithm: 'HS256',
      header: { alg: 'HS256', typ: ACCESS_TOKEN_TYPE },
      subject: claims.userId,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: ACCESS_TOKEN_SECONDS,
      notBefore: 0,
    });
    return { accessToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }

  /** The claims of a valid access token; undefined for anything else, whatever is wrong. */
  verify(token: string): AccessClaims | undefined {
    const known = this.verified.get(token);
    if (!known) return this.verifyAnew(token);
    // jsonwebtoken's rules: expired from `exp` on, not yet valid before `nbf`.
    const now = Math.floor(Date.now() / 1000);
    if (now >= known.expires) {
      this.verified.delete(token);
      return undefined;
    }
    return known.notBefore > now ? undefined : known.claims;
  }

  private verifyAnew(token: string): AccessClaims | undefined {
    try {
      const { header, payload } = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        complete: true,
      });
      if (header.typ !== ACCESS_TOKEN_TYPE || typeof payload === 'string') return undefined;
      const { sub, exp } = payload;
      const sid: unknown = payload.sid;
      if (typeof exp !== 'number' || !UUID.test(String(sub)) || !UUID.test(String(sid))) {
        return undefined;
      }
      const claims = { userId: String(sub), sessionId: String(sid) };
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
        this.verified.delete(this.verified.keys().next().value!);
      }
      const notBefore = typeof payload.nbf === 'number' ? payload.nbf : -Infinity;
      this.verified.set(token, { claims, notBefore, expires: exp });
      return claims;
    } catch {
      return undefined;
    }
  }
}
