import pLimit, { type LimitFunction } from 'p-limit';

/**
 * At most `limit` password hashes are computed at once; the others wait their turn, in the
 * order they came (docs/architecture/0024-one-round-trip-reads.md, "Memory"). Each argon2id
 * computation holds 19 MiB while it runs, so the gate bounds the login peak of the process's
 * memory, and a flood of logins can keep at most `limit` cores busy. Every computation passes
 * it: a hash, a verification, and the verification against the dummy hash for an unknown
 * account, so both wait alike and an unknown account still costs what a wrong password does.
 */
export class HashGate {
  private readonly gate: LimitFunction;

  constructor(readonly limit: number) {
    this.gate = pLimit(limit);
  }

  /** Computations running now. */
  get running(): number {
    return this.gate.activeCount;
  }

  /** Computations waiting for their turn. */
  get waiting(): number {
    return this.gate.pendingCount;
  }

  run<T>(computation: () => Promise<T>): Promise<T> {
    return this.gate(computation);
  }
}
