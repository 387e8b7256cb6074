import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as jwt from 'jsonwebtoken';
import { createSecretKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp, TEST_JWT_SECRET } from '../support/test-app';
import { bearer, decodeJwt, ME, signHs256 } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

/** Strict validation of access tokens (docs/security.md B15): everything but a real one is a 401. */
describe('access tokens', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    [alice, bob] = await Promise.all([
      createUser(app, { roles: [Role.Caseworker] }),
      createUser(app, { roles: [Role.Caseworker] }),
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const header = { alg: 'HS256', typ: 'at+jwt' };
  /** The claims of a valid token of Alice's live session: each case below changes one thing. */
  const claims = (): Record<string, unknown> => ({
    sid: alice.sessionId,
    sub: alice.userId,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 600,
    aud: 'lotse-api',
    iss: 'lotse',
  });

  const expectUnauthorized = async (token: string) => {
    const res = await http.get(bearer(token), ME);
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="lotse"/);
  };

  it('accepts a token crafted like a real one (so every refusal below is about its one change)', async () => {
    const res = await http.get(bearer(signHs256(header, claims(), TEST_JWT_SECRET)), ME);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(alice.userId);
  });

  it('accepts the real token; no token at all is a 401 with a challenge', async () => {
    expect((await http.get(alice, ME)).status).toBe(200);
    const res = await http.get('anonymous', ME);
    expectProblem(res, 401, 'unauthorized');
    expect(res.headers['www-authenticate']).toContain('Bearer');
  });

  it('refuses a token it accepted before once that token has expired (verified tokens are remembered, their times are not)', async () => {
    const exp = now() + 2;
    const token = signHs256(header, { ...claims(), exp }, TEST_JWT_SECRET);
    expect((await http.get(bearer(token), ME)).status).toBe(200);
    while (now() < exp) await new Promise((resolve) => setTimeout(resolve, 100));
    await expectUnauthorized(token);
  });

  describe('refuses with 401', () => {
    const cases: [string, () => string][] = [
      [
        'alg none, unsigned',
        () => {
          const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
          return `${b({ alg: 'none', typ: 'at+jwt' })}.${b(claims())}.`;
        },
      ],
      [
        'alg none with a dummy signature',
        () => {
          const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
          return `${b({ alg: 'none', typ: 'at+jwt' })}.${b(claims())}.c2lnbmF0dXJl`;
        },
      ],
      [
        'alg none with the signature of a real token',
        () => {
          const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
          return `${b({ alg: 'none', typ: 'at+jwt' })}.${b(claims())}.${alice.accessToken.split('.')[2]}`;
        },
      ],
      ['a signature with another secret', () => signHs256(header, claims(), `${TEST_JWT_SECRET}x`)],
      ['an expired exp', () => signHs256(header, { ...claims(), exp: now() - 5 }, TEST_JWT_SECRET)],
      ['no exp at all', () => signHs256(header, { ...claims(), exp: undefined }, TEST_JWT_SECRET)],
      ['a future nbf', () => signHs256(header, { ...claims(), nbf: now() + 300 }, TEST_JWT_SECRET)],
      ['a wrong aud', () => signHs256(header, { ...claims(), aud: 'other-api' }, TEST_JWT_SECRET)],
      ['no aud', () => signHs256(header, { ...claims(), aud: undefined }, TEST_JWT_SECRET)],
      ['a wrong iss', () => signHs256(header, { ...claims(), iss: 'evil' }, TEST_JWT_SECRET)],
      ['no iss', () => signHs256(header, { ...claims(), iss: undefined }, TEST_JWT_SECRET)],
      ['no typ header', () => signHs256({ alg: 'HS256' }, claims(), TEST_JWT_SECRET)],
      ['typ JWT', () => signHs256({ alg: 'HS256', typ: 'JWT' }, claims(), TEST_JWT_SECRET)],
      ['a refresh token used as bearer', () => alice.refreshToken],
      [
        'a tampered payload (sub of another user, original signature)',
        () => {
          const [h, p, s] = alice.accessToken.split('.');
          const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
          const forged = Buffer.from(JSON.stringify({ ...payload, sub: bob.userId })).toString(
            'base64url',
          );
          expect(forged).not.toBe(p);
          return `${h}.${forged}.${s}`;
        },
      ],
      [
        "a validly signed token naming another user's session",
        () => signHs256(header, { ...claims(), sid: bob.sessionId }, TEST_JWT_SECRET),
      ],
      [
        'a validly signed token for a session that does not exist',
        () => signHs256(header, { ...claims(), sid: randomUUID() }, TEST_JWT_SECRET),
      ],
      [
        'a validly signed token whose sid is not a uuid',
        () => signHs256(header, { ...claims(), sid: 'x' }, TEST_JWT_SECRET),
      ],
      [
        'HS512 with the right secret',
        () =>
          jwt.sign(claims(), createSecretKey(Buffer.from(TEST_JWT_SECRET)), {
            algorithm: 'HS512',
            header: { alg: 'HS512', typ: 'at+jwt' },
          }),
      ],
      [
        'RS256 with a key of the attacker',
        () =>
          jwt.sign(
            claims(),
            generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
              format: 'pem',
              type: 'pkcs8',
            }),
            { algorithm: 'RS256', header: { alg: 'RS256', typ: 'at+jwt' } },
          ),
      ],
      ['a token with a fourth segment', () => `${alice.accessToken}.x`],
      ['garbage', () => 'a.b.c'],
    ];

    it.each(cases)('%s', async (_, token) => {
      await expectUnauthorized(token());
    });

    it.each([
      ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['Bearer without a token', 'Bearer '],
      ['the token without a scheme', 'TOKEN'],
    ])('%s in the Authorization header', async (_, value) => {
      const authorization = value === 'TOKEN' ? alice.accessToken : value;
      const res = await http.get({ Authorization: authorization }, ME);
      expectProblem(res, 401, 'unauthorized');
    });
  });

  it('issues tokens that carry ids only, typed at+jwt, living 900 seconds', () => {
    const { header: h, payload } = decodeJwt(alice.accessToken);
    expect(h).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'nbf', 'sid', 'sub']);
    expect(payload).toMatchObject({
      sid: alice.sessionId,
      sub: alice.userId,
      aud: 'lotse-api',
      iss: 'lotse',
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    expect(payload.nbf).toBe(payload.iat);
    const text = JSON.stringify(payload);
    expect(text).not.toContain(alice.email);
    expect(text).not.toMatch(/caseworker|@/);
  });

  it('answers a login with the same kind of token and expiresIn 900', async () => {
    const res = await http.post('anonymous', '/api/v1/auth/login', {
      email: alice.email,
      password: alice.password,
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual([
      'accessToken',
      'deviceToken',
      'expiresIn',
      'refreshToken',
      'tokenType',
    ]);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const { header: h, payload } = decodeJwt(res.body.accessToken);
    expect(h.typ).toBe('at+jwt');
    expect(payload.sub).toBe(alice.userId);
    expect(payload.sid).not.toBe(alice.sessionId);
    expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    expect(Math.abs((payload.iat as number) - now())).toBeLessThan(60);
  });
});
