import { randomUUID } from 'node:crypto';
import {
  API,
  type Who,
  actorOf,
  type Assignee,
  assigneeOf,
  pick,
  expectStatus,
  same,
  auth,
  etag,
  written,
  Base,
  OnReferral,
} from './command-base';
import {
  type Action,
  expectAction,
  expectActivity,
  expectAssign,
  expectRefer,
  isWorked,
  leavesFrom,
  type Model,
  nextState,
  type ProviderKey,
  reasonCategory,
  type ReferralM,
  type UserKey,
} from './oracle';
import type { Real } from './world';

/*
 * Commands that move referrals through the workflow: refer, the state machine's actions,
 * assignment, contacts, and disabling a user.
 */

/** A case manager drafts a referral of one of A's clients, and usually sends it. */
export class Refer extends Base {
  constructor(
    private readonly user: 'cwA' | 'cwB',
    private readonly client: 0 | 1,
    private readonly provider: ProviderKey,
    private readonly send: boolean,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.referrals.length < 6;
  }
  async act(m: Model, real: Real): Promise<void> {
    const created = await real.http.post(auth(real, this.user), `${API}/referrals`, {
      clientId: real.clients[this.client],
      providerId: real.org[this.provider],
      reasonCategory: 'lost_contact',
      requestedServices: ['outreach_home_visits'],
    });
    expectStatus(`${this.toString()}: create`, created, expectRefer(m, this.user));
    if (created.status !== 201) return;
    const r: ReferralM = {
      id: created.body.id,
      client: this.client,
      provider: this.provider,
      state: 'draft',
      worker: null,
      accepted: false,
      history: [{ action: null, toState: 'draft', reason: null, category: null }],
      records: [],
      onward: [],
      reports: [],
      activities: [],
    };
    m.referrals.push(r);
    real.versions.set(r.id, { row: 0, jobcenter: 0 });
    written(real, r, this.user, created);
    if (!this.send) return;
    const expected = expectAction(m, this.user, r, 'send');
    const sent = await real.http.act(
      auth(real, this.user),
      r.id,
      'send',
      {},
      etag(real, r, this.user),
    );
    expectStatus(`${this.toString()}: send`, sent, expected);
    if (sent.status === 200) written(real, r, this.user, sent);
    r.state = 'requested';
    r.history.push({ action: 'send', toState: 'requested', reason: null, category: null });
  }
  toString(): string {
    return `Refer(${this.user}, client${this.client} → ${this.provider}${this.send ? ', send' : ', draft'})`;
  }
}

/** The reason codes each action takes (ReferralAction bodies). */
const REASONS: Partial<Record<Action, (string | null)[]>> = {
  reject: ['no_capacity', 'outside_service_area', 'not_suitable', 'other'],
  pause: ['hospital_stay', 'client_request', null],
  complete: ['goals_reached', 'handed_over'],
  end: ['client_unreachable', 'client_declined', 'client_withdrew', 'other'],
  cancel: ['client_moved_away', 'no_longer_needed'],
};

/** One action of the state machine (accept with a worker to assign). */
export class Act extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly action: Action,
    private readonly who: Who,
    private readonly variant: number,
    private readonly assignee: Assignee,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return leavesFrom(this.action, r.state);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const reason = pick(REASONS[this.action] ?? [null], this.variant);
    const assignee = assigneeOf(this.assignee, r.provider);
    const body: Record<string, string> =
      this.action === 'accept'
        ? { assignedWorkerId: real.users[assignee].userId }
        : reason === null
          ? {}
          : { [this.action === 'complete' ? 'outcome' : 'reason']: reason };
    const expected = expectAction(m, user, r, this.action, assignee);
    const res = await real.http.act(auth(real, user), r.id, this.action, body, etag(real, r, user));
    expectStatus(`${this.toString()} as ${user} on ${r.state}`, res, expected);
    if (res.status !== 200) return;
    written(real, r, user, res);
    r.state = nextState(this.action);
    same(`${this.toString()}: new state`, res.body.state, r.state);
    if (this.action === 'accept') {
      r.accepted = true;
      r.worker = assignee;
    }
    r.history.push({
      action: this.action,
      toState: r.state,
      reason,
      category: reasonCategory(this.action, reason),
    });
  }
  toString(): string {
    const extra = this.action === 'accept' ? `, worker ${this.assignee}` : `, #${this.variant}`;
    return `Act(${this.where()}, ${this.action} by ${this.who}${extra})`;
  }
}

/** A lead hands a worked case to another worker: the former one loses sight of it. */
export class Assign extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly who: Who,
    private readonly assignee: Assignee,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return isWorked(r.state);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const assignee = assigneeOf(this.assignee, r.provider);
    const res = await real.http.act(
      auth(real, user),
      r.id,
      'assign',
      { assignedWorkerId: real.users[assignee].userId },
      etag(real, r, user),
    );
    expectStatus(
      `${this.toString()} as ${user} on ${r.state}`,
      res,
      expectAssign(m, user, r, assignee),
    );
    if (res.status !== 200) return;
    // Provider-internal: the jobcenter's version stays.
    written(real, r, user, res, false);
    r.worker = assignee;
  }
  toString(): string {
    return `Assign(${this.where()} by ${this.who} to ${this.assignee})`;
  }
}

/** The provider logs an outreach contact or attempt (participation content, note internal). */
export class LogContact extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly who: Who,
    private readonly reached: boolean,
    private readonly minutesAgo: number,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return isWorked(r.state) && r.activities.length < 4;
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const occurredAt = new Date(Date.now() - this.minutesAgo * 60_000).toISOString();
    const res = await real.http.post(auth(real, user), `${API}/referrals/${r.id}/activities`, {
      kind: this.reached ? 'home_visit' : 'contact_attempt',
      occurredAt,
      reached: this.reached,
      note: `N-${randomUUID()}`,
    });
    expectStatus(`${this.toString()} as ${user} on ${r.state}`, res, expectActivity(m, user, r));
    if (res.status !== 201) return;
    r.activities.push({ id: res.body.id, reached: this.reached, occurredAt });
    same(`${this.toString()}: occurredAt`, res.body.occurredAt, occurredAt);
  }
  toString(): string {
    return `LogContact(${this.where()} by ${this.who}, ${this.reached ? 'reached' : 'not reached'} ${this.minutesAgo} min ago)`;
  }
}

/** The admin disables a user: their still-valid token is refused on the very next request. */
export class DisableUser extends Base {
  constructor(private readonly user: UserKey) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return !m.disabled.has(this.user) && m.disabled.size < 2;
  }
  async act(m: Model, real: Real): Promise<void> {
    const target = real.users[this.user];
    const admin = real.admin.authHeader;
    const current = await real.http.get(admin, `${API}/users/${target.userId}`);
    expectStatus(`${this.toString()}: read`, current, 200);
    const res = await real.http.patch(
      admin,
      `${API}/users/${target.userId}`,
      { active: false },
      { ifMatch: current.headers.etag },
    );
    expectStatus(`${this.toString()}: disable`, res, 200);
    m.disabled.add(this.user);
    expectStatus(`${this.toString()}: next request`, await real.http.get(target, `${API}/me`), 401);
  }
  toString(): string {
    return `DisableUser(${this.user})`;
  }
}
