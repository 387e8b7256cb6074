import { API, type Who, actorOf, expectStatus, same, auth, OnReferral } from './command-base';
import {
  type Action,
  effectiveSeenBy,
  firstContact,
  jobcenterHistory,
  jobcenterReports,
  type Model,
  released,
  seesClientRecord,
  seesReferral,
  reachesConsentsOf,
} from './oracle';
import type { Real } from './world';

/*
 * Reads: the API's answer compared with the oracle's view, for the jobcenter and the providers.
 */

interface ReportBody {
  id: string;
  status: string;
  nothingReleased: boolean;
  sections: { category: string; text: string }[];
}
const shapeOf = (b: ReportBody) => ({
  id: b.id,
  nothingReleased: b.nothingReleased,
  sections: b.sections.map((s) => ({ category: s.category, text: s.text })),
});
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** The case manager of A (or of B, who must learn nothing) reads the referral and its reports. */
export class JobcenterRead extends OnReferral {
  constructor(
    ref: number,
    private readonly who: 'caseworkerA' | 'caseworkerB',
  ) {
    super(ref);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const get = (path: string) =>
      real.http.get(auth(real, user), `${API}${path}`, {
        query: path.endsWith('/reports') ? { limit: 100 } : {},
      });
    const one = await get(`/referrals/${r.id}`);
    if (m.disabled.has(user)) return expectStatus(`${this.toString()}: disabled ${user}`, one, 401);
    const client = real.clients[r.client];
    if (!seesReferral(user, r)) {
      for (const path of [
        `/referrals/${r.id}`,
        `/referrals/${r.id}/history`,
        `/referrals/${r.id}/activities`,
        `/referrals/${r.id}/reports`,
        ...r.reports.map((rep) => `/reports/${rep.id}`),
        `/clients/${client}/consents/effective`,
      ]) {
        expectStatus(`${this.toString()}: GET ${path} as ${user}`, await get(path), 404);
      }
      return;
    }
    const open = released(r, 'A');
    expectStatus(`${this.toString()}: referral`, one, 200);
    same(`${this.toString()}: state`, one.body.state, r.state);
    same(
      `${this.toString()}: firstContactAt shown (participation released)`,
      'firstContactAt' in one.body,
      open.has('participation'),
    );
    if (open.has('participation')) {
      same(`${this.toString()}: firstContactAt`, one.body.firstContactAt, firstContact(r));
    }
    const activities = await get(`/referrals/${r.id}/activities`);
    expectStatus(`${this.toString()}: activities`, activities, 200);
    same(
      `${this.toString()}: activities as released`,
      {
        ids: (activities.body.items as { id: string }[]).map((a) => a.id).sort(),
        nothingReleased: activities.body.nothingReleased,
      },
      open.has('participation')
        ? { ids: r.activities.map((a) => a.id).sort(), nothingReleased: false }
        : { ids: [], nothingReleased: true },
    );
    same(
      `${this.toString()}: no internal note or author reaches the jobcenter`,
      (activities.body.items as object[]).filter((a) => 'note' in a || 'recordedById' in a),
      [],
    );
    const bodies: unknown[] = [one.body, activities.body];

    const history = await get(`/referrals/${r.id}/history`);
    expectStatus(`${this.toString()}: history`, history, 200);
    same(
      `${this.toString()}: history as released`,
      (
        history.body.items as { action: Action | null; toState: string; reason: string | null }[]
      ).map((h) => [h.action, h.toState, h.reason]),
      jobcenterHistory(r),
    );

    const expected = jobcenterReports(r).map((rep) => ({
      id: rep.id,
      nothingReleased: rep.sections.length === 0,
      sections: rep.sections,
    }));
    const list = await get(`/referrals/${r.id}/reports`);
    expectStatus(`${this.toString()}: reports`, list, 200);
    same(
      `${this.toString()}: reports as released (released: ${[...open].join(',') || 'nothing'})`,
      (list.body.items as ReportBody[]).map(shapeOf).sort(byId),
      [...expected].sort(byId),
    );
    bodies.push(list.body, history.body);
    for (const rep of r.reports) {
      const res = await get(`/reports/${rep.id}`);
      expectStatus(
        `${this.toString()}: report ${rep.id} (${rep.submitted ? 'submitted' : 'draft'})`,
        res,
        rep.submitted ? 200 : 404,
      );
      if (res.status === 200) {
        same(
          `${this.toString()}: report as released`,
          shapeOf(res.body),
          expected.find((e) => e.id === rep.id),
        );
      }
      bodies.push(res.body);
    }
    const effective = await get(`/clients/${client}/consents/effective`);
    expectStatus(`${this.toString()}: effective consent`, effective, 200);
    const seen = effectiveSeenBy(m, user, r.client);
    same(
      `${this.toString()}: effective consent`,
      {
        nothingReleased: effective.body.nothingReleased,
        grants: (
          effective.body.grants as {
            category: string;
            releasingOrganisationId: string;
            recipientOrganisationId: string;
          }[]
        )
          .map(
            (g) =>
              `${keyOf(real, g.releasingOrganisationId)}→${keyOf(real, g.recipientOrganisationId)}:${g.category}`,
          )
          .sort(),
      },
      { nothingReleased: seen.length === 0, grants: seen },
    );
    // Not a trace of a withheld or draft section anywhere.
    const json = JSON.stringify(bodies);
    const withheld = r.reports
      .flatMap((rep) => rep.sections.filter((s) => !rep.submitted || !open.has(s.category)))
      .map((s) => s.text);
    same(
      `${this.toString()}: withheld texts in the responses`,
      withheld.filter((t) => json.includes(t)),
      [],
    );
  }
  toString(): string {
    return `JobcenterRead(ref${this.ref} by ${this.who})`;
  }
}

function keyOf(real: Real, orgId: string): string {
  if (orgId === real.partner.id) return 'C';
  return (
    (Object.keys(real.org) as (keyof Real['org'])[]).find((k) => real.org[k] === orgId) ?? orgId
  );
}

/** A provider user reads the referral, the client's record, reports, history and consents. */
export class ProviderRead extends OnReferral {
  constructor(
    ref: number,
    private readonly who: Who,
  ) {
    super(ref);
  }
  async act(m: Model, real: Real): Promise<void> {
    const r = this.referral(m);
    const user = actorOf(this.who, r);
    const get = (path: string, query: Record<string, string | number> = {}) =>
      real.http.get(auth(real, user), `${API}${path}`, { query: query });
    const one = await get(`/referrals/${r.id}`);
    if (m.disabled.has(user)) return expectStatus(`${this.toString()}: disabled ${user}`, one, 401);
    const sees = seesReferral(user, r);
    const where = `${this.toString()} = ${user} (${r.state}, ${r.provider}, worker ${r.worker})`;
    expectStatus(`${where}: referral`, one, sees ? 200 : 404);
    if (sees) {
      same(`${where}: state`, one.body.state, r.state);
      same(`${where}: client identified (accepted once)`, 'clientId' in one.body, r.accepted);
      if (r.accepted) same(`${where}: firstContactAt`, one.body.firstContactAt, firstContact(r));
    }
    const activities = await get(`/referrals/${r.id}/activities`);
    expectStatus(`${where}: activities`, activities, sees ? 200 : 404);
    if (sees) {
      same(
        `${where}: own activities`,
        (activities.body.items as { id: string }[]).map((a) => a.id).sort(),
        r.activities.map((a) => a.id).sort(),
      );
    }
    const client = await get(`/referrals/${r.id}/client`);
    expectStatus(`${where}: client record`, client, seesClientRecord(user, r) ? 200 : 404);
    if (client.status === 200) same(`${where}: client`, client.body.id, real.clients[r.client]);

    const history = await get(`/referrals/${r.id}/history`);
    expectStatus(`${where}: history`, history, sees ? 200 : 404);
    if (sees) {
      same(
        `${where}: history with every reason`,
        (history.body.items as { action: Action | null; reason: string | null }[]).map((h) => [
          h.action,
          h.reason,
        ]),
        r.history.map((h) => [h.action, h.reason]),
      );
    }
    const list = await get(`/referrals/${r.id}/reports`, { limit: 100 });
    expectStatus(`${where}: reports`, list, sees ? 200 : 404);
    const full = r.reports.map((rep) => ({
      id: rep.id,
      status: rep.submitted ? 'submitted' : 'draft',
      sections: rep.sections,
    }));
    const mine = (b: ReportBody) => ({
      id: b.id,
      status: b.status,
      sections: b.sections.map((s) => ({ category: s.category, text: s.text })),
    });
    if (sees) {
      same(
        `${where}: own reports in full`,
        (list.body.items as ReportBody[]).map(mine).sort(byId),
        [...full].sort(byId),
      );
    }
    for (const rep of r.reports) {
      const res = await get(`/reports/${rep.id}`);
      expectStatus(`${where}: report ${rep.id}`, res, sees ? 200 : 404);
      if (sees)
        same(
          `${where}: report`,
          mine(res.body),
          full.find((f) => f.id === rep.id),
        );
    }
    // The list of the client's referrals holds exactly those the caller sees.
    const listed = await get('/referrals', { clientId: real.clients[r.client], limit: 100 });
    expectStatus(`${where}: list`, listed, 200);
    same(
      `${where}: listed referrals of the client`,
      (listed.body.items as { id: string }[]).map((i) => i.id).sort(),
      m.referrals
        .filter((x) => x.client === r.client && seesReferral(user, x))
        .map((x) => x.id)
        .sort(),
    );
    const effective = await get(`/clients/${real.clients[r.client]}/consents/effective`);
    // Revocation is always possible: the provider reaches its own records after closing too.
    const reaches = reachesConsentsOf(m, user, r.client);
    expectStatus(`${where}: effective consent`, effective, reaches ? 200 : 404);
    if (reaches) {
      same(
        `${where}: effective consent`,
        (
          effective.body.grants as {
            category: string;
            releasingOrganisationId: string;
            recipientOrganisationId: string;
          }[]
        )
          .map(
            (g) =>
              `${keyOf(real, g.releasingOrganisationId)}→${keyOf(real, g.recipientOrganisationId)}:${g.category}`,
          )
          .sort(),
        effectiveSeenBy(m, user, r.client),
      );
    }
  }
  toString(): string {
    return `ProviderRead(ref${this.ref} by ${this.who})`;
  }
}
