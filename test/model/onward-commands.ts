import {
  API,
  type Who,
  actorOf,
  auth,
  Base,
  expectStatus,
  OnReferral,
  pick,
  same,
} from './command-base';
import {
  expectOnward,
  expectPartnerStep,
  isWorked,
  type Model,
  type OnwardM,
  partnerConsented,
  partnerKnowsClient,
  PARTNER_CATEGORY,
  type ReferralM,
  released,
} from './oracle';
import type { Real } from './world';

/** Onward referral to the partner clinic C (ADR 0022): refer, answer, read. */

/** A provider user refers the referral's client onward to the partner. */
export class ReferOnward extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly who: Who,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return isWorked(r.state);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const res = await real.http.post(
      auth(real, user),
      `${API}/referrals/${r.id}/onward-referrals`,
      {
        partnerId: real.partner.id,
      },
    );
    expectStatus(`${this.toString()} as ${user} on ${r.state}`, res, expectOnward(m, user, r));
    if (res.status === 201) r.onward.push({ id: res.body.id as string, state: 'requested' });
  }
  toString(): string {
    return `ReferOnward(${this.where()} by ${this.who})`;
  }
}

const withOnward = (m: Readonly<Model>) => m.referrals.filter((r) => r.onward.length > 0);

/** The partner accepts, declines or records the uptake of one onward referral. */
export class PartnerStep extends Base {
  constructor(
    private readonly ref: number,
    private readonly index: number,
    private readonly step: 'accept' | 'decline' | 'took_up' | 'did_not_take_up',
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return withOnward(m).length > 0;
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = pick(withOnward(m), this.ref);
    const o = pick(r.onward, this.index);
    const uptake = this.step === 'took_up' || this.step === 'did_not_take_up';
    const path = `${API}/onward-referrals/${o.id}/${uptake ? 'uptake' : this.step}`;
    const res = await real.http.post(
      real.partner.staff.authHeader,
      path,
      uptake ? { outcome: this.step } : undefined,
    );
    const expected = expectPartnerStep(r, o, this.step);
    expectStatus(`${this.toString()} on ${o.state}`, res, expected.status);
    if (expected.to) {
      o.state = expected.to;
      same(`${this.toString()}: client shown`, res.body.client !== null, partnerKnowsClient(o));
    }
  }
  toString(): string {
    return `PartnerStep(ref${this.ref}#${this.index} ${this.step})`;
  }
}

/**
 * What the partner and the jobcenters see of the onward referrals: the partner exactly those
 * whose consent holds, the client only once it accepted, never the referral; jobcenter A of a
 * referral exactly those released to it (the fact only), B nothing.
 */
export class OnwardRead extends Base {
  constructor(private readonly ref: number) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.referrals.length > 0;
  }
  async act(m: Model, real: Real): Promise<void> {
    const res = await real.http.get(real.partner.staff.authHeader, `${API}/onward-referrals`, {
      query: { limit: 100 },
    });
    expectStatus(`${this.toString()}: partner list`, res, 200);
    const items = res.body.items as { id: string; client: unknown; referralId: unknown }[];
    const expected: OnwardM[] = m.referrals.filter(partnerConsented).flatMap((r) => r.onward);
    same(
      `${this.toString()}: the partner's onward referrals`,
      items.map((i) => [i.id, i.client !== null, i.referralId]).sort(),
      expected.map((o) => [o.id, partnerKnowsClient(o), null]).sort(),
    );

    const r = pick(m.referrals, this.ref);
    if (m.disabled.has('cwA')) return;
    const jobcenter = await real.http.get(
      auth(real, 'cwA'),
      `${API}/referrals/${r.id}/released-onward-referrals`,
    );
    expectStatus(`${this.toString()}: jobcenter A`, jobcenter, 200);
    const open = released(r, 'A').has(PARTNER_CATEGORY);
    same(
      `${this.toString()}: what A sees of ref ${r.id}`,
      (jobcenter.body.items as Record<string, unknown>[]).map((i) => Object.keys(i).sort()),
      (open ? r.onward : []).map(() => ['category', 'createdAt', 'id', 'partnerId', 'referralId']),
    );
    same(
      `${this.toString()}: which A sees`,
      (jobcenter.body.items as { id: string }[]).map((i) => i.id).sort(),
      (open ? r.onward.map((o) => o.id) : []).sort(),
    );
    if (!m.disabled.has('cwB')) {
      const b = await real.http.get(
        auth(real, 'cwB'),
        `${API}/referrals/${r.id}/released-onward-referrals`,
      );
      expectStatus(`${this.toString()}: jobcenter B`, b, 404);
    }
  }
  toString(): string {
    return `OnwardRead(ref${this.ref})`;
  }
}
