import { ConfigService } from '@nestjs/config';
import { PasswordHasher } from './password-hasher';

// Hashes stored before the switch to @node-rs/argon2 must keep verifying. These PHC strings come
// from an independent implementation (hash-wasm's argon2id), with node-argon2's parameter order
// (`m,p,t`) as well as the standard one, and with stronger parameters than the current ones.
const PASSWORD = 'Lotse-Demo-Passwort-2026';
const STORED = {
  standardOrder:
    '$argon2id$v=19$m=19456,t=2,p=1$bG90c2UtZml4ZWQtc2FsdA$0gxc5alzAtc/DSfHBqN3EorjQ/iUTKdkIRbFNoJXE3c',
  nodeArgon2Order:
    '$argon2id$v=19$m=19456,p=1,t=2$bG90c2UtZml4ZWQtc2FsdA$0gxc5alzAtc/DSfHBqN3EorjQ/iUTKdkIRbFNoJXE3c',
  stronger:
    '$argon2id$v=19$m=65536,t=3,p=1$bG90c2UtZml4ZWQtc2FsdA$b1hY9P4qfl1luA3x7xKt1e0rgiv8O2xjDlWueQTLsM8',
};

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  beforeAll(() => hasher.onModuleInit());

  it.each(Object.entries(STORED))('verifies a stored hash (%s)', async (_, stored) => {
    expect(await hasher.verify(stored, PASSWORD)).toBe(true);
    expect(await hasher.verify(stored, `${PASSWORD}!`)).toBe(false);
  });

  it('writes argon2id with m=19456, t=2, p=1 in the standard order, salted', async () => {
    const [a, b] = await Promise.all([hasher.hash(PASSWORD), hasher.hash(PASSWORD)]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, PASSWORD)).toBe(true);
  });

  it('is false for no account and for a malformed hash', async () => {
    expect(await hasher.verify(undefined, PASSWORD)).toBe(false);
    expect(await hasher.verify('$argon2id$garbage', PASSWORD)).toBe(false);
  });
});

describe('PasswordHasher: computations at once (PASSWORD_HASHES_AT_ONCE)', () => {
  const withLimit = (limit: number) =>
    new PasswordHasher(new ConfigService({ auth: { passwordHashesAtOnce: limit } }) as never);

  /** Starts `count` verifications and samples the gate until all are done. */
  async function peak(hasher: PasswordHasher, count: number) {
    const stored = await hasher.hash(PASSWORD);
    let running = 0;
    let waiting = 0;
    const all = Promise.all(Array.from({ length: count }, () => hasher.verify(stored, PASSWORD)));
    let done = false;
    void all.finally(() => (done = true));
    while (!done) {
      running = Math.max(running, hasher.gate.running);
      waiting = Math.max(waiting, hasher.gate.waiting);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await all).toEqual(Array.from({ length: count }, () => true));
    return { running, waiting };
  }

  it('computes one hash at a time by default; the others wait their turn', async () => {
    expect(new PasswordHasher().gate.limit).toBe(1);
    expect(await peak(withLimit(1), 4)).toEqual({ running: 1, waiting: 3 });
  });

  it('computes as many at once as configured', async () => {
    expect(await peak(withLimit(3), 5)).toEqual({ running: 3, waiting: 2 });
  });

  it('lets the verification for an unknown account wait its turn like any other', async () => {
    const hasher = withLimit(1);
    await hasher.onModuleInit();
    const unknown = Promise.all([
      hasher.verify(undefined, PASSWORD),
      hasher.verify(undefined, PASSWORD),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(hasher.gate.running + hasher.gate.waiting).toBe(2);
    expect(await unknown).toEqual([false, false]);
  });
});
