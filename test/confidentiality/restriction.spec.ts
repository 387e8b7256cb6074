import { insertAppointment } from '../factories/appointments';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { routeInventory } from '../../src/auth/route-inventory';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { insertConsent, submittedReport } from '../factories/reports';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import type { TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * The path prefixes whose `{id}` is a client's data: a route under one of them touches a client.
 * Every other `{id}` route names something that is no client's (an organisation, a user, ...):
 * a new prefix fails the enumeration below until it is sorted into one of the two lists.
 */
const CLIENT_PREFIXES = [
  '/clients/{id}',
  '/referrals/{id}',
  '/reports/{id}',
  '/consents/{id}',
  '/appointments/{id}',
  '/onward-referrals/{id}',
];
const NOT_ABOUT_A_CLIENT = [
  '/organisations/{id}',
  '/users/{id}',
  '/api-keys/{id}',
  '/approval-requests/{id}',
  '/providers/{id}',
  '/contracts/{id}',
  '/consent-templates/{id}',
  // Sign-in and identity links (ADR 0018), webhook subscriptions and deliveries (ADR 0019):
  // an event names ids only, never a client's data.
  '/auth/oidc/{id}',
  '/identity-links/{id}',
  '/webhook-subscriptions/{id}',
  '/webhook-deliveries/{id}',
  // A billing statement (ADR 0023) is a contract's month: referral ids and units, no client's
  // data; a restricted client's lines stay billable (the provider's claim, Art. 18(2) GDPR).
  '/statements/{id}',
];

/** The data protection routes themselves and what stays possible under restriction. */
const NOT_REFUSED: Record<string, string> = {
  'POST /api/v1/clients/{id}/restriction': 'imposes it (the auditor)',
  'DELETE /api/v1/clients/{id}/restriction': 'lifts it (the auditor)',
  'POST /api/v1/clients/{id}/consents/revoke': 'a revocation answers nothing (Art. 7(3) GDPR)',
  'GET /api/v1/clients/{id}/disclosures': 'the auditor reads it; tested below for the others',
  'GET /api/v1/clients/{id}/data-copy':
    'the Art. 15 copy: the auditor produces it, restricted or not',
  'GET /api/v1/clients/{id}/data-copy/text': 'the same copy as text',
  'GET /api/v1/clients/{id}/provider-data-copy':
    "the provider's part of the Art. 15 copy: only a provider's auditor (no party here has the " +
    'role), refused under restriction (test/data-protection/data-copy.spec.ts)',
  'GET /api/v1/clients/{id}/provider-data-copy/text': 'the same part as text',
  'POST /api/v1/clients/{id}/erasure': 'the auditor erases a restricted client too',
  // ADR 0022: refused to the partner and the provider under restriction, but to the jobcenter a
  // 404 whatever the restriction, so that it never learns an unreleased onward referral exists
  // (test/partners/onward-referrals.spec.ts, "restriction").
  'GET /api/v1/onward-referrals/{id}': 'the partner and the provider: tested in test/partners',
  'POST /api/v1/onward-referrals/{id}/accept': 'the partner: tested in test/partners',
  'POST /api/v1/onward-referrals/{id}/decline': 'the partner: tested in test/partners',
  'POST /api/v1/onward-referrals/{id}/uptake': 'the partner: tested in test/partners',
};

/**
 * Restriction of processing (Art. 18 GDPR, issue 20 point 3, ADR 0020): a restricted client
 * stays stored, but every route that touches them refuses everybody with
 * `processing-restricted`, lists leave them out, and only the owning jobcenter's auditor reads
 * their disclosure record; lifting is audited and gives everything back.
 */
describe('restriction of processing', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let clientId: string;
  let referralId: string;
  let reportId: string;
  let consentId: string;
  let otherClientId: string;
  let appointmentId: string;

  const restrict = (id: string, as: TestUser = world.auditorA) =>
    http.post(as, `${API}/clients/${id}/restriction`, { ground: 'accuracy_contested' });

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    clientId = client.id;
    const referral = await referralInState(app, world, ReferralState.InProgress, { clientId });
    referralId = referral.id;
    consentId = (
      await insertConsent(app, {
        clientId,
        referralId,
        releasingOrganisationId: world.providerP1,
        recordedBy: world.workerP1.userId,
        grants: [
          { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
        ],
      })
    ).consentId;
    reportId = (await submittedReport(app, world.workerP1.actor, referralId)).id;
    appointmentId = (
      await insertAppointment(app, {
        referralId,
        createdById: world.caseworkerA.userId,
        accompanimentWished: true,
        confirmed: true,
      })
    ).id;
    otherClientId = (await createClient(app, { jobcenterId: world.jobcenterA })).id;
    await referralInState(app, world, ReferralState.InProgress, { clientId: otherClientId });
  });
  afterAll(async () => {
    await app.close();
  });

  /** The id a route's `{id}` takes for the restricted client's data. */
  function idFor(path: string): string {
    if (path.startsWith(`${API}/clients/{id}`)) return clientId;
    if (path.startsWith(`${API}/referrals/{id}`)) return referralId;
    if (path.startsWith(`${API}/reports/{id}`)) return reportId;
    if (path.startsWith(`${API}/consents/{id}`)) return consentId;
    if (path.startsWith(`${API}/appointments/{id}`)) return appointmentId;
    throw new Error(`no id for ${path}`);
  }

  function clientRoutes(): string[] {
    const routes = routeInventory(app, API).map((r) => r.route);
    const unsorted = routes.filter((route) => {
      const path = route.split(' ')[1].slice(API.length);
      return (
        path.includes('{id}') &&
        ![...CLIENT_PREFIXES, ...NOT_ABOUT_A_CLIENT].some((prefix) => path.startsWith(prefix))
      );
    });
    expect(unsorted).toEqual([]);
    return routes.filter((route) => {
      const path = route.split(' ')[1].slice(API.length);
      return CLIENT_PREFIXES.some((prefix) => path.startsWith(prefix)) && !NOT_REFUSED[route];
    });
  }

  it('the enumeration finds every route touching a client', () => {
    const routes = clientRoutes();
    // A floor, not the exact list: a route added under a client prefix is covered without edit.
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/clients/{id}',
        'GET /api/v1/referrals/{id}/client',
        'GET /api/v1/reports/{id}',
        'GET /api/v1/consents/{id}/receipt',
      ]),
    );
  });

  it('before the restriction, the parties read the client’s data', async () => {
    expect((await http.get(world.caseworkerA, `${API}/clients/${clientId}`)).status).toBe(200);
    expect((await http.get(world.workerP1, `${API}/referrals/${referralId}`)).status).toBe(200);
    expect((await http.get(world.caseworkerA, `${API}/reports/${reportId}`)).status).toBe(200);
  });

  it('only the owning jobcenter’s auditor restricts: others get 403 (role) or 404', async () => {
    expectProblem(await restrict(clientId, world.caseworkerA), 403, 'forbidden');
    expectProblem(await restrict(clientId, world.leadP1), 403, 'forbidden');
    const foreign = await createClient(app, { jobcenterId: world.jobcenterB });
    expectProblem(await restrict(foreign.id), 404, 'not-found');
  });

  describe('while restricted', () => {
    beforeAll(async () => {
      const res = await restrict(clientId);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        clientId,
        ground: 'accuracy_contested',
        restrictedAt: expect.any(String),
      });
    });

    it('a second restriction is a 409', async () => {
      expectProblem(await restrict(clientId), 409, 'already-restricted');
    });

    it('every route touching the client refuses each party with processing-restricted', async () => {
      const parties = [world.caseworkerA, world.leadA, world.leadP1, world.workerP1];
      const refusals: string[] = [];
      for (const route of clientRoutes()) {
        const [method, template] = route.split(' ');
        const path = template.replace('{id}', idFor(template));
        for (const party of parties) {
          const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
          const res = await http.send(party, verb, path, verb === 'get' ? undefined : {}, {
            ifMatch: '"1"',
            headers: { 'Idempotency-Key': `restricted-${Math.random()}` },
          });
          // The role's own refusal comes before any object is looked at; anything else must be
          // the restriction (never 2xx, never a 404/409/412 that would tell something).
          const kind = (res.body as { type?: string }).type;
          if (res.status === 403 && kind === 'urn:lotse:problem:forbidden') continue;
          if (res.status === 400 && kind === 'urn:lotse:problem:validation-error') continue;
          if (kind !== 'urn:lotse:problem:processing-restricted') {
            refusals.push(`${route} as ${party.email}: ${res.status} ${kind}`);
          }
        }
      }
      expect(refusals).toEqual([]);
    });

    it('every GET route touching the client refuses the jobcenter’s case manager (its owner)', async () => {
      for (const route of clientRoutes().filter((r) => r.startsWith('GET '))) {
        const path = route.split(' ')[1];
        const res = await http.get(world.caseworkerA, path.replace('{id}', idFor(path)), {
          query: path.endsWith('/preview') ? { recipientId: world.jobcenterA } : {},
        });
        if (path.startsWith(`${API}/reports/{id}/preview`)) continue; // a provider's route
        expectProblem(res, 403, 'processing-restricted');
      }
    });

    it('lists leave the client out; another client stays', async () => {
      const clients = await http.get(world.caseworkerA, `${API}/clients`, {
        query: { limit: 100 },
      });
      const clientIds = (clients.body.items as { id: string }[]).map((c) => c.id);
      expect(clientIds).not.toContain(clientId);
      expect(clientIds).toContain(otherClientId);
      for (const actor of [world.caseworkerA, world.leadP1]) {
        const referrals = await http.get(actor, `${API}/referrals`, { query: { limit: 100 } });
        const ids = (referrals.body.items as { id: string; clientId?: string }[]).map((r) => r.id);
        expect(ids).not.toContain(referralId);
        expect(ids.length).toBeGreaterThan(0);
      }
      const filtered = await http.get(world.caseworkerA, `${API}/referrals`, {
        query: { clientId },
      });
      expect(filtered.body.items).toEqual([]);
    });

    it('the disclosure record: the owning auditor reads it, the case manager is refused', async () => {
      const path = `${API}/clients/${clientId}/disclosures`;
      expect((await http.get(world.auditorA, path)).status).toBe(200);
      expectProblem(await http.get(world.caseworkerA, path), 403, 'processing-restricted');
    });

    it('a revocation of everything stays possible and answers nothing', async () => {
      const res = await http.post(world.caseworkerA, `${API}/clients/${clientId}/consents/revoke`, {
        categories: [DataCategory.Goals],
      });
      expect(res.status).toBe(204);
    });

    it('a new referral of the client is refused', async () => {
      const res = await http.post(world.caseworkerA, `${API}/referrals`, {
        clientId,
        providerId: world.providerP1,
        reasonCategory: 'lost_contact',
        requestedServices: ['outreach_home_visits'],
      });
      expectProblem(res, 403, 'processing-restricted');
    });
  });

  describe('lifting', () => {
    it('is the auditor’s, audited with the ground, and gives the data back', async () => {
      expectProblem(
        await http.delete(world.caseworkerA, `${API}/clients/${clientId}/restriction`),
        403,
        'forbidden',
      );
      const lifted = await http.delete(world.auditorA, `${API}/clients/${clientId}/restriction`);
      expect(lifted.status).toBe(204);
      expectProblem(
        await http.delete(world.auditorA, `${API}/clients/${clientId}/restriction`),
        409,
        'not-restricted',
      );
      const events = await app
        .get(DataSource)
        .query<{ action: string; details: Record<string, unknown> }[]>(
          `SELECT action, details FROM audit_events
            WHERE client_id = $1 AND action IN ('client.restrict', 'client.restriction_lift')
            ORDER BY occurred_at`,
          [clientId],
        );
      expect(events).toEqual([
        { action: 'client.restrict', details: { ground: 'accuracy_contested' } },
        { action: 'client.restriction_lift', details: { ground: 'accuracy_contested' } },
      ]);
      expect((await http.get(world.caseworkerA, `${API}/clients/${clientId}`)).status).toBe(200);
      expect((await http.get(world.workerP1, `${API}/referrals/${referralId}`)).status).toBe(200);
    });
  });
});
