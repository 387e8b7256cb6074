import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditAction } from '../../src/audit/audit-actions';
import { DataCategory } from '../../src/confidentiality/data-category';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent, submittedReport, workedReferral } from '../factories/reports';
import { createTestApp } from '../support/test-app';

/*
 * A revocation takes effect on the very next read of a report (docs/security.md items 6 and 39, R7):
 * between two reads, whether it is written by the API or by a bare committed UPDATE; and while
 * reads are in flight, where every read sent after the revocation resolved lacks the revoked
 * section, and none shows half of either state.
 */

const { Participation: P, Debts: D, Health: H } = DataCategory;

interface Section {
  category: DataCategory;
  text: string;
}

describe('revoking a release removes report sections from the next read', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let world: ReferralWorld;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  /**
   * A fresh client of A, a referral in progress at P1 with a submitted report of the given
   * sections (each text unique), and one consent of P1 releasing `released` to A.
   */
  async function releasedReport(categories: DataCategory[], released: DataCategory[]) {
    const referral = await workedReferral(app, world);
    const sections = categories.map((category) => ({
      category,
      text: `${category} ${randomUUID()}`,
    }));
    const report = await submittedReport(app, world.workerP1.actor, referral.id, { sections });
    const { consentId, grantIds } = await insertConsent(app, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: released.map((category) => ({
        category,
        recipientOrganisationId: world.jobcenterA,
      })),
    });
    const grantOf = (category: DataCategory) => grantIds[released.indexOf(category)];
    return { referralId: referral.id, reportId: report.id, sections, consentId, grantOf };
  }

  async function disclosures(requestId: string): Promise<string[][]> {
    const rows = await db.query<{ categories: string[] }[]>(
      'SELECT categories FROM audit_events WHERE action = $1 AND request_id = $2',
      [AuditAction.ContentDisclose, requestId],
    );
    return rows.map((r) => r.categories);
  }

  const texts = (sections: Section[]) => sections.map((s) => s.text);

  async function readBoth(reportId: string, referralId: string, headers: object = {}) {
    const auth = world.caseworkerA.authHeader;
    const detail = await http()
      .get(`/api/v1/reports/${reportId}`)
      .set({ ...auth, ...headers })
      .expect(200);
    const list = await http().get(`/api/v1/referrals/${referralId}/reports`).set(auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    return { detail, list, listSections: list.body.items[0].sections as Section[] };
  }

  it('by a committed UPDATE of revoked_at: the next read lacks the section, whatever the ETag says', async () => {
    const r = await releasedReport([P, H, D, H], [P, D, H]);
    const before = await readBoth(r.reportId, r.referralId);
    expect(texts(before.detail.body.sections)).toEqual(texts(r.sections));
    expect(texts(before.listSections)).toEqual(texts(r.sections));

    await db.query('UPDATE consent_grants SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [
      r.grantOf(H),
      world.workerP1.userId,
    ]);
    // A reader other than the author gets no ETag (its view depends on consent, not only on
    // the row), and a guessed one must not earn a "not modified" for what is now forbidden.
    expect(before.detail.headers.etag).toBeUndefined();
    const after = await readBoth(r.reportId, r.referralId, { 'If-None-Match': '"1"' });
    const rest = r.sections.filter((s) => s.category !== H);
    expect(texts(after.detail.body.sections)).toEqual(texts(rest));
    expect(texts(after.listSections)).toEqual(texts(rest));
    expect(after.detail.headers['cache-control']).toBe('no-store');
    const json = JSON.stringify([after.detail.body, after.list.body]);
    for (const s of r.sections.filter((x) => x.category === H)) expect(json).not.toContain(s.text);
    expect(json).not.toContain(`"${H}"`);
    for (const res of [after.detail, after.list]) {
      expect(await disclosures(res.headers['x-request-id'])).toEqual([[D, P].sort()]);
    }
  });

  it('by POST /consents/{id}/revoke of the releasing provider: the next read lacks it', async () => {
    const r = await releasedReport([D, P, D], [P, D]);
    expect(texts((await readBoth(r.reportId, r.referralId)).detail.body.sections)).toHaveLength(3);
    await http()
      .post(`/api/v1/consents/${r.consentId}/revoke`)
      .set(world.workerP1.authHeader)
      .send({ grantIds: [r.grantOf(D)] })
      .expect(200);
    const after = await readBoth(r.reportId, r.referralId);
    expect(after.detail.body.sections).toEqual([
      { id: expect.any(String), category: P, text: r.sections[1].text, fields: null },
    ]);
    expect(texts(after.listSections)).toEqual([r.sections[1].text]);
    expect(await disclosures(after.detail.headers['x-request-id'])).toEqual([[P]]);
  });

  it('by the case manager revoking everything to the jobcenter: nothing released, and nothing audited', async () => {
    const r = await releasedReport([H, P], [H, P]);
    expect((await readBoth(r.reportId, r.referralId)).detail.body.nothingReleased).toBe(false);
    await http()
      .post(`/api/v1/consents/${r.consentId}/revoke`)
      .set(world.caseworkerA.authHeader)
      .send({})
      .expect(200);
    const after = await readBoth(r.reportId, r.referralId);
    expect(after.detail.body).toMatchObject({ sections: [], nothingReleased: true });
    expect(after.list.body.items[0]).toMatchObject({ sections: [], nothingReleased: true });
    for (const res of [after.detail, after.list]) {
      expect(await disclosures(res.headers['x-request-id'])).toEqual([]);
    }
  });

  describe('racing reads', () => {
    const READS = 50;
    /** The last reads of a round wait for the revocation, so that each round has reads after it. */
    const HELD_BACK = 10;
    const ROUNDS = 5;
    let baseUrl: string;

    interface Read {
      /** Client-side, before the request was handed to fetch. */
      sentAt: number;
      status: number;
      requestId: string;
      route: 'report' | 'list';
      nothingReleased: boolean;
      texts: string[];
    }

    beforeAll(async () => {
      // A listening server, so that a request leaves when it is sent.
      await app.listen(0, '127.0.0.1');
      baseUrl = await app.getUrl();
    });

    async function read(route: Read['route'], reportId: string, referralId: string) {
      const sentAt = performance.now();
      const path = route === 'report' ? `reports/${reportId}` : `referrals/${referralId}/reports`;
      const res = await fetch(`${baseUrl}/api/v1/${path}`, {
        headers: world.caseworkerA.authHeader,
      });
      const body = (await res.json()) as {
        items?: { sections: Section[]; nothingReleased: boolean }[];
        sections: Section[];
        nothingReleased: boolean;
      };
      const report = route === 'report' ? body : body.items![0];
      return {
        sentAt,
        status: res.status,
        requestId: res.headers.get('x-request-id') ?? '',
        route,
        nothingReleased: report.nothingReleased,
        texts: texts(report.sections),
      } satisfies Read;
    }

    async function revoke(via: 'api' | 'sql', consentId: string, grantId: string) {
      if (via === 'api') {
        const res = await fetch(`${baseUrl}/api/v1/consents/${consentId}/revoke`, {
          method: 'POST',
          headers: { ...world.workerP1.authHeader, 'Content-Type': 'application/json' },
          body: JSON.stringify({ grantIds: [grantId] }),
        });
        expect(res.status).toBe(200);
        return;
      }
      await db.query(
        'UPDATE consent_grants SET revoked_at = clock_timestamp(), revoked_by = $2 WHERE id = $1',
        [grantId, world.workerP1.userId],
      );
    }

    it(`never shows a revoked section to a read sent after the revocation (${ROUNDS} rounds of ${READS} reads)`, async () => {
      const everyRead: (Read & { shownCategories: DataCategory[] })[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const r = await releasedReport([P, H, P], [P, H]);
        const all = texts(r.sections);
        const withoutHealth = texts(r.sections.filter((s) => s.category !== H));
        const via = round % 2 === 0 ? 'sql' : 'api';
        const revokeAt = 5 + round * 7;
        let revocation: Promise<void> | undefined;
        let committedAt = Infinity;
        let next: Promise<Read> | undefined;
        const reads: Promise<Read>[] = [];
        for (let i = 0; i < READS; i++) {
          if (i === revokeAt) {
            revocation = revoke(via, r.consentId, r.grantOf(H)).then(() => {
              committedAt = performance.now();
              next = read('report', r.reportId, r.referralId);
            });
          }
          if (i === READS - HELD_BACK) await revocation;
          reads.push(read(i % 2 === 0 ? 'report' : 'list', r.reportId, r.referralId));
          await sleep(1);
        }
        await revocation;
        const results = await Promise.all(reads);
        const nextRead = await next!;

        expect(results.every((x) => x.status === 200)).toBe(true);
        const after = results.filter((x) => x.sentAt > committedAt);
        expect(after.length).toBeGreaterThanOrEqual(HELD_BACK);
        expect(
          after
            .filter((x) => x.texts.some((t) => !withoutHealth.includes(t)))
            .map((x) => x.requestId),
        ).toEqual([]);
        expect(nextRead).toMatchObject({
          status: 200,
          texts: withoutHealth,
          nothingReleased: false,
        });
        // No torn answers: all three sections, or exactly the two participation ones.
        for (const x of results) {
          expect({
            id: x.requestId,
            ok: [all, withoutHealth].some((t) => t.join() === x.texts.join()),
          }).toEqual({ id: x.requestId, ok: true });
          expect(x.nothingReleased).toBe(false);
        }
        for (const x of [...results, nextRead]) {
          everyRead.push({
            ...x,
            shownCategories: x.texts.length === all.length ? [H, P].sort() : [P],
          });
        }
      }
      // Every response left exactly one disclosure event, naming what it showed.
      const events = await db.query<{ request_id: string; categories: string[] }[]>(
        'SELECT request_id, categories FROM audit_events WHERE action = $1 AND request_id = ANY($2)',
        [AuditAction.ContentDisclose, everyRead.map((x) => x.requestId)],
      );
      expect(new Set(everyRead.map((x) => x.requestId)).size).toBe(everyRead.length);
      const eventsOf = (id: string) =>
        events.filter((e) => e.request_id === id).map((e) => e.categories);
      for (const x of everyRead) {
        expect({ id: x.requestId, events: eventsOf(x.requestId) }).toEqual({
          id: x.requestId,
          events: [x.shownCategories],
        });
      }
      expect(events).toHaveLength(everyRead.length);
      // The race was real: some reads still saw the released health section.
      expect(everyRead.filter((x) => x.shownCategories.includes(H)).length).toBeGreaterThan(0);
    }, 120_000);
  });
});
