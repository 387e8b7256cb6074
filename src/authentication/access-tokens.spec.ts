import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

// jsonwebtoken's own verify, counted: a remembered token must not reach it again. Replaced on
// the module before access-tokens.ts is loaded, which copies the module's functions then.
const library = jest.requireActual<{ verify: (...args: unknown[]) => unknown }>('jsonwebtoken');
const verifications = jest.fn(library.verify);
library.verify = verifications;
const { AccessTokens, VERIFIED_TOKENS_KEPT } =
  jest.requireActual<typeof import('./access-tokens')>('./access-tokens');

const config = new ConfigService<AppConfig, true>({
  auth: { jwtSecret: 'unit-test-secret-of-access-tokens-0123456789' },
});

const claims = () => ({ userId: randomUUID(), sessionId: randomUUID() });

describe('AccessTokens: tokens verified before', () => {
  beforeEach(() => verifications.mockClear());
  afterEach(() => jest.restoreAllMocks());

  it('verifies a token once, and answers the same claims from then on', () => {
    const tokens = new AccessTokens(config);
    const mine = claims();
    const { accessToken } = tokens.issue(mine);
    expect(tokens.verify(accessToken)).toEqual(mine);
    expect(tokens.verify(accessToken)).toEqual(mine);
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token from the second its `exp` names, and forgets it', () => {
    const tokens = new AccessTokens(config);
    const { accessToken, expiresIn } = tokens.issue(claims());
    const issuedAt = Date.now();
    expect(tokens.verify(accessToken)).toBeDefined();
    const clock = jest.spyOn(Date, 'now');
    clock.mockReturnValue(issuedAt + (expiresIn - 2) * 1000);
    expect(tokens.verify(accessToken)).toBeDefined();
    clock.mockReturnValue(issuedAt + (expiresIn + 1) * 1000);
    expect(tokens.verify(accessToken)).toBeUndefined();
    // Gone from memory: the next answer is jsonwebtoken's again (expired: refused).
    verifications.mockClear();
    expect(tokens.verify(accessToken)).toBeUndefined();
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it('refuses a remembered token while the clock stands before its `nbf`', () => {
    const tokens = new AccessTokens(config);
    const { accessToken } = tokens.issue(claims());
    const now = Date.now();
    expect(tokens.verify(accessToken)).toBeDefined();
    // A clock set back by a minute: not valid yet, as jsonwebtoken would answer.
    jest.spyOn(Date, 'now').mockReturnValue(now - 60_000);
    expect(tokens.verify(accessToken)).toBeUndefined();
  });

  it('remembers nothing that failed, and no other text than the one verified', () => {
    const tokens = new AccessTokens(config);
    const { accessToken } = tokens.issue(claims());
    expect(tokens.verify(accessToken)).toBeDefined();
    const [h, p, s] = accessToken.split('.');
    const flipped = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(tokens.verify(flipped)).toBeUndefined();
    expect(tokens.verify(`${accessToken} `)).toBeUndefined();
    verifications.mockClear();
    expect(tokens.verify(flipped)).toBeUndefined();
    expect(verifications).toHaveBeenCalledTimes(1);
  });

  it(`keeps at most ${VERIFIED_TOKENS_KEPT} tokens, forgetting the oldest first`, () => {
    const tokens = new AccessTokens(config);
    const first = tokens.issue(claims()).accessToken;
    const second = tokens.issue(claims()).accessToken;
    tokens.verify(first);
    tokens.verify(second);
    for (let i = 0; i < VERIFIED_TOKENS_KEPT - 1; i++) {
      tokens.verify(tokens.issue(claims()).accessToken);
    }
    verifications.mockClear();
    expect(tokens.verify(second)).toBeDefined();
    expect(verifications).toHaveBeenCalledTimes(0);
    expect(tokens.verify(first)).toBeDefined();
    expect(verifications).toHaveBeenCalledTimes(1);
  });
});
