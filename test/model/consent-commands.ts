import { todayInGermany } from '../../src/common/calendar';
import {
  API,
  type Who,
  actorOf,
  pick,
  expectStatus,
  same,
  auth,
  Base,
  OnReferral,
} from './command-base';
import {
  type Category,
  expectConsent,
  expectRevoke,
  isWorked,
  type Model,
  type ReferralM,
  type RecipientKey,
  PARTNER_CATEGORY,
  USERS,
} from './oracle';
import type { Real } from './world';

/** Commands on the client's consent: recording a new record, revoking grants. */

/** The provider records the client's consent for the referral: a new record of its chain. */
export class GrantConsent extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly who: Who,
    private readonly toA: Category[],
    private readonly toB: Category[],
    /** Also the client's consent to be referred onward to the partner clinic C. */
    private readonly toC = false,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return isWorked(r.state);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const org = USERS[user].org;
    const grants = [
      ...this.toA.map((category) => ({ category, recipientOrganisationId: real.org.A })),
      ...this.toB.map((category) => ({ category, recipientOrganisationId: real.org.B })),
      ...(this.toC
        ? [{ category: PARTNER_CATEGORY, recipientOrganisationId: real.partner.id }]
        : []),
    ];
    const keyOf = (id: string): RecipientKey =>
      id === real.org.A ? 'A' : id === real.org.B ? 'B' : 'C';
    const res = await real.http.post(
      auth(real, user),
      `${API}/clients/${real.clients[r.client]}/consents`,
      {
        referralId: r.id,
        templateId: org === 'P1' || org === 'P2' ? real.templates[org] : real.templates.P1,
        grants,
        evidence: { form: 'written', givenOn: todayInGermany() },
      },
    );
    expectStatus(`${this.toString()} as ${user} on ${r.state}`, res, expectConsent(m, user, r));
    if (res.status !== 201) return;
    const current = r.records.find((rec) => !rec.superseded);
    same(`${this.toString()}: supersedes`, res.body.supersedesId, current?.id ?? null);
    if (current) current.superseded = true;
    r.records.push({
      id: res.body.id,
      superseded: false,
      grants: (
        res.body.grants as { id: string; category: Category; recipient: { id: string } }[]
      ).map((g) => ({
        id: g.id,
        category: g.category,
        to: keyOf(g.recipient.id),
        revoked: false,
      })),
    });
    same(
      `${this.toString()}: grants`,
      r.records
        .at(-1)!
        .grants.map((g) => `${g.to}:${g.category}`)
        .sort(),
      grants.map((g) => `${keyOf(g.recipientOrganisationId)}:${g.category}`).sort(),
    );
  }
  toString(): string {
    return `GrantConsent(${this.where()} by ${this.who}: A[${this.toA.join(',')}] B[${this.toB.join(',')}]${this.toC ? ' C' : ''})`;
  }
}

/** A revocation of all grants (no body) or of some, of the current or an older record. */
export class Revoke extends Base {
  constructor(
    private readonly ref: number,
    private readonly who: Who,
    private readonly latest: boolean,
    private readonly record: number,
    private readonly some: number[] | null,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.referrals.some((r) => r.records.length > 0);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = pick(
      m.referrals.filter((x) => x.records.length > 0),
      this.ref,
    );
    const record = this.latest ? r.records.at(-1)! : pick(r.records, this.record);
    const user = actorOf(this.who, r);
    // Some grants: chosen among those the caller may revoke (else among all, for a 404).
    const mine = record.grants.filter(
      (g) => USERS[user].org === r.provider || g.to === USERS[user].org,
    );
    const pool = mine.length > 0 ? mine : record.grants;
    const selected = this.some === null ? null : [...new Set(this.some.map((i) => pick(pool, i)))];
    const { status, targets } = expectRevoke(m, user, r, record, selected);
    const res = await real.http.post(
      auth(real, user),
      `${API}/consents/${record.id}/revoke`,
      selected === null ? undefined : { grantIds: selected.map((g) => g.id) },
    );
    expectStatus(`${this.toString()} as ${user}`, res, status);
    if (res.status !== 200) return;
    for (const g of targets) g.revoked = true;
    const revokedNow = (res.body.grants as { id: string; revokedAt: string | null }[])
      .filter((g) => g.revokedAt !== null)
      .map((g) => g.id)
      .sort();
    // The caller's view of the record: its own grants (a case manager those to A), as revoked.
    const visible = new Set((res.body.grants as { id: string }[]).map((g) => g.id));
    same(
      `${this.toString()}: revoked grants`,
      revokedNow,
      record.grants
        .filter((g) => g.revoked && visible.has(g.id))
        .map((g) => g.id)
        .sort(),
    );
  }
  toString(): string {
    const which = this.latest ? 'current' : `record#${this.record}`;
    const what = this.some === null ? 'all' : `some[${this.some.join(',')}]`;
    return `Revoke(consented ref${this.ref}, ${which}, ${what} by ${this.who})`;
  }
}
