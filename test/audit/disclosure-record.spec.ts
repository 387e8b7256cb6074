import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditAction } from '../../src/audit/audit-actions';
import { AuditService } from '../../src/audit/audit.service';
import { Role } from '../../src/auth/role';
import { encodeCursor } from '../../src/common/pagination/cursor';
import { DataCategory } from '../../src/confidentiality/data-category';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { createClient } from '../factories/clients';
import { consentBody, createApprovedTemplate } from '../factories/consent';
import { createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

interface Entry {
  occurredAt: string;
  recipientOrganisationId: string;
  recipientOrganisationName: string | null;
  recipientKind: string;
  what: string;
  categories: string[];
  authorOrganisationId: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client's disclosure record. The client of the world has a referral to P1, worked by P1's
 * worker; the disclosures are made through the real routes: the jobcenter reads the activities
 * the client released to it, P1's worker reads the client record.
 */
describe('GET /api/v1/clients/{id}/disclosures', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let db: DataSource;
  let operatorAuditor: TestUser;
  let auditorB: TestUser;
  let auditorP1: TestUser;
  let auditorP2: TestUser;
  let referral: Referral;
  let names: Record<string, string>;
  /** Time windows around the two disclosures, and a moment between them. */
  let contentWindow: [Date, Date];
  let clientWindow: [Date, Date];
  let between: Date;
  let http: TestHttp;
  const recordOf = (clientId: string, user: TestUser, query = '') =>
    http.get(user, `/api/v1/clients/${clientId}/disclosures${query}`);

  /** Releases `categories` of the provider's content to jobcenter A, through the route. */
  async function release(
    worker: TestUser,
    providerId: string,
    clientId: string,
    referralId: string,
  ): Promise<void> {
    const template = await createApprovedTemplate(app, providerId, [DataCategory.Participation]);
    await http
      .post(
        worker,
        `/api/v1/clients/${clientId}/consents`,
        consentBody({
          referralId,
          templateId: template.id,
          grants: [
            { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
          ],
        }),
      )
      .expect(201);
  }

  async function logVisit(worker: TestUser, referralId: string): Promise<void> {
    await http
      .post(worker, `/api/v1/referrals/${referralId}/activities`, {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        reached: true,
        note: 'Provider-internal note',
      })
      .expect(201);
  }

  async function timed(run: () => Promise<unknown>): Promise<[Date, Date]> {
    const before = new Date();
    await run();
    return [before, new Date()];
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    db = app.get(DataSource);
    world = await buildReferralWorld(app);
    [operatorAuditor, auditorB, auditorP1, auditorP2] = await Promise.all([
      createUser(app, { roles: [Role.Auditor], organisationKind: OrganisationKind.Operator }),
      createUser(app, { roles: [Role.Auditor], organisationId: world.jobcenterB }),
      createUser(app, { roles: [Role.Auditor], organisationId: world.providerP1 }),
      createUser(app, { roles: [Role.Auditor], organisationId: world.providerP2 }),
    ]);
    const rows = await db.query<{ id: string; name: string }[]>(
      'SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[])',
      [[world.jobcenterA, world.jobcenterB, world.providerP1, world.providerP2]],
    );
    names = Object.fromEntries(rows.map((r) => [r.id, r.name]));

    referral = await referralInState(app, world, ReferralState.InProgress);
    await release(world.workerP1, world.providerP1, world.client.id, referral.id);
    await logVisit(world.workerP1, referral.id);
    // Not disclosures: the provider reads its own content, the jobcenter its own client.
    await http.get(world.workerP1, `/api/v1/referrals/${referral.id}/activities`).expect(200);
    await http.get(world.caseworkerA, `/api/v1/referrals/${referral.id}/client`).expect(200);

    contentWindow = await timed(async () => {
      const res = await http
        .get(world.caseworkerA, `/api/v1/referrals/${referral.id}/activities`)
        .expect(200);
      expect(res.body.items).toHaveLength(1);
    });
    await sleep(20);
    between = new Date();
    await sleep(20);
    clientWindow = await timed(() =>
      http.get(world.workerP1, `/api/v1/referrals/${referral.id}/client`).expect(200),
    );
    // Only successful disclosures count: an event that records a failed one is left out.
    await app.get(AuditService).recordAlone({
      actorKind: 'user',
      actorId: world.caseworkerA.userId,
      organisationId: world.jobcenterA,
      action: AuditAction.ContentDisclose,
      outcome: 'failure',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: world.client.id,
      categories: [DataCategory.Health],
      details: { authorOrganisationId: world.providerP1 },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const within = (at: string, [from, to]: [Date, Date]) => {
    const t = new Date(at).getTime();
    // The database's clock and ours are the same machine's; allow a little slack either way.
    expect(t).toBeGreaterThanOrEqual(from.getTime() - 1000);
    expect(t).toBeLessThanOrEqual(to.getTime() + 1000);
  };

  it('lists who received what and when, newest first, naming organisations only', async () => {
    const res = await recordOf(world.client.id, world.workerP1).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = res.body.items as Entry[];
    expect(res.body.nextCursor).toBeNull();
    expect(items).toEqual([
      {
        occurredAt: expect.any(String),
        recipientOrganisationId: world.providerP1,
        recipientOrganisationName: names[world.providerP1],
        recipientKind: 'user',
        what: 'client_record',
        categories: [],
        authorOrganisationId: null,
      },
      {
        occurredAt: expect.any(String),
        recipientOrganisationId: world.jobcenterA,
        recipientOrganisationName: names[world.jobcenterA],
        recipientKind: 'user',
        what: 'case_content',
        categories: ['participation'],
        authorOrganisationId: world.providerP1,
      },
    ]);
    within(items[0].occurredAt, clientWindow);
    within(items[1].occurredAt, contentWindow);
    const body = JSON.stringify(res.body);
    for (const person of [world.workerP1.userId, world.caseworkerA.userId]) {
      expect(body).not.toContain(person);
    }
    expect(body).not.toMatch(/requestId|actorId/);
  });

  it('is filtered by time: from inclusive, to exclusive', async () => {
    const at = encodeURIComponent(between.toISOString());
    const after = await recordOf(world.client.id, operatorAuditor, `?from=${at}`).expect(200);
    expect(after.body.items.map((e: Entry) => e.what)).toEqual(['client_record']);
    const before = await recordOf(world.client.id, operatorAuditor, `?to=${at}`).expect(200);
    expect(before.body.items.map((e: Entry) => e.what)).toEqual(['case_content']);
    const none = await recordOf(world.client.id, operatorAuditor, `?from=${at}&to=${at}`).expect(
      200,
    );
    expect(none.body.items).toEqual([]);
    expectProblem(
      await recordOf(world.client.id, operatorAuditor, '?from=2026-11-21T10:00:00'),
      400,
      'validation-error',
    );
  });

  it('pages by cursor', async () => {
    const first = await recordOf(world.client.id, auditorP1, '?limit=1').expect(200);
    expect(first.body.items.map((e: Entry) => e.what)).toEqual(['client_record']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await recordOf(
      world.client.id,
      auditorP1,
      `?limit=1&cursor=${first.body.nextCursor}`,
    ).expect(200);
    expect(second.body.items.map((e: Entry) => e.what)).toEqual(['case_content']);
    expect(second.body.nextCursor).toBeNull();
    for (const cursor of [
      encodeCursor('audit-events', ['1']),
      encodeCursor('client-disclosures', ['1 OR 1=1']),
    ]) {
      expectProblem(
        await recordOf(world.client.id, auditorP1, `?cursor=${cursor}`),
        400,
        'invalid-cursor',
      );
    }
  });

  it("is readable by the client's jobcenter, the provider working the case and the auditors concerned, 404 for everybody else", async () => {
    const allowed = {
      'case manager of jobcenter A': world.caseworkerA,
      'assigned worker of P1': world.workerP1,
      'lead of P1': world.leadP1,
      'auditor of jobcenter A': world.auditorA,
      'auditor of P1': auditorP1,
      'auditor of the operator': operatorAuditor,
    };
    for (const [who, user] of Object.entries(allowed)) {
      const res = await recordOf(world.client.id, user);
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
      expect(res.body.items).toHaveLength(2);
    }
    const hidden = {
      'unassigned worker of P1': world.otherWorkerP1,
      'worker of P2': world.workerP2,
      'lead of P2': world.leadP2,
      'auditor of jobcenter B': auditorB,
      'auditor of P2': auditorP2,
    };
    for (const [who, user] of Object.entries(hidden)) {
      const res = await recordOf(world.client.id, user);
      expect({ who, status: res.status }).toEqual({ who, status: 404 });
      expectProblem(res, 404, 'not-found');
    }
    // The same answer as for a client that does not exist.
    expectProblem(await recordOf(randomUUID(), operatorAuditor), 404, 'not-found');
    expectProblem(await recordOf('not-a-uuid', operatorAuditor), 400, 'validation-error');
    expectProblem(await recordOf(world.client.id, world.caseworkerB), 404, 'not-found');
    for (const user of [world.leadA, world.admin]) {
      expectProblem(await recordOf(world.client.id, user), 403, 'forbidden');
    }
  });

  it('records every read of the record, in the same transaction, and only a denial for a refused one', async () => {
    const res = await recordOf(world.client.id, world.workerP1).expect(200);
    const events = await db.query<Record<string, unknown>[]>(
      `SELECT action, actor_id::text AS "actorId", organisation_id::text AS "organisationId",
              resource_type AS "resourceType", resource_id AS "resourceId",
              client_id::text AS "clientId", outcome::text AS outcome
         FROM audit_events WHERE request_id = $1`,
      [res.headers['x-request-id']],
    );
    expect(events).toEqual([
      {
        action: 'disclosure_record.read',
        actorId: world.workerP1.userId,
        organisationId: world.providerP1,
        resourceType: 'client',
        resourceId: world.client.id,
        clientId: world.client.id,
        outcome: 'success',
      },
    ]);
    // A refused read discloses nothing: its only event is the access denial.
    const refused = await recordOf(world.client.id, world.otherWorkerP1).expect(404);
    const denied = await db.query<unknown[]>(
      'SELECT action, outcome::text AS outcome FROM audit_events WHERE request_id = $1',
      [refused.headers['x-request-id']],
    );
    expect(denied).toEqual([{ action: 'access.denied', outcome: 'denied' }]);
  });

  it('a provider auditor reaches a client once referred to it, not a draft, and after the case closed', async () => {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    await referralInState(app, world, ReferralState.Draft, {
      clientId: client.id,
      providerId: world.providerP2,
      contractId: null,
    });
    expectProblem(await recordOf(client.id, auditorP2), 404, 'not-found');
    await referralInState(app, world, ReferralState.Completed, { clientId: client.id });
    await recordOf(client.id, auditorP1).expect(200);
    // The worker of a closed case no longer works it.
    expectProblem(await recordOf(client.id, world.workerP1), 404, 'not-found');
  });

  it("shows the client's jobcenter all of it, each provider the disclosures it is a party to, the operator all without categories", async () => {
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const r1 = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
    });
    const r2 = await referralInState(app, world, ReferralState.InProgress, {
      clientId: client.id,
      providerId: world.providerP2,
      contractId: null,
      assignedWorkerId: world.workerP2.userId,
    });
    await release(world.workerP2, world.providerP2, client.id, r2.id);
    await logVisit(world.workerP2, r2.id);
    // P2's content to jobcenter A; the client record to P1 and to P2.
    await http.get(world.caseworkerA, `/api/v1/referrals/${r2.id}/activities`).expect(200);
    for (const [worker, r] of [
      [world.workerP1, r1],
      [world.workerP2, r2],
    ] as const) {
      await http.get(worker, `/api/v1/referrals/${r.id}/client`).expect(200);
    }
    // P1's content shown to P2 (a release between providers; no route makes one yet).
    await app.get(AuditService).recordAlone({
      actorKind: 'api_key',
      actorId: randomUUID(),
      organisationId: world.providerP2,
      action: AuditAction.ContentDisclose,
      outcome: 'success',
      resourceType: 'referral',
      resourceId: r1.id,
      clientId: client.id,
      categories: [DataCategory.Goals],
      details: { authorOrganisationId: world.providerP1 },
    });

    const seen = async (user: TestUser) => {
      const res = await recordOf(client.id, user).expect(200);
      return (res.body.items as Entry[]).map(
        (e) =>
          `${e.what} ${names[e.authorOrganisationId ?? ''] ?? '-'} → ${e.recipientOrganisationName} (${e.recipientKind})`,
      );
    };
    const [a, p1, p2] = [world.jobcenterA, world.providerP1, world.providerP2].map(
      (id) => names[id],
    );
    const all = [
      `case_content ${p1} → ${p2} (api_key)`,
      `client_record - → ${p2} (user)`,
      `client_record - → ${p1} (user)`,
      `case_content ${p2} → ${a} (user)`,
    ];
    expect(await seen(operatorAuditor)).toEqual(all);
    // The jobcenter is the controller for its client: it answers the client's Art. 15 request.
    expect(await seen(world.auditorA)).toEqual(all);
    expect(await seen(world.caseworkerA)).toEqual(all);
    const categoriesOf = async (user: TestUser) =>
      ((await recordOf(client.id, user).expect(200)).body.items as Entry[]).map(
        (e) => e.categories,
      );
    expect(await categoriesOf(world.auditorA)).toEqual([['goals'], [], [], ['participation']]);
    // The operator's auditor oversees the platform and is party to no case: no categories.
    expect(await categoriesOf(operatorAuditor)).toEqual([[], [], [], []]);
    expect(await seen(world.workerP1)).toEqual([all[0], all[2]]);
    expect(await seen(auditorP1)).toEqual([all[0], all[2]]);
    expect(await seen(world.leadP2)).toEqual([all[0], all[1], all[3]]);
  });
});
