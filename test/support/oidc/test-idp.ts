import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeJwt,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';
import request from 'supertest';

const KEY_ID = 'test-idp-key';

/** Changes the test applies to the next ID token the provider issues, re-signed. */
export interface IdTokenTamper {
  claims?: (claims: JWTPayload) => JWTPayload;
  /** Sign with another key (under the provider's key id): a forged signature. */
  foreignKey?: boolean;
}

/**
 * A real OpenID provider (`oidc-provider`, certified) on the loopback address, for tests:
 * discovery, authorization with PKCE, dev interactions (any login name is an account), code
 * exchange, back-channel logout. Accounts' groups come from `groups`. `tamperNextIdToken`
 * rewrites the next token response's ID token and signs it again with the provider's own key
 * (or a foreign one), so that the relying party's checks of each claim can be tried alone.
 */
export class TestIdp {
  private tamper: IdTokenTamper | undefined;

  private constructor(
    readonly issuer: string,
    readonly provider: Provider,
    private readonly server: Server,
    private readonly signingKey: CryptoKey,
    private readonly foreignKey: CryptoKey,
    /** Each account's groups, as the `groups` claim carries them. */
    readonly groups: Map<string, string[]>,
  ) {}

  /** `unref`: the server does not keep the test process alive (for a provider never closed). */
  static async start(
    clients: ClientMetadata[],
    options: { unref?: boolean } = {},
  ): Promise<TestIdp> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    if (options.unref) server.unref();
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const foreign = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
    const groups = new Map<string, string[]>();
    const provider = new Provider(issuer, {
      clients,
      jwks: { keys: [jwk] },
      cookies: { keys: ['lotse-test-idp-cookie-key-0123456789'] },
      claims: { openid: ['sub', 'groups'] },
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: true },
        backchannelLogout: { enabled: true },
      },
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({ sub: id, groups: groups.get(id) ?? [] }),
      }),
    });
    const idp = new TestIdp(issuer, provider, server, privateKey, foreign.privateKey, groups);
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && idp.tamper && body?.id_token) {
        const tamper = idp.tamper;
        idp.tamper = undefined;
        ctx.body = { ...body, id_token: await idp.resign(body.id_token, tamper) };
      }
    });
    const handle = provider.callback();
    server.on('request', (req, res) => void handle(req, res));
    return idp;
  }

  tamperNextIdToken(tamper: IdTokenTamper): void {
    this.tamper = tamper;
  }

  /** An agent keeping the provider's cookies: one browser. */
  browser(): ReturnType<typeof request.agent> {
    return request.agent(this.server);
  }

  /**
   * Goes through the provider as `browser` from the authorization URL Lotse redirected to:
   * logs in as `account`, consents, and returns where the provider sends the browser back.
   */
  async signIn(
    browser: ReturnType<typeof request.agent>,
    authorizationUrl: string,
    account: string,
  ): Promise<URL> {
    let url = new URL(authorizationUrl);
    let res = await browser.get(url.pathname + url.search);
    for (let step = 0; step < 12; step++) {
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.location, this.issuer);
        if (url.origin !== new URL(this.issuer).origin) return url;
        res = await browser.get(url.pathname + url.search);
        continue;
      }
      const action = /action="([^"]+)"/.exec(res.text)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(res.text)?.[1];
      if (res.status !== 200 || !action || !prompt) break;
      const target = new URL(action.replace(/&amp;/g, '&'), this.issuer);
      res = await browser
        .post(target.pathname + target.search)
        .type('form')
        .send(prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt });
    }
    throw new Error(
      `unexpected answer of the identity provider: ${res.status} ${res.text.slice(0, 500)}`,
    );
  }

  /** Signs out at the provider (RP-less end_session with confirmation): back-channel logout. */
  async signOut(browser: ReturnType<typeof request.agent>): Promise<void> {
    const form = await browser.get('/session/end');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form.text)?.[1];
    if (!xsrf) throw new Error(`no logout form: ${form.status} ${form.text.slice(0, 300)}`);
    const done = await browser
      .post('/session/end/confirm')
      .type('form')
      .send({ xsrf, logout: 'yes' });
    if (done.status >= 400)
      throw new Error(`logout failed: ${done.status} ${done.text.slice(0, 300)}`);
  }

  /** A logout token for `client`, signed with the provider's key (for tests of its rules). */
  signLogoutToken(client: string, claims: JWTPayload, foreignKey = false): Promise<string> {
    return new SignJWT({
      events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
      jti: crypto.randomUUID(),
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'logout+jwt' })
      .setIssuer(this.issuer)
      .setAudience(client)
      .setIssuedAt()
      .sign(foreignKey ? this.foreignKey : this.signingKey);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async resign(idToken: string, tamper: IdTokenTamper): Promise<string> {
    const claims = decodeJwt(idToken);
    const changed = tamper.claims ? tamper.claims({ ...claims }) : claims;
    return new SignJWT(changed)
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
      .sign(tamper.foreignKey ? this.foreignKey : this.signingKey);
  }
}
