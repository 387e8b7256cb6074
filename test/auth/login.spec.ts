import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { createOrganisation, createUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { LOGIN, login, median, withoutRequestIds } from './helpers';
import { httpOf, type TestHttp } from '../support/http';

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { field: string }[]).map((e) => e.field).sort();

/** Passwords, login validation and enumeration (docs/security.md B11, B13). */
describe('login', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    // Limits high enough for the timing samples below; throttling has its own apps further down.
    app = await createTestApp({
      env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '1000', LOGIN_ATTEMPTS_PER_SOURCE: '1000' },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  /**
   * A new user chooses their password over HTTP: their lead creates them (without a password)
   * and they activate with the one-time code.
   */
  async function choosePasswordOverHttp(password: string) {
    const organisation = await createOrganisation(app);
    const lead = await createUser(app, {
      roles: [Role.JobcenterLead],
      organisationId: organisation.id,
    });
    const email = `${randomUUID()}@test.invalid`;
    const created = await http.post(lead, '/api/v1/users', {
      organisationId: organisation.id,
      email,
      displayName: 'Erika Musterfrau',
      roles: [Role.Caseworker],
    });
    expect(created.status).toBe(201);
    const { id, activation } = created.body as { id: string; activation: { code: string } };
    const res = await http.post('anonymous', '/api/v1/auth/activate', {
      code: activation.code,
      newPassword: password,
    });
    return { res, id, email, created };
  }

  describe('password storage', () => {
    it('stores argon2id with at least m=19456, t=2, p=1 and never returns the hash', async () => {
      const { res, id, created } = await choosePasswordOverHttp('Fahrrad Kaffeetasse Morgenrot');
      expect(res.status).toBe(204);
      expect(JSON.stringify(created.body)).not.toMatch(/argon2|password_?hash/i);
      const [{ password_hash: hash }] = await app
        .get(DataSource)
        .query<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE id = $1', [id]);
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(
        hash,
      );
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(19456);
      expect(Number(match![2])).toBeGreaterThanOrEqual(2);
      expect(hash).not.toContain('Fahrrad');
    });

    it('uses a fresh salt for every hash', async () => {
      const a = await choosePasswordOverHttp('Fahrrad Kaffeetasse Morgenrot');
      const b = await choosePasswordOverHttp('Fahrrad Kaffeetasse Morgenrot');
      const rows = await app
        .get(DataSource)
        .query<{ password_hash: string }[]>(
          'SELECT password_hash FROM users WHERE id = ANY($1::uuid[]) AND password_hash IS NOT NULL',
          [[a.id, b.id]],
        );
      expect(rows).toHaveLength(2);
      expect(rows[0].password_hash).not.toBe(rows[1].password_hash);
    });

    it('takes a 100-character password whole: no truncation anywhere', async () => {
      const password = randomBytes(75).toString('base64');
      expect(password).toHaveLength(100);
      const { res, email } = await choosePasswordOverHttp(password);
      expect(res.status).toBe(204);

      expect((await login(http, email, password)).status).toBe(200);
      const last = password.endsWith('A') ? 'B' : 'A';
      for (const wrong of [
        password.slice(0, 99) + last, // the last character changed
        password.slice(0, 72), // what bcrypt would have kept
        password.slice(0, 99), // one character short
        `${password}x`, // one character more
      ]) {
        expectProblem(await login(http, email, wrong), 401, 'invalid-credentials');
      }
    });

    it.each([
      ['a common word decorated', 'Password123!'],
      ['too short', 'kurz-1234ab'],
      ['in the common list', 'qwerty123456'],
      ['a sequence', '123456789012'],
      ['longer than 256 characters', 'Lotse '.repeat(43) + 'x'],
    ])('refuses a chosen password that is %s with 400 naming the field', async (_, password) => {
      const { res } = await choosePasswordOverHttp(password);
      const body = expectProblem(res, 400, 'validation-error');
      expect(fieldsOf(body)).toEqual(['newPassword']);
    });

    it('accepts a long passphrase without composition rules', async () => {
      const { res } = await choosePasswordOverHttp(
        'lange sätze aus wörtern sind leichter zu merken',
      );
      expect(res.status).toBe(204);
    });

    it('cannot sign in a user who has not chosen a password yet, whatever is tried', async () => {
      const { email } = await choosePasswordOverHttp('kurz');
      for (const tried of ['', ' ', 'null', 'undefined', 'Fahrrad Kaffeetasse Morgenrot']) {
        const res = await login(http, email, tried);
        expect([400, 401]).toContain(res.status);
      }
    });
  });

  describe('request validation', () => {
    it.each([
      ['no password', { email: 'a@b.de' }, ['password']],
      ['no email', { password: 'whatever it is' }, ['email']],
      ['an empty password', { email: 'a@b.de', password: '' }, ['password']],
      ['a number as email', { email: 42, password: 'whatever it is' }, ['email']],
      ['an unknown field', { email: 'a@b.de', password: 'whatever it is', otp: '1' }, ['otp']],
      ['an empty object', {}, ['email', 'password']],
    ])('answers %s with 400 naming the field', async (_, body, fields) => {
      const res = await http.post('anonymous', LOGIN, body);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual(fields);
    });

    it.each([
      ['an array', '[]'],
      ['a string', '"a@b.de"'],
      ['a number', '42'],
      ['null', 'null'],
    ])('answers a JSON body that is %s with 400', async (_, raw) => {
      const res = await http.post('anonymous', LOGIN, raw, {
        headers: { 'Content-Type': 'application/json' },
      });
      expectProblem(res, 400, 'validation-error');
    });

    it('answers a login without a body with 400, not 401 or 500', async () => {
      expectProblem(await http.post('anonymous', LOGIN), 400, 'validation-error');
    });
  });

  describe('no user enumeration', () => {
    it('answers unknown account, wrong password and disabled account identically', async () => {
      const known = await createUser(app, { roles: [Role.Caseworker] });
      const disabled = await createUser(app, { roles: [Role.Caseworker], active: false });
      const unknown = await login(http, `${randomUUID()}@test.invalid`, known.password);
      const wrong = await login(http, known.email, 'not the right password');
      const off = await login(http, disabled.email, disabled.password);

      const responses: Response[] = [unknown, wrong, off];
      for (const res of responses) expectProblem(res, 401, 'invalid-credentials');
      expect(withoutRequestIds(wrong.body)).toEqual(withoutRequestIds(unknown.body));
      expect(withoutRequestIds(off.body)).toEqual(withoutRequestIds(unknown.body));
      const headerNames = (res: Response) =>
        Object.keys(res.headers)
          .filter((h) => !['date', 'x-request-id', 'content-length'].includes(h))
          .sort();
      expect(headerNames(wrong)).toEqual(headerNames(unknown));
      expect(headerNames(off)).toEqual(headerNames(unknown));
      expect(off.headers['content-length']).toBe(unknown.headers['content-length']);
      // The known account's login works: the disabled one failed for being disabled.
      expect((await login(http, known.email, known.password)).status).toBe(200);
    });

    it('takes as long for an unknown account as for a wrong password (argon2 runs either way)', async () => {
      const known = await createUser(app, { roles: [Role.Caseworker] });
      const time = async (email: string) => {
        const start = process.hrtime.bigint();
        const res = await login(http, email, 'not the right password');
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        expect(res.status).toBe(401);
        return ms;
      };
      const unknownEmail = () => `${randomUUID()}@test.invalid`;
      await time(unknownEmail()); // warm-up
      await time(known.email);
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 20; i++) {
        unknown.push(await time(unknownEmail()));
        wrong.push(await time(known.email));
      }
      const ratio = median(unknown) / median(wrong);
      console.warn(
        `login timing: median unknown account ${median(unknown).toFixed(1)} ms, ` +
          `wrong password ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
      );
      // Wide on purpose (shared machine); skipping argon2 for unknown accounts is ~50× faster.
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
      // And argon2 did run: a login costs what m=19456,t=2 costs, not a database lookup.
      expect(median(unknown)).toBeGreaterThan(10);
    });
  });

  describe('email addresses', () => {
    it('signs in with any case and surrounding spaces', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      expect((await login(http, ` ${user.email.toUpperCase()} `, user.password)).status).toBe(200);
    });
  });
});

describe('login throttling', () => {
  const wrong = 'not the right password';

  describe('per account (LOGIN_ATTEMPTS_PER_ACCOUNT=3)', () => {
    let app: NestFastifyApplication;
    let http: TestHttp;

    beforeAll(async () => {
      app = await createTestApp({
        env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_ATTEMPTS_PER_SOURCE: '100' },
      });
      http = httpOf(app);
    });
    afterAll(async () => {
      await app.close();
    });

    const expectThrottled = (res: Response) => {
      const body = expectProblem(res, 429, 'too-many-requests');
      const retryAfter = res.headers['retry-after'];
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);
      return body;
    };

    it('answers the 4th attempt for one account with 429 and Retry-After, even with the right password', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      for (let i = 0; i < 3; i++) {
        expectProblem(await login(http, user.email, wrong), 401, 'invalid-credentials');
      }
      const body = expectThrottled(await login(http, user.email, wrong));
      expect(body.retryAfter).toBe(Number((await login(http, user.email, wrong)).body.retryAfter));
      expectThrottled(await login(http, user.email, user.password));
    });

    it('counts the account whatever the case and spacing of the address', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
      for (const email of spellings) {
        expectProblem(await login(http, email, wrong), 401, 'invalid-credentials');
      }
      expectThrottled(await login(http, user.email, user.password));
    });

    it('is not fooled by a rotating spoofed X-Forwarded-For (no trusted proxy)', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await login(http, user.email, wrong, {
          'X-Forwarded-For': `203.0.113.${i + 1}`,
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    });

    it('still lets another account sign in from the same source', async () => {
      const victim = await createUser(app, { roles: [Role.Caseworker] });
      const other = await createUser(app, { roles: [Role.Caseworker] });
      for (let i = 0; i < 4; i++) await login(http, victim.email, wrong);
      expectThrottled(await login(http, victim.email, wrong));
      expect((await login(http, other.email, other.password)).status).toBe(200);
    });

    it('says nothing in a 429 about whether the account exists', async () => {
      const user = await createUser(app, { roles: [Role.Caseworker] });
      const ghost = `${randomUUID()}@test.invalid`;
      for (let i = 0; i < 3; i++) {
        await login(http, user.email, wrong);
        await login(http, ghost, wrong);
      }
      const known = expectThrottled(await login(http, user.email, wrong));
      const unknown = expectThrottled(await login(http, ghost, wrong));
      const normalise = (body: Record<string, unknown>) =>
        JSON.stringify(withoutRequestIds(body)).replace(/\d+/g, 'N');
      expect(normalise(known)).toBe(normalise(unknown));
      expect(JSON.stringify(known)).not.toContain(user.email);
    });
  });

  describe('per source (LOGIN_ATTEMPTS_PER_SOURCE=5)', () => {
    let app: NestFastifyApplication;
    let http: TestHttp;

    beforeAll(async () => {
      app = await createTestApp({
        env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '100', LOGIN_ATTEMPTS_PER_SOURCE: '5' },
      });
      http = httpOf(app);
    });
    afterAll(async () => {
      await app.close();
    });

    it('answers the 6th attempt from one source with 429, whatever the account or X-Forwarded-For', async () => {
      const users = await Promise.all(
        [0, 1, 2, 3, 4, 5].map(() => createUser(app, { roles: [Role.Caseworker] })),
      );
      for (const [i, user] of users.slice(0, 5).entries()) {
        const res = await login(http, user.email, wrong, { 'X-Forwarded-For': `198.51.100.${i}` });
        expectProblem(res, 401, 'invalid-credentials');
      }
      const res = await login(http, users[5].email, users[5].password, {
        'X-Forwarded-For': '198.51.100.99',
      });
      expectProblem(res, 429, 'too-many-requests');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    });
  });
});
