import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { createUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { login, ME, bearer } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const LIMIT = 3;
const WRONG = 'certainly not the password';

/**
 * The per-account throttle cannot be turned against the account's owner (issue 19 point 5,
 * ADR 0017): attempts that present a known device of the account count for that device.
 */
describe('lockout and known devices (LOGIN_ATTEMPTS_PER_ACCOUNT=3)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      env: { LOGIN_ATTEMPTS_PER_ACCOUNT: String(LIMIT), LOGIN_ATTEMPTS_PER_SOURCE: '1000' },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function deviceTokenOf(email: string, password: string): Promise<string> {
    const res = await login(http, email, password);
    expect(res.status).toBe(200);
    expect(res.body.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return res.body.deviceToken as string;
  }

  it('lets the owner in from a known device while wrong passwords elsewhere lock the account', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const device = await deviceTokenOf(user.email, user.password);
    // The attacker spends the account's attempts; the account is then locked for them.
    for (let i = 0; i < LIMIT - 1; i++) {
      expectProblem(await login(http, user.email, WRONG), 401, 'invalid-credentials');
    }
    expectProblem(await login(http, user.email, user.password), 429, 'too-many-requests');
    // The owner, on the device they used before, gets in, and keeps the same device token.
    const owner = await http.post('anonymous', '/api/v1/auth/login', {
      email: user.email,
      password: user.password,
      deviceToken: device,
    });
    expect(owner.status).toBe(200);
    expect(owner.body.deviceToken).toBe(device);
    expect((await http.get(bearer(owner.body.accessToken), ME)).status).toBe(200);
  });

  it('counts wrong passwords from a known device for that device, and locks it too', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const device = await deviceTokenOf(user.email, user.password);
    const withDevice = (password: string) =>
      http.post('anonymous', '/api/v1/auth/login', {
        email: user.email,
        password,
        deviceToken: device,
      });
    for (let i = 0; i < LIMIT; i++) {
      expectProblem(await withDevice(WRONG), 401, 'invalid-credentials');
    }
    expectProblem(await withDevice(user.password), 429, 'too-many-requests');
    // The account's own count was not spent: another device still has its attempts.
    expect((await login(http, user.email, user.password)).status).toBe(200);
  });

  it('gives no way around the lock with a device token of another account, or a made-up one', async () => {
    const victim = await createUser(app, { roles: [Role.Caseworker] });
    const attacker = await createUser(app, { roles: [Role.Caseworker] });
    const attackersDevice = await deviceTokenOf(attacker.email, attacker.password);
    for (let i = 0; i < LIMIT; i++) {
      expectProblem(await login(http, victim.email, WRONG), 401, 'invalid-credentials');
    }
    for (const deviceToken of [attackersDevice, 'A'.repeat(43)]) {
      const res = await http.post('anonymous', '/api/v1/auth/login', {
        email: victim.email,
        password: victim.password,
        deviceToken,
      });
      expectProblem(res, 429, 'too-many-requests');
    }
  });

  it('stores device tokens as SHA-256 only and refuses a malformed one with 400', async () => {
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const device = await deviceTokenOf(user.email, user.password);
    const rows = await app
      .get(DataSource)
      .query<{ hash: Buffer }[]>(
        'SELECT token_hash AS hash FROM known_devices WHERE user_id = $1',
        [user.userId],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0].hash.toString('base64url')).not.toBe(device);
    const res = await http.post('anonymous', '/api/v1/auth/login', {
      email: user.email,
      password: user.password,
      deviceToken: 'not a token!',
    });
    expectProblem(res, 400, 'validation-error');
  });
});
