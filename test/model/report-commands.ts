import { randomUUID } from 'node:crypto';
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
  expectReplay,
  expectReport,
  LEAD,
  type Model,
  type ReferralM,
  type ReportM,
} from './oracle';
import type { Real } from './world';

/** Commands on provider reports: drafting and submitting (with Idempotency-Key), retries. */

const PERIOD = { periodFrom: '2026-11-01', periodUntil: '2026-11-30' };

/** The provider drafts a report with sections in random categories, usually submits it. */
export class SubmitReport extends OnReferral {
  constructor(
    ref: number,
    aimed: boolean,
    private readonly who: Who,
    private readonly kind: ReportM['kind'],
    private readonly categories: Category[],
    private readonly submit: boolean,
    private readonly withKey: boolean,
  ) {
    super(ref, aimed);
  }
  protected override fits(r: ReferralM): boolean {
    return r.accepted && r.reports.length < 4;
  }
  override check(m: Readonly<Model>): boolean {
    return m.referrals.length > 0 && this.referral(m).reports.length < 4;
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const sections = this.categories.map((category) => ({
      category,
      text: `M-${randomUUID()}`,
    }));
    const body = { kind: this.kind, ...PERIOD, sections };
    const key = this.withKey ? `model-${randomUUID()}` : null;
    const created = await real.http.post(
      auth(real, user),
      `${API}/referrals/${r.id}/reports`,
      body,
      {
        headers: key ? { 'Idempotency-Key': key } : {},
      },
    );
    expectStatus(
      `${this.toString()} as ${user} on ${r.state}`,
      created,
      expectReport(m, user, r, this.kind),
    );
    if (created.status !== 201) return;
    same(
      `${this.toString()}: the author sees every section`,
      (created.body.sections as { category: string; text: string }[]).map((s) => ({
        category: s.category,
        text: s.text,
      })),
      sections,
    );
    const report: ReportM = { id: created.body.id, kind: this.kind, sections, submitted: false };
    r.reports.push(report);
    if (key) {
      m.keys.push({ key, referral: m.referrals.indexOf(r) });
      real.keyed.set(key, { referralId: r.id, body, answer: created.body });
    }
    if (!this.submit) return;
    const submitted = await real.http.post(
      auth(real, user),
      `${API}/reports/${report.id}/submit`,
      undefined,
      { ifMatch: created.headers.etag },
    );
    expectStatus(`${this.toString()}: submit`, submitted, 200);
    report.submitted = true;
  }
  toString(): string {
    return `SubmitReport(${this.where()} by ${this.who}: ${this.kind} [${this.categories.join(',')}]${this.submit ? '' : ' draft'}${this.withKey ? ' keyed' : ''})`;
  }
}

/** A retry of a keyed report creation: the first answer again, or 422 for another body. */
export class ReplayReport extends Base {
  constructor(
    private readonly keyIndex: number,
    private readonly who: Who,
    private readonly sameBody: boolean,
  ) {
    super();
  }
  check(m: Readonly<Model>): boolean {
    return m.keys.length > 0;
  }
  async act(m: Model, real: Real): Promise<void> {
    const k = pick(m.keys, this.keyIndex);
    const r = m.referrals[k.referral];
    const user = actorOf(this.who, r);
    const first = real.keyed.get(k.key)!;
    const body = this.sameBody ? first.body : { ...first.body, periodUntil: '2026-11-29' };
    const res = await real.http.post(auth(real, user), `${API}/referrals/${r.id}/reports`, body, {
      headers: { 'Idempotency-Key': k.key },
    });
    expectStatus(
      `${this.toString()} as ${user} on ${r.state}`,
      res,
      expectReplay(m, user, r, this.sameBody),
    );
    if (res.status === 201) same(`${this.toString()}: the stored answer`, res.body, first.answer);
    // Never a second report, whatever the answer.
    const rows = await real.http.get(
      auth(real, LEAD[r.provider]),
      `${API}/referrals/${r.id}/reports`,
      { query: { limit: 100 } },
    );
    if (!m.disabled.has(LEAD[r.provider]) && r.state !== 'draft') {
      expectStatus(`${this.toString()}: lead's list`, rows, 200);
      same(`${this.toString()}: reports`, rows.body.items.length, r.reports.length);
    }
  }
  toString(): string {
    return `ReplayReport(key#${this.keyIndex} by ${this.who}${this.sameBody ? '' : ', other body'})`;
  }
}
