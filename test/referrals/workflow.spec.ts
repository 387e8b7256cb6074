import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ServiceKind } from '../../src/providers/service-kind';
import { createClient } from '../factories/clients';
import { createContract } from '../factories/providers';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type HttpActor, type ReferralActionName, type TestHttp } from '../support/http';

type Auth = HttpActor;

describe('referral workflow over HTTP', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  async function draft(clientId = world.client.id, auth: Auth = world.caseworkerA) {
    const res = await http.post(auth, '/api/v1/referrals', {
      clientId,
      providerId: world.providerP1,
      reasonCategory: 'lost_contact',
      reasonText: 'Post kommt ungeöffnet zurück',
      goals: 'Wieder Kontakt zum Jobcenter',
      requestedServices: ['outreach_home_visits'],
    });
    expect(res.status).toBe(201);
    return res;
  }

  async function step(
    res: Response,
    action: ReferralActionName,
    auth: Auth,
    state: string,
    body: object = {},
  ) {
    const next = await http.act(auth, res.body.id, action, body, res.headers.etag);
    if (next.status !== 200)
      throw new Error(`${action}: ${next.status} ${JSON.stringify(next.body)}`);
    expect(next.body.state).toBe(state);
    expect(next.headers.etag).not.toBe(res.headers.etag);
    return next;
  }

  it('walks draft → requested → accepted → in_progress ⇄ on_hold → ended, with history and audit', async () => {
    const created = await draft();
    expect(created.body).toMatchObject({
      state: 'draft',
      caseManager: { id: world.caseworkerA.userId },
    });
    expect(created.headers.location).toBe(`/api/v1/referrals/${created.body.id}`);
    const sent = await step(created, 'send', world.caseworkerA, 'requested');
    const accepted = await step(sent, 'accept', world.leadP1, 'accepted', {
      assignedWorkerId: world.workerP1.userId,
    });
    expect(accepted.body.assignedWorker).toEqual({
      id: world.workerP1.userId,
      displayName: expect.any(String),
    });
    expect(accepted.body.firstContactDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.body.firstContactDue > accepted.body.acceptedAt.slice(0, 10)).toBe(true);
    const started = await step(accepted, 'start', world.workerP1, 'in_progress');
    const paused = await step(started, 'pause', world.workerP1, 'on_hold', {
      reason: 'hospital_stay',
    });
    const resumed = await step(paused, 'resume', world.leadP1, 'in_progress');
    const ended = await step(resumed, 'end', world.workerP1, 'ended', {
      reason: 'client_unreachable',
    });
    expect(ended.body.closedAt).not.toBeNull();

    const history = await http
      .get(world.leadP1, `/api/v1/referrals/${created.body.id}/history`)
      .expect(200);
    expect(
      (history.body.items as { action: string | null; toState: string }[]).map((h) => [
        h.action,
        h.toState,
      ]),
    ).toEqual([
      [null, 'draft'],
      ['send', 'requested'],
      ['accept', 'accepted'],
      ['start', 'in_progress'],
      ['pause', 'on_hold'],
      ['resume', 'in_progress'],
      ['end', 'ended'],
    ]);
    const audit = await app
      .get(DataSource)
      .query<{ action: string }[]>(
        "SELECT action FROM audit_events WHERE resource_id = $1 AND resource_type = 'referral' ORDER BY id",
        [created.body.id],
      );
    expect(audit.map((a) => a.action)).toEqual([
      'referral.create',
      'referral.send',
      'referral.accept',
      'referral.start',
      'referral.pause',
      'referral.resume',
      'referral.end',
    ]);

    // Terminal: never left.
    expectProblem(
      await http.act(world.leadP1, ended.body.id, 'resume', {}, ended.headers.etag),
      409,
      'transition-not-allowed',
    );
  });

  it('a draft can be edited until it is sent; a sent one cannot', async () => {
    const created = await draft();
    const edited = await http
      .patch(
        world.caseworkerA,
        `/api/v1/referrals/${created.body.id}`,
        { priority: 'urgent', requestedServices: ['debt_regulation'] },
        { ifMatch: created.headers.etag },
      )
      .expect(200);
    expect(edited.body).toMatchObject({
      priority: 'urgent',
      requestedServices: ['debt_regulation'],
    });
    const cleared = await http
      .patch(
        world.caseworkerA,
        `/api/v1/referrals/${created.body.id}`,
        { goals: null },
        { ifMatch: edited.headers.etag },
      )
      .expect(200);
    expect(cleared.body.goals).toBeNull();
    for (const body of [
      { priority: null },
      { requestedServices: null },
      { clientId: world.client.id },
    ]) {
      const refused = await http.patch(
        world.caseworkerA,
        `/api/v1/referrals/${created.body.id}`,
        body,
        { ifMatch: cleared.headers.etag },
      );
      expectProblem(refused, 400, 'validation-error');
    }
    const sent = await step(cleared, 'send', world.caseworkerA, 'requested');
    const again = await http.patch(
      world.caseworkerA,
      `/api/v1/referrals/${created.body.id}`,
      { priority: 'normal' },
      { ifMatch: sent.headers.etag },
    );
    expectProblem(again, 409, 'referral-not-draft');
  });

  it('sending needs a contract valid today that covers the services', async () => {
    const created = await draft();
    const edited = await http
      .patch(
        world.caseworkerA,
        `/api/v1/referrals/${created.body.id}`,
        { requestedServices: ['family_support'] },
        { ifMatch: created.headers.etag },
      )
      .expect(200);
    expectProblem(
      await http.act(world.caseworkerA, edited.body.id, 'send', {}, edited.headers.etag),
      422,
      'no-valid-contract',
    );
  });

  it('never overbooks: two parallel sends for the last place give one 200 and one 409', async () => {
    const jobcenterWorld = await buildReferralWorld(app, { capacity: 1 });
    const clientB = await createClient(app, { jobcenterId: jobcenterWorld.jobcenterA });
    const make = async (clientId: string) => {
      const res = await http
        .post(jobcenterWorld.caseworkerA, '/api/v1/referrals', {
          clientId,
          providerId: jobcenterWorld.providerP1,
          reasonCategory: 'debts',
          requestedServices: ['outreach_home_visits'],
        })
        .expect(201);
      return res;
    };
    const [one, two] = await Promise.all([make(jobcenterWorld.client.id), make(clientB.id)]);
    const results = await Promise.all(
      [one, two].map((res) =>
        http.act(jobcenterWorld.caseworkerA, res.body.id, 'send', {}, res.headers.etag),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(
      results.find((r) => r.status === 409)!,
      409,
      'no-capacity',
    );
    const [{ open }] = await app
      .get(DataSource)
      .query<{ open: number }[]>(
        "SELECT count(*)::int AS open FROM referrals WHERE contract_id = $1 AND state IN ('requested','accepted','in_progress','on_hold')",
        [jobcenterWorld.contract.id],
      );
    expect(open).toBe(1);
    const availability = await http
      .get(jobcenterWorld.caseworkerA, '/api/v1/providers/availability')
      .expect(200);
    expect(availability.body).toEqual({
      items: [
        expect.objectContaining({
          contractId: jobcenterWorld.contract.id,
          capacity: 1,
          openReferrals: 1,
          freePlaces: 0,
        }),
      ],
      nextCursor: null,
    });
  });

  it('takes the next contract with room when the first is full', async () => {
    const w = await buildReferralWorld(app, { capacity: 1 });
    const spare = await createContract(app, {
      jobcenterId: w.jobcenterA,
      providerId: w.providerP1,
      capacity: 5,
      services: [ServiceKind.OutreachHomeVisits],
      validFrom: '2019-01-01',
    });
    const clientB = await createClient(app, { jobcenterId: w.jobcenterA });
    const sendOne = async (clientId: string) => {
      const created = await http
        .post(w.caseworkerA, '/api/v1/referrals', {
          clientId,
          providerId: w.providerP1,
          reasonCategory: 'debts',
          requestedServices: ['outreach_home_visits'],
        })
        .expect(201);
      return http.act(w.caseworkerA, created.body.id, 'send', {}, created.headers.etag);
    };
    const first = await sendOne(w.client.id);
    const second = await sendOne(clientB.id);
    expect([first.status, second.status]).toEqual([200, 200]);
    const contracts = await app
      .get(DataSource)
      .query<{ contract_id: string }[]>(
        'SELECT contract_id FROM referrals WHERE id = ANY($1::uuid[])',
        [[first.body.id, second.body.id]],
      );
    expect(new Set(contracts.map((c) => c.contract_id))).toEqual(
      new Set([w.contract.id, spare.id]),
    );
  });

  it('checks the worker on accept, and the lead can reassign', async () => {
    const created = await draft();
    const sent = await step(created, 'send', world.caseworkerA, 'requested');
    expectProblem(
      await http.act(
        world.leadP1,
        sent.body.id,
        'accept',
        {
          assignedWorkerId: world.workerP2.userId,
        },
        sent.headers.etag,
      ),
      422,
      'worker-not-assignable',
    );
    const accepted = await step(sent, 'accept', world.leadP1, 'accepted', {
      assignedWorkerId: world.workerP1.userId,
    });
    const reassigned = await http
      .act(
        world.leadP1,
        accepted.body.id,
        'assign',
        {
          assignedWorkerId: world.otherWorkerP1.userId,
        },
        accepted.headers.etag,
      )
      .expect(200);
    expect(reassigned.body.assignedWorker.id).toBe(world.otherWorkerP1.userId);
    // The former worker no longer sees it; the new one does.
    await http.get(world.workerP1, `/api/v1/referrals/${created.body.id}`).expect(404);
    await http.get(world.otherWorkerP1, `/api/v1/referrals/${created.body.id}`).expect(200);
  });

  it('logs activities while the referral is worked, and only then', async () => {
    const created = await draft();
    const sent = await step(created, 'send', world.caseworkerA, 'requested');
    const log = (body: object) =>
      http.post(world.workerP1, `/api/v1/referrals/${created.body.id}/activities`, body);
    // Not yet assigned: the worker does not see it.
    expect(
      (await log({ kind: 'home_visit', occurredAt: new Date().toISOString(), reached: false }))
        .status,
    ).toBe(404);
    await step(sent, 'accept', world.leadP1, 'accepted', {
      assignedWorkerId: world.workerP1.userId,
    });
    const future = await log({ kind: 'phone', occurredAt: '2999-01-01T00:00:00Z', reached: true });
    expectProblem(future, 400, 'validation-error');
    const visit = await log({
      kind: 'home_visit',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      durationMinutes: 45,
      reached: true,
      note: 'Klientin öffnete, Gespräch an der Tür',
    });
    expect(visit.status).toBe(201);
    const read = await http.get(world.leadP1, `/api/v1/referrals/${created.body.id}`).expect(200);
    expect(read.body.firstContactAt).toBe(visit.body.occurredAt);
    const list = await http
      .get(world.leadP1, `/api/v1/referrals/${created.body.id}/activities`)
      .expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([visit.body.id]);
  });

  it('hides the client id before acceptance and logs each disclosure of the client record', async () => {
    const created = await draft();
    const sent = await step(created, 'send', world.caseworkerA, 'requested');
    const asProvider = await http
      .get(world.leadP1, `/api/v1/referrals/${created.body.id}`)
      .expect(200);
    expect(asProvider.body).not.toHaveProperty('clientId');
    expect(JSON.stringify(asProvider.body)).not.toContain(world.client.id);
    await step(sent, 'accept', world.leadP1, 'accepted', {
      assignedWorkerId: world.workerP1.userId,
    });
    const record = await http
      .get(world.workerP1, `/api/v1/referrals/${created.body.id}/client`)
      .expect(200);
    expect(record.body.id).toBe(world.client.id);
    const rows = await app
      .get(DataSource)
      .query<{ actor_id: string; organisation_id: string }[]>(
        "SELECT actor_id, organisation_id FROM audit_events WHERE action = 'client.disclose' AND request_id = $1",
        [record.headers['x-request-id']],
      );
    expect(rows).toEqual([{ actor_id: world.workerP1.userId, organisation_id: world.providerP1 }]);
    // The jobcenter reading its own client's record is no disclosure.
    const own = await http
      .get(world.caseworkerA, `/api/v1/referrals/${created.body.id}/client`)
      .expect(200);
    const none = await app
      .get(DataSource)
      .query('SELECT 1 FROM audit_events WHERE request_id = $1', [own.headers['x-request-id']]);
    expect(none).toEqual([]);
  });
});
