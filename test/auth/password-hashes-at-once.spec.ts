import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../src/auth/role';
import { PasswordHasher } from '../../src/identity/password/password-hasher';
import { createUser } from '../factories/identity';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';
import { login } from './helpers';

// PASSWORD_HASHES_AT_ONCE bounds the argon2id computations running at once (19 MiB each), so
// the login peak of the process's memory (docs/architecture/0024-one-round-trip-reads.md,
// "Memory"). Logins over HTTP, right and wrong passwords and unknown accounts, all pass the gate.
describe('password hashes at once (PASSWORD_HASHES_AT_ONCE=2)', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        PASSWORD_HASHES_AT_ONCE: '2',
        LOGIN_ATTEMPTS_PER_ACCOUNT: '1000',
        LOGIN_ATTEMPTS_PER_SOURCE: '1000',
      },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('computes at most two at once while eight logins are answered', async () => {
    const gate = app.get(PasswordHasher).gate;
    expect(gate.limit).toBe(2);
    const user = await createUser(app, { roles: [Role.Caseworker] });
    const attempts = [
      ...Array.from({ length: 4 }, () => login(http, user.email, user.password)),
      ...Array.from({ length: 2 }, () => login(http, user.email, `${user.password}!`)),
      ...Array.from({ length: 2 }, () => login(http, 'nobody@test.lotse.invalid', user.password)),
    ];
    let running = 0;
    let waiting = 0;
    let done = false;
    const answered = Promise.all(attempts).finally(() => (done = true));
    while (!done) {
      running = Math.max(running, gate.running);
      waiting = Math.max(waiting, gate.waiting);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await answered).map((res) => res.status)).toEqual([
      200, 200, 200, 200, 401, 401, 401, 401,
    ]);
    // Never more than two; at least one ran through the gate (none would mean a way around it).
    expect(running).toBeGreaterThan(0);
    expect(running).toBeLessThanOrEqual(2);
    expect(running + waiting).toBeGreaterThan(2);
  });
});
