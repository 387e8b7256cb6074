import fc from 'fast-check';
import type { Response } from 'supertest';
import {
  LEAD,
  USERS,
  type Model,
  otherProvider,
  type ProviderKey,
  type ReferralM,
  type UserKey,
  WORKERS,
} from './oracle';
import type { Real } from './world';

/*
 * What every command of the referral-lifecycle model test shares: who acts (relative to the
 * referral), status assertions that say which command failed, and the ETag bookkeeping.
 */

export type Cmd = fc.AsyncCommand<Model, Real>;
export const API = '/api/v1';

/** Who acts, relative to the referral a command works on. */
export type Who =
  | 'lead'
  | 'assigned'
  | 'unassigned'
  | 'foreignLead'
  | 'foreignWorker'
  | 'caseworkerA'
  | 'caseworkerB';

export function actorOf(who: Who, r: ReferralM): UserKey {
  const foreign = otherProvider(r.provider);
  switch (who) {
    case 'lead':
      return LEAD[r.provider];
    case 'assigned':
      return r.worker ?? WORKERS[r.provider][0];
    case 'unassigned':
      return WORKERS[r.provider].find((w) => w !== r.worker)!;
    case 'foreignLead':
      return LEAD[foreign];
    case 'foreignWorker':
      return WORKERS[foreign][0];
    case 'caseworkerA':
      return 'cwA';
    case 'caseworkerB':
      return 'cwB';
  }
}

/** A worker to hand the case to: one of the provider's two, or another provider's. */
export type Assignee = 0 | 1 | 'foreign';
export function assigneeOf(a: Assignee, provider: ProviderKey): UserKey {
  return a === 'foreign' ? WORKERS[otherProvider(provider)][0] : WORKERS[provider][a];
}

export const pick = <T>(items: T[], i: number): T => items[i % items.length];

/** How often each command met each status (printed at the end: are the runs meaningful?). */
export const tally = new Map<string, number>();

/** Fails with the request, the expected and the actual status, and the problem body. */
export function expectStatus(label: string, res: Response, expected: number): void {
  const name =
    /^Act\((?:aimed )?ref\d+, (\w+)/.exec(label)?.[1] ?? /^\w+/.exec(label)?.[0] ?? label;
  const key = `${name} ${expected}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  if (res.status !== expected) {
    throw new Error(
      `${label}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`,
    );
  }
}

export function same<T>(label: string, actual: T, expected: T): void {
  expect({ label, value: actual }).toEqual({ label, value: expected });
}

export const auth = (real: Real, user: UserKey) => real.users[user].authHeader;
/**
 * The ETag each side holds of a referral: the jobcenter its own version, the provider the
 * row's (DESIGN "Referral workflow"; a provider-internal change does not move the jobcenter's).
 */
export function etag(real: Real, r: ReferralM, user: UserKey): string {
  const v = real.versions.get(r.id);
  if (!v) return '"0"';
  return `"${USERS[user].role === 'caseworker' ? v.jobcenter : v.row}"`;
}

/**
 * A successful write of the referral by `user`: the row's version moves, the jobcenter's too
 * unless the change is provider-internal; the answer carries the writer's side's new ETag.
 */
export function written(
  real: Real,
  r: ReferralM,
  user: UserKey,
  res: Response,
  jobcenterSees = true,
): void {
  const v = real.versions.get(r.id) ?? { row: 0, jobcenter: 0 };
  real.versions.set(r.id, { row: v.row + 1, jobcenter: v.jobcenter + (jobcenterSees ? 1 : 0) });
  same(`ETag after a write by ${user}`, res.headers.etag, etag(real, r, user));
}

export abstract class Base implements Cmd {
  abstract check(m: Readonly<Model>): boolean;
  protected abstract act(m: Model, real: Real): Promise<void>;
  abstract toString(): string;
  async run(m: Model, real: Real): Promise<void> {
    real.log.push(this.toString());
    await this.act(m, real);
  }
}

/** Commands on one referral, chosen by index among those that exist. */
export abstract class OnReferral extends Base {
  /** `aimed`: chosen among the referrals `fits` accepts, if any (else among all). */
  constructor(
    protected readonly ref: number,
    protected readonly aimed = false,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.referrals.length > 0;
  }
  protected fits(r: ReferralM): boolean {
    return r.state !== 'draft';
  }
  protected referral(m: Readonly<Model>): ReferralM {
    const fitting = this.aimed ? m.referrals.filter((r) => this.fits(r)) : [];
    return pick(fitting.length > 0 ? fitting : m.referrals, this.ref);
  }
  protected where(): string {
    return `${this.aimed ? 'aimed ' : ''}ref${this.ref}`;
  }
}
