import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ApiKeyScope, Role } from '../../src/auth/role';
import type { Referral } from '../../src/referrals/referral.entity';
import { ReferralState } from '../../src/common/referral-states';
import { withoutRequestIds } from '../auth/helpers';
import { createClient, type TestClient } from '../factories/clients';
import { createApiKey, createUser, type TestApiKey, type TestUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

/*
 * What each side may see of a referral (docs/security.md items 3, 4 and 7; docs/domain.md "Who sees
 * what" and the sanction firewall): a provider learns the client only once it has accepted and
 * until it closes; a wrong party learns nothing, not even that the referral exists; the
 * jobcenter sees the state of its referral and nothing about participation.
 */

const API = '/api/v1';
const S = ReferralState;
const TERMINAL = [S.Completed, S.Ended, S.Rejected, S.Cancelled] as const;
const ACTIVE = [S.Accepted, S.InProgress, S.OnHold] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

type Auth = HttpActor;
type Query = Record<string, string | number>;
/** A list item as the test reads it. */
type Item = { id: string } & Record<string, unknown>;

describe('referral visibility', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let world: ReferralWorld;
  let apiKeyP1: TestApiKey;
  let apiKeyP2: TestApiKey;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    ds = app.get(DataSource);
    world = await buildReferralWorld(app);
    [apiKeyP1, apiKeyP2] = await Promise.all(
      [world.providerP1, world.providerP2].map((organisationId) =>
        createApiKey(app, {
          organisationId,
          scopes: [ApiKeyScope.ReferralsRead],
          admin: world.admin,
        }),
      ),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, auth: Auth, query: Query = {}): Promise<Response> =>
    http.get(auth, `${API}${path}`, { query });

  /** Every item of a list, following the cursor to the end; fails on a non-200 page. */
  async function walk(auth: Auth, query: Query = {}, limit = 100): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const res = await get('/referrals', auth, { ...query, limit, ...(cursor ? { cursor } : {}) });
      if (res.status !== 200) throw new Error(`list ${JSON.stringify(query)}: ${res.status}`);
      items.push(...res.body.items);
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

  function activity(
    auth: Auth,
    referralId: string,
    body: { reached: boolean; note?: string; minutesAgo?: number },
  ): Promise<Response> {
    const { minutesAgo = 60, ...rest } = body;
    return http.post(auth, `${API}/referrals/${referralId}/activities`, {
      kind: body.reached ? 'home_visit' : 'contact_attempt',
      occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      ...rest,
    });
  }

  describe('a provider and the client', () => {
    let client: TestClient;
    let texts: { reasonText: string; goals: string };
    /** The client's identity and the case manager's words: nothing a provider sees undecided. */
    let secrets: Record<string, string>;

    beforeAll(async () => {
      const tag = randomUUID().slice(0, 8);
      client = await createClient(app, {
        jobcenterId: world.jobcenterA,
        givenName: `Given${tag}`,
        familyName: `Family${tag}`,
        dateOfBirth: '1971-11-23',
        street: `Street${tag} 7`,
        postcode: '45127',
        city: `City${tag}`,
        phone: `+49 30 ${parseInt(tag, 16)}`,
        email: `mail${tag}@example.org`,
        preferredContactTimes: `Times${tag}`,
        noteToProvider: `Note${tag}: nachmittags erreichbar`,
      });
      texts = { reasonText: `Reason${tag}`, goals: `Goals${tag}` };
      secrets = {
        givenName: client.givenName,
        familyName: client.familyName,
        dateOfBirth: client.dateOfBirth,
        street: client.street!,
        city: client.city!,
        phone: client.phone!,
        email: client.email!,
        customerNumber: client.customerNumber,
        preferredContactTimes: client.preferredContactTimes!,
        reasonText: texts.reasonText,
        goals: texts.goals,
      };
    });

    const inState = (state: ReferralState, overrides: Partial<Referral> = {}) =>
      referralInState(app, world, state, { clientId: client.id, ...texts, ...overrides });

    const leaks = (body: unknown): string[] => {
      const json = JSON.stringify(body);
      return Object.entries(secrets)
        .filter(([, value]) => json.includes(value))
        .map(([field]) => field);
    };

    const providers = () => ({
      'lead P1': world.leadP1.authHeader,
      'API key P1': apiKeyP1.authHeader,
    });

    describe('before acceptance (requested)', () => {
      it.each(['lead P1', 'API key P1'] as const)(
        '%s sees the summary needed to decide and nothing that identifies the client',
        async (who) => {
          const auth = providers()[who];
          const referral = await inState(S.Requested);
          const res = await get(`/referrals/${referral.id}`, auth);
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({
            id: referral.id,
            state: 'requested',
            reasonCategory: referral.reasonCategory,
            requestedServices: referral.requestedServices,
            clientSummary: {
              postcode: '45127',
              municipality: null,
              noteToProvider: client.noteToProvider,
            },
          });
          expect(Object.keys(res.body.clientSummary).sort()).toEqual([
            'municipality',
            'noteToProvider',
            'postcode',
          ]);
          expect(leaks(res.body)).toEqual([]);
          for (const absent of ['reasonText', 'goals', 'caseManager', 'assignedWorker']) {
            expect(res.body).not.toHaveProperty(absent);
          }

          const listed = (await walk(auth, { state: 'requested' })).filter(
            (r) => r.id === referral.id,
          );
          expect(listed).toHaveLength(1);
          expect(leaks(listed)).toEqual([]);

          const history = await get(`/referrals/${referral.id}/history`, auth);
          expect(history.status).toBe(200);
          expect(leaks(history.body)).toEqual([]);

          expectProblem(await get(`/referrals/${referral.id}/client`, auth), 404, 'not-found');
        },
      );

      it('a draft does not exist for any provider caller', async () => {
        const referral = await inState(S.Draft);
        const callers = {
          ...providers(),
          'worker P1': world.workerP1.authHeader,
        };
        for (const [who, auth] of Object.entries(callers)) {
          for (const path of ['', '/history', '/client', '/activities']) {
            const res = await get(`/referrals/${referral.id}${path}`, auth);
            expect({ who, path, status: res.status }).toEqual({ who, path, status: 404 });
          }
          expect(idsOf(await walk(auth))).not.toContain(referral.id);
        }
      });
    });

    describe('closed before it was ever accepted', () => {
      it.each([
        ['rejected', S.Rejected, {}],
        [
          'cancelled while requested',
          S.Cancelled,
          { acceptedAt: null, assignedWorkerId: null, firstContactDue: null },
        ],
      ] as const)(
        '%s: the provider (lead, API key) sees nothing that identifies the client or the case manager’s words',
        async (_, state, overrides) => {
          const referral = await inState(state, overrides);
          for (const auth of Object.values(providers())) {
            const res = await get(`/referrals/${referral.id}`, auth);
            expect(res.status).toBe(200);
            expect(leaks(res.body)).toEqual([]);
            expect(res.body).not.toHaveProperty('caseManager');
            const listed = (await walk(auth)).filter((r) => r.id === referral.id);
            expect(listed).toHaveLength(1);
            expect(leaks(listed)).toEqual([]);
            expectProblem(await get(`/referrals/${referral.id}/client`, auth), 404, 'not-found');
          }
        },
      );
    });

    describe.each(ACTIVE)('while %s', (state) => {
      let referral: Referral;
      beforeAll(async () => {
        referral = await inState(state);
      });

      it.each(['lead P1', 'worker P1 (assigned)', 'API key P1'])(
        '%s reads the referral and the full client record',
        async (who) => {
          const auth = {
            ...providers(),
            'worker P1 (assigned)': world.workerP1.authHeader,
          }[who]!;
          const res = await get(`/referrals/${referral.id}`, auth);
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ state, ...texts });
          expect(res.body).not.toHaveProperty('clientSummary');

          const record = await get(`/referrals/${referral.id}/client`, auth);
          expect(record.status).toBe(200);
          expect(record.body).toMatchObject({
            id: client.id,
            jobcenterId: world.jobcenterA,
            customerNumber: client.customerNumber,
            givenName: client.givenName,
            familyName: client.familyName,
            dateOfBirth: client.dateOfBirth,
            street: client.street,
            postcode: client.postcode,
            city: client.city,
            phone: client.phone,
            email: client.email,
            preferredContactTimes: client.preferredContactTimes,
            noteToProvider: client.noteToProvider,
          });
        },
      );

      it('another worker of P1, to whom it is not assigned, learns nothing', async () => {
        const auth = world.otherWorkerP1.authHeader;
        for (const path of ['', '/history', '/client', '/activities']) {
          expectProblem(await get(`/referrals/${referral.id}${path}`, auth), 404, 'not-found');
        }
        expect(idsOf(await walk(auth))).not.toContain(referral.id);
      });
    });

    describe.each(TERMINAL)('once %s', (state) => {
      const everyProvider = () => ({
        ...providers(),
        'worker P1': world.workerP1.authHeader,
        'other worker P1': world.otherWorkerP1.authHeader,
      });

      it('no provider caller reads the client any more; lead P1 still sees the referral', async () => {
        const referral = await inState(state);
        for (const [who, auth] of Object.entries(everyProvider())) {
          const res = await get(`/referrals/${referral.id}/client`, auth);
          expect({ who, status: res.status }).toEqual({ who, status: 404 });
          expectProblem(res, 404, 'not-found');
        }
        const res = await get(`/referrals/${referral.id}`, world.leadP1.authHeader);
        expect(res.status).toBe(200);
        expect(res.body.state).toBe(state);
        expect(idsOf(await walk(world.leadP1.authHeader))).toContain(referral.id);
      });

      it('lead P1 sees it for 30 days after closing, not on day 31; the jobcenter always', async () => {
        const day29 = await inState(state, { closedAt: new Date(Date.now() - 29 * DAY_MS) });
        const day31 = await inState(state, { closedAt: new Date(Date.now() - 31 * DAY_MS) });
        const lead = world.leadP1.authHeader;
        expect((await get(`/referrals/${day29.id}`, lead)).status).toBe(200);
        for (const auth of Object.values(everyProvider())) {
          for (const path of ['', '/history', '/client', '/activities']) {
            expectProblem(await get(`/referrals/${day31.id}${path}`, auth), 404, 'not-found');
          }
        }
        const listed = idsOf(await walk(lead));
        expect(listed).toContain(day29.id);
        expect(listed).not.toContain(day31.id);
        const ownJobcenter = await get(`/referrals/${day31.id}`, world.caseworkerA.authHeader);
        expect(ownJobcenter.status).toBe(200);
        expect(
          (await get(`/referrals/${day31.id}/client`, world.caseworkerA.authHeader)).status,
        ).toBe(200);
      });
    });
  });

  describe('wrong parties', () => {
    let referrals: Referral[];

    beforeAll(async () => {
      referrals = [];
      for (const state of Object.values(S)) {
        referrals.push(await referralInState(app, world, state));
      }
    });

    /** Which of the four read routes the caller's role may call at all (role-permissions.ts). */
    const callers = (): Record<string, { auth: Auth; activities: 404 | 403 }> => ({
      'lead P2': { auth: world.leadP2.authHeader, activities: 404 },
      'worker P2': { auth: world.workerP2.authHeader, activities: 404 },
      'API key P2': { auth: apiKeyP2.authHeader, activities: 404 },
      // A caseworker holds referral.read but not activity.read.
      'caseworker B': { auth: world.caseworkerB.authHeader, activities: 404 },
    });

    it.each(['lead P2', 'worker P2', 'API key P2', 'caseworker B'])(
      '%s: 404 on the referral, its history, client and activities, in every state',
      async (who) => {
        const { auth, activities } = callers()[who];
        const got: string[] = [];
        const want: string[] = [];
        for (const referral of referrals) {
          for (const path of ['', '/history', '/client', '/activities']) {
            const res = await get(`/referrals/${referral.id}${path}`, auth);
            const missing = await get(`/referrals/${randomUUID()}${path}`, auth);
            const status = path === '/activities' ? activities : 404;
            // Exactly like a referral that does not exist: no hint that this one does.
            expect(withoutRequestIds(res.body)).toEqual(withoutRequestIds(missing.body));
            got.push(`${referral.state} GET ${path || '/'} → ${res.status} ${res.body.type}`);
            want.push(
              `${referral.state} GET ${path || '/'} → ${status} urn:lotse:problem:${status === 404 ? 'not-found' : 'forbidden'}`,
            );
          }
        }
        expect(got).toEqual(want);
      },
    );

    it.each(['lead P2', 'worker P2', 'API key P2', 'caseworker B'])(
      '%s: no list ever contains them, whatever the filter',
      async (who) => {
        const { auth } = callers()[who];
        const ours = new Set(referrals.map((r) => r.id));
        const queries: Query[] = [
          {},
          { clientId: world.client.id },
          { providerId: world.providerP1 },
          { state: 'accepted' },
          { caseManagerId: world.caseworkerA.userId },
        ];
        for (const query of queries) {
          const items = await walk(auth, query);
          expect({ query, leaked: idsOf(items).filter((id) => ours.has(id)) }).toEqual({
            query,
            leaked: [],
          });
        }
        // Filters that name the other side's objects find nothing at all.
        expect(await walk(auth, { clientId: world.client.id })).toEqual([]);
        expect(await walk(auth, { providerId: world.providerP1 })).toEqual([]);
      },
    );

    it.each(['admin', 'auditor A', 'jobcenter lead A'])(
      '%s: 403 on every referral route, with a denial in the audit log',
      async (who) => {
        const user = {
          admin: world.admin,
          'auditor A': world.auditorA,
          'jobcenter lead A': world.leadA,
        }[who]!;
        const referral = referrals.find((r) => r.state === S.Accepted)!;
        const id = referral.id;
        const routes: [string, string, object?][] = [
          ['GET', '/referrals'],
          [
            'POST',
            '/referrals',
            {
              clientId: world.client.id,
              providerId: world.providerP1,
              reasonCategory: 'lost_contact',
              requestedServices: ['outreach_home_visits'],
            },
          ],
          ['GET', `/referrals/${id}`],
          ['PATCH', `/referrals/${id}`, { goals: 'x' }],
          ['GET', `/referrals/${id}/history`],
          ['GET', `/referrals/${id}/client`],
          ['GET', `/referrals/${id}/activities`],
          [
            'POST',
            `/referrals/${id}/activities`,
            { kind: 'phone', occurredAt: new Date().toISOString(), reached: false },
          ],
          ['POST', `/referrals/${id}/assign`, { assignedWorkerId: world.workerP1.userId }],
          ...[
            'send',
            'accept',
            'reject',
            'start',
            'pause',
            'resume',
            'complete',
            'end',
            'cancel',
          ].map((action): [string, string, object?] => ['POST', `/referrals/${id}/${action}`, {}]),
        ];
        const got: string[] = [];
        for (const [method, path, body] of routes) {
          const verb = method.toLowerCase() as 'get' | 'post' | 'patch';
          const res = await http.send(user, verb, `${API}${path}`, body, {
            ifMatch: referral.version,
          });
          const [{ n }] = await ds.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM audit_events
              WHERE action = 'access.denied' AND request_id = $1`,
            [res.headers['x-request-id']],
          );
          got.push(`${method} ${path} → ${res.status} ${res.body.type} denials=${n}`);
        }
        expect(got).toEqual(
          routes.map(
            ([method, path]) => `${method} ${path} → 403 urn:lotse:problem:forbidden denials=1`,
          ),
        );
        const [row] = await ds.query<{ version: number; state: string }[]>(
          'SELECT version, state::text AS state FROM referrals WHERE id = $1',
          [id],
        );
        expect(row).toEqual({ version: referral.version, state: 'accepted' });
      },
    );
  });

  describe('the sanction firewall', () => {
    const note = `Nicht angetroffen, Nachbarin sagt: will nicht ${randomUUID()}`;
    let referral: Referral;
    let client: TestClient;
    let activityIds: string[];

    beforeAll(async () => {
      client = await createClient(app, { jobcenterId: world.jobcenterA });
      referral = await referralInState(app, world, S.InProgress, { clientId: client.id });
      const worker = world.workerP1.authHeader;
      activityIds = [];
      for (const body of [
        { reached: false, note, minutesAgo: 120 },
        { reached: true, note: `${note} (2)`, minutesAgo: 60 },
      ]) {
        const res = await activity(worker, referral.id, body);
        expect(res.status).toBe(201);
        activityIds.push(res.body.id);
      }
      const current = await get(`/referrals/${referral.id}`, worker);
      const ended = await http.post(
        worker,
        `${API}/referrals/${referral.id}/end`,
        { reason: 'client_declined' },
        { ifMatch: current.headers.etag },
      );
      expect(ended.status).toBe(200);
      expect(ended.body.state).toBe('ended');
    });

    function leaksToJobcenter(body: unknown): string[] {
      const json = JSON.stringify(body);
      return [
        'client_declined',
        note,
        'firstContactAt',
        'firstContactDue',
        'overdue',
        'assignedWorker',
        world.workerP1.userId,
        ...activityIds,
      ].filter((needle) => json.includes(needle));
    }

    it('the case manager sees that it ended, and nothing about why or about contacts', async () => {
      const auth = world.caseworkerA.authHeader;
      const one = await get(`/referrals/${referral.id}`, auth);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ state: 'ended', outcome: null });
      expect(leaksToJobcenter(one.body)).toEqual([]);

      const filtered = await get('/referrals', auth, { clientId: client.id });
      expect(filtered.status).toBe(200);
      expect(idsOf(filtered.body.items)).toEqual([referral.id]);
      expect(leaksToJobcenter(filtered.body)).toEqual([]);
      const everything = await walk(auth);
      expect(idsOf(everything)).toContain(referral.id);
      expect(leaksToJobcenter(everything)).toEqual([]);

      const history = await get(`/referrals/${referral.id}/history`, auth);
      expect(history.status).toBe(200);
      expect(leaksToJobcenter(history.body)).toEqual([]);
    });

    it('the history shows the end without its reason to the jobcenter, with it to the provider', async () => {
      const jobcenter = await get(
        `/referrals/${referral.id}/history`,
        world.caseworkerA.authHeader,
      );
      const provider = await get(`/referrals/${referral.id}/history`, world.leadP1.authHeader);
      const endOf = (rows: { action: string }[]) => rows.filter((r) => r.action === 'end');
      expect(endOf(jobcenter.body.items)).toEqual([
        expect.objectContaining({
          fromState: 'in_progress',
          toState: 'ended',
          reason: null,
          actor: { kind: 'user', organisationId: world.providerP1 },
        }),
      ]);
      expect(endOf(provider.body.items)).toEqual([
        expect.objectContaining({
          reason: 'client_declined',
          actor: { kind: 'user', organisationId: world.providerP1, id: world.workerP1.userId },
        }),
      ]);
      for (const row of jobcenter.body.items as { actor: { organisationId: string } }[]) {
        if (row.actor.organisationId !== world.jobcenterA) {
          expect(row.actor).not.toHaveProperty('id');
        }
      }
    });

    it.each(['hospital_stay', 'client_request'])(
      'the reason of a pause (%s) is not shown to the jobcenter either',
      async (reason) => {
        const paused = await referralInState(app, world, S.InProgress, { clientId: client.id });
        const res = await http.post(
          world.workerP1,
          `${API}/referrals/${paused.id}/pause`,
          { reason },
          { ifMatch: `"${paused.version}"` },
        );
        expect(res.status).toBe(200);
        const jobcenter = await get(
          `/referrals/${paused.id}/history`,
          world.caseworkerA.authHeader,
        );
        const provider = await get(`/referrals/${paused.id}/history`, world.leadP1.authHeader);
        const pauseOf = (rows: { action: string; reason: string | null }[]) =>
          rows.filter((r) => r.action === 'pause').map((r) => r.reason);
        expect(pauseOf(provider.body.items)).toEqual([reason]);
        expect(pauseOf(jobcenter.body.items)).toEqual([null]);
        const one = await get(`/referrals/${paused.id}`, world.caseworkerA.authHeader);
        expect(JSON.stringify([jobcenter.body, one.body])).not.toContain(reason);
      },
    );

    it('the reason of a rejection is commissioning data: both sides see it in the history', async () => {
      const requested = await referralInState(app, world, S.Requested, { clientId: client.id });
      const res = await http.post(
        world.leadP1,
        `${API}/referrals/${requested.id}/reject`,
        { reason: 'not_suitable' },
        { ifMatch: `"${requested.version}"` },
      );
      expect(res.status).toBe(200);
      for (const auth of [world.caseworkerA.authHeader, world.leadP1.authHeader]) {
        const history = await get(`/referrals/${requested.id}/history`, auth);
        expect(history.status).toBe(200);
        const rejects = (history.body.items as { action: string; reason: string | null }[]).filter(
          (r) => r.action === 'reject',
        );
        expect(rejects.map((r) => r.reason)).toEqual(['not_suitable']);
      }
    });

    it('activities and the overdue filter are closed to the jobcenter without a release', async () => {
      const auth = world.caseworkerA.authHeader;
      const closed = await get(`/referrals/${referral.id}/activities`, auth);
      expect(closed.status).toBe(200);
      // Explicitly "nothing released", not an empty record.
      expect(closed.body).toEqual({ items: [], nextCursor: null, nothingReleased: true });
      for (const overdue of ['true', 'false']) {
        const res = await get('/referrals', auth, { overdue });
        const body = expectProblem(res, 400, 'validation-error');
        expect(body.errors).toEqual([expect.objectContaining({ field: 'overdue' })]);
      }
      // The provider, who wrote them, still reads them.
      const own = await get(`/referrals/${referral.id}/activities`, world.leadP1.authHeader);
      expect(own.status).toBe(200);
      expect(idsOf(own.body.items).sort()).toEqual([...activityIds].sort());
    });
  });

  describe('overdue first contacts', () => {
    let overdue: Referral;
    let dueLater: Referral;
    let closed: Referral;

    beforeAll(async () => {
      overdue = await referralInState(app, world, S.Accepted, { firstContactDue: '2020-01-02' });
      dueLater = await referralInState(app, world, S.Accepted, { firstContactDue: '2099-12-31' });
      closed = await referralInState(app, world, S.Completed, { firstContactDue: '2020-01-02' });
    });

    async function state(): Promise<{
      listed: boolean;
      overdue: boolean;
      firstContactAt: string | null;
    }> {
      const lead = world.leadP1.authHeader;
      const listed = idsOf(await walk(lead, { overdue: 'true' }));
      expect(listed).not.toContain(dueLater.id);
      expect(listed).not.toContain(closed.id);
      const res = await get(`/referrals/${overdue.id}`, lead);
      expect(res.status).toBe(200);
      const notListed = idsOf(await walk(lead, { overdue: 'false' }));
      expect(listed.includes(overdue.id)).toBe(!notListed.includes(overdue.id));
      return {
        listed: listed.includes(overdue.id),
        overdue: res.body.overdue,
        firstContactAt: res.body.firstContactAt,
      };
    }

    it('a reached contact clears it; unreached attempts, before or after, do not', async () => {
      expect(await state()).toEqual({ listed: true, overdue: true, firstContactAt: null });

      const worker = world.workerP1.authHeader;
      expect((await activity(worker, overdue.id, { reached: false, minutesAgo: 90 })).status).toBe(
        201,
      );
      expect(await state()).toEqual({ listed: true, overdue: true, firstContactAt: null });

      const reached = await activity(worker, overdue.id, { reached: true, minutesAgo: 60 });
      expect(reached.status).toBe(201);
      const contact = { listed: false, overdue: false, firstContactAt: reached.body.occurredAt };
      expect(await state()).toEqual(contact);

      expect((await activity(worker, overdue.id, { reached: false, minutesAgo: 30 })).status).toBe(
        201,
      );
      expect(await state()).toEqual(contact);
    });
  });

  describe('lists', () => {
    let w: ReferralWorld;
    let keyP1: TestApiKey;
    let caseworkerA2: TestUser;
    let secondClient: TestClient;
    let all: (Referral & { old: boolean; longClosed: boolean })[];

    beforeAll(async () => {
      w = await buildReferralWorld(app);
      keyP1 = await createApiKey(app, {
        organisationId: w.providerP1,
        scopes: [ApiKeyScope.ReferralsRead],
        admin: w.admin,
      });
      caseworkerA2 = await createUser(app, {
        roles: [Role.Caseworker],
        organisationId: w.jobcenterA,
      });
      secondClient = await createClient(app, { jobcenterId: w.jobcenterA });
      const specs: [ReferralState, Partial<Referral>, { old?: boolean; longClosed?: boolean }?][] =
        [
          ...Object.values(S).map((s): [ReferralState, Partial<Referral>] => [s, {}]),
          [S.Accepted, { clientId: secondClient.id, caseManagerId: caseworkerA2.userId }],
          [S.Requested, { clientId: secondClient.id }],
          [S.InProgress, { assignedWorkerId: w.otherWorkerP1.userId }],
          [S.Draft, { caseManagerId: caseworkerA2.userId }, { old: true }],
          [S.OnHold, {}, { old: true }],
          [S.Ended, { closedAt: new Date(Date.now() - 40 * DAY_MS) }, { longClosed: true }],
        ];
      all = [];
      for (const [state, overrides, flags] of specs) {
        const r = await referralInState(app, w, state, overrides);
        all.push({ ...r, old: flags?.old ?? false, longClosed: flags?.longClosed ?? false });
      }
      await ds.query(
        `UPDATE referrals SET updated_at = now() - interval '10 days', jobcenter_updated_at = now() - interval '10 days' WHERE id = ANY($1::uuid[])`,
        [all.filter((r) => r.old).map((r) => r.id)],
      );
    });

    /** Whom each caller sees, from docs/domain.md: the oracle of the list tests. */
    const callers = (): Record<
      string,
      { auth: Auth; sees: (r: (typeof all)[number]) => boolean }
    > => {
      const provider = (r: (typeof all)[number]) => r.state !== S.Draft && !r.longClosed;
      return {
        'caseworker A': { auth: w.caseworkerA.authHeader, sees: () => true },
        'lead P1': { auth: w.leadP1.authHeader, sees: provider },
        'API key P1': { auth: keyP1.authHeader, sees: provider },
        'worker P1': {
          auth: w.workerP1.authHeader,
          sees: (r) => provider(r) && r.assignedWorkerId === w.workerP1.userId,
        },
        'other worker P1': {
          auth: w.otherWorkerP1.authHeader,
          sees: (r) => provider(r) && r.assignedWorkerId === w.otherWorkerP1.userId,
        },
        'caseworker B': { auth: w.caseworkerB.authHeader, sees: () => false },
        'lead P2': { auth: w.leadP2.authHeader, sees: () => false },
        'worker P2': { auth: w.workerP2.authHeader, sees: () => false },
      };
    };
    const CALLERS = [
      'caseworker A',
      'lead P1',
      'API key P1',
      'worker P1',
      'other worker P1',
      'caseworker B',
      'lead P2',
      'worker P2',
    ];

    it.each(CALLERS)(
      '%s: a walk with limit=1 returns each visible referral exactly once',
      async (who) => {
        const { auth, sees } = callers()[who];
        const ids = idsOf(await walk(auth, {}, 1));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(
          all
            .filter(sees)
            .map((r) => r.id)
            .sort(),
        );
      },
    );

    it.each(CALLERS)('%s: filters narrow within what the caller sees', async (who) => {
      const { auth, sees } = callers()[who];
      const since = new Date(Date.now() - 5 * DAY_MS).toISOString();
      const filters: [Query, (r: (typeof all)[number]) => boolean][] = [
        ...Object.values(S).map((s): [Query, (r: (typeof all)[number]) => boolean] => [
          { state: s },
          (r) => r.state === s,
        ]),
        [{ clientId: w.client.id }, (r) => r.clientId === w.client.id],
        [{ clientId: secondClient.id }, (r) => r.clientId === secondClient.id],
        [{ caseManagerId: caseworkerA2.userId }, (r) => r.caseManagerId === caseworkerA2.userId],
        [{ updatedSince: since }, (r) => !r.old],
        [{ providerId: w.providerP1 }, () => true],
        [{ providerId: w.providerP2 }, () => false],
        [
          { state: 'accepted', clientId: secondClient.id },
          (r) => r.state === S.Accepted && r.clientId === secondClient.id,
        ],
      ];
      for (const [query, matches] of filters) {
        const got = idsOf(await walk(auth, query, 2)).sort();
        const want = all
          .filter((r) => sees(r) && matches(r))
          .map((r) => r.id)
          .sort();
        expect({ query, ids: got }).toEqual({ query, ids: want });
      }
    });

    it('a filter given twice is refused, not half applied (parameter pollution)', async () => {
      for (const [who, query] of [
        ['lead P2', `providerId=${w.providerP2}&providerId=${w.providerP1}`],
        ['caseworker B', `clientId=${w.client.id}&clientId=${w.client.id}`],
        ['caseworker A', 'state=draft&state=requested'],
      ]) {
        const res = await http.get(callers()[who].auth, `${API}/referrals?${query}`);
        expectProblem(res, 400, 'validation-error');
      }
    });
  });
});
