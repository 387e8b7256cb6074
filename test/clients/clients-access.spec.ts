import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../src/auth/actor';
import { Permission } from '../../src/auth/permission';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { ClientsService } from '../../src/clients/clients.service';
import { ResourceNotFound } from '../../src/common/problem/domain-error';
import { OrganisationKind } from '../../src/common/organisation-kind';
import {
  clientBody,
  createClient,
  uniqueCustomerNumber,
  type TestClient,
} from '../factories/clients';
import { createApiKey, createOrganisation, createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

const CLIENTS = '/api/v1/clients';

/**
 * Who may touch clients: only the case managers of the owning jobcenter. Another jobcenter's
 * client is 404 (as if it did not exist); every other role and API keys get 403 on every route.
 */
describe('access to clients', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let ds: DataSource;
  let jobcenterA: string;
  let jobcenterB: string;
  let caseworkerA: TestUser;
  let caseworkerB: TestUser;
  let clientsOfA: TestClient[];
  let clientsOfB: TestClient[];

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    ds = app.get(DataSource);
    [jobcenterA, jobcenterB] = await Promise.all([
      createOrganisation(app).then((o) => o.id),
      createOrganisation(app).then((o) => o.id),
    ]);
    [caseworkerA, caseworkerB] = await Promise.all([
      createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterA }),
      createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterB }),
    ]);
    clientsOfA = [];
    clientsOfB = [];
    for (const postcode of ['10115', '20095', '10115']) {
      clientsOfA.push(await createClient(app, { jobcenterId: jobcenterA, postcode }));
      clientsOfB.push(await createClient(app, { jobcenterId: jobcenterB, postcode }));
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const rowOf = async (id: string) =>
    (await ds.query<Record<string, unknown>[]>('SELECT * FROM clients WHERE id = $1', [id]))[0];

  describe('another jobcenter (object level)', () => {
    it('cannot read a client of jobcenter A: 404, exactly like a missing one', async () => {
      const foreign = await http.get(caseworkerB, `${CLIENTS}/${clientsOfA[0].id}`);
      const missing = await http.get(caseworkerB, `${CLIENTS}/${randomUUID()}`);
      const a = expectProblem(foreign, 404, 'not-found');
      const b = expectProblem(missing, 404, 'not-found');
      expect({ ...a, instance: undefined, requestId: undefined }).toEqual({
        ...b,
        instance: undefined,
        requestId: undefined,
      });
      expect(foreign.headers.etag).toBeUndefined();
    });

    it('cannot change a client of jobcenter A, even with its current ETag: 404, nothing changed, no audit event', async () => {
      const target = clientsOfA[1];
      const before = await rowOf(target.id);
      const res = await http.patch(
        caseworkerB,
        `${CLIENTS}/${target.id}`,
        { city: 'Übernommen', noteToProvider: 'von B' },
        { ifMatch: `"${target.version}"` },
      );
      expectProblem(res, 404, 'not-found');
      expect(await rowOf(target.id)).toEqual(before);
      const events = await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM audit_events WHERE client_id = $1`,
        [target.id],
      );
      expect(events[0].n).toBe(0);
    });

    it("never lists A's clients to B, with or without filters, on any page", async () => {
      for (const query of [{}, { postcode: '10115' }, { updatedSince: '2000-01-01T00:00:00Z' }]) {
        const seen: { id: string; jobcenterId: string }[] = [];
        let cursor: string | undefined;
        do {
          const res = await http.get(caseworkerB, CLIENTS, {
            query: { ...query, limit: 1, ...(cursor ? { cursor } : {}) },
          });
          expect(res.status).toBe(200);
          seen.push(...res.body.items);
          cursor = res.body.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.every((c) => c.jobcenterId === jobcenterB)).toBe(true);
        const ids = new Set(seen.map((c) => c.id));
        for (const a of clientsOfA) expect(ids.has(a.id)).toBe(false);
        const expectedOfB = clientsOfB.filter(
          (c) => !('postcode' in query) || c.postcode === query.postcode,
        );
        expect([...ids].sort()).toEqual(expectedOfB.map((c) => c.id).sort());
      }
    });

    it("cannot page into A's list with a cursor made from A's list", async () => {
      const pageOfA = await http.get(caseworkerA, CLIENTS, { query: { limit: 1 } });
      expect(pageOfA.body.nextCursor).toEqual(expect.any(String));
      const res = await http.get(caseworkerB, CLIENTS, {
        query: { limit: 100, cursor: pageOfA.body.nextCursor },
      });
      expect(res.status).toBe(200);
      for (const item of res.body.items) expect(item.jobcenterId).toBe(jobcenterB);
    });

    it('registers clients in its own jobcenter only, whatever the body says', async () => {
      const res = await http.post(caseworkerB, CLIENTS, {
        jobcenterId: jobcenterA,
        customerNumber: uniqueCustomerNumber(),
        givenName: 'Erika',
        familyName: 'Musterfrau',
        dateOfBirth: '1984-03-07',
        street: 'Lindenstraße 12',
        postcode: '12345',
        city: 'Musterstadt',
      });
      expectProblem(res, 400, 'validation-error');
    });
  });

  describe('the service, for a caller that is not a jobcenter (defence in depth)', () => {
    let provider: Actor;

    beforeAll(async () => {
      const org = await createOrganisation(app, OrganisationKind.Provider);
      provider = {
        kind: 'user',
        userId: randomUUID(),
        sessionId: randomUUID(),
        organisationId: org.id,
        organisationKind: OrganisationKind.Provider,
        roles: [Role.ProviderLead],
        permissions: new Set([
          Permission.ClientCreate,
          Permission.ClientRead,
          Permission.ClientUpdate,
        ]),
        requestId: `test-${randomUUID()}`,
      };
    });

    it('treats every client as not found, lists nothing, and registers nothing', async () => {
      const service = app.get(ClientsService);
      const target = clientsOfA[2];
      await expect(service.get(provider, target.id)).rejects.toBeInstanceOf(ResourceNotFound);
      await expect(
        service.update(provider, target.id, target.version, { city: 'x' }),
      ).rejects.toBeInstanceOf(ResourceNotFound);
      await expect(service.list(provider, {}, { limit: 100 })).resolves.toEqual({
        items: [],
        nextCursor: null,
      });
      await expect(
        service.create(provider, {
          customerNumber: uniqueCustomerNumber(),
          givenName: 'E',
          familyName: 'M',
          dateOfBirth: '1984-03-07',
          street: 'S',
          postcode: '12345',
          city: 'C',
        }),
      ).rejects.toBeInstanceOf(ResourceNotFound);
      expect((await rowOf(target.id)).version).toBe(target.version);
    });

    it('offers the referrals module a scoped and an unscoped look-up', async () => {
      const service = app.get(ClientsService);
      const target = clientsOfA[0];
      expect((await service.findOwned(jobcenterA, target.id))?.id).toBe(target.id);
      expect(await service.findOwned(jobcenterB, target.id)).toBeNull();
      expect((await service.findById(target.id))?.jobcenterId).toBe(jobcenterA);
      expect(await service.findById(randomUUID())).toBeNull();
    });
  });

  describe('roles without client permissions (function level)', () => {
    const outsiders: [string, () => Promise<{ Authorization: string }>][] = [
      [
        'provider_worker',
        async () => (await createUser(app, { roles: [Role.ProviderWorker] })).authHeader,
      ],
      [
        'provider_lead',
        async () => (await createUser(app, { roles: [Role.ProviderLead] })).authHeader,
      ],
      [
        'jobcenter_lead of the owning jobcenter',
        async () =>
          (await createUser(app, { roles: [Role.JobcenterLead], organisationId: jobcenterA }))
            .authHeader,
      ],
      [
        'auditor of the owning jobcenter',
        async () =>
          (await createUser(app, { roles: [Role.Auditor], organisationId: jobcenterA })).authHeader,
      ],
      ['admin', async () => (await createUser(app, { roles: [Role.Admin] })).authHeader],
      [
        'a provider API key with every scope',
        async () => {
          const provider = await createOrganisation(app, OrganisationKind.Provider);
          const key = await createApiKey(app, {
            organisationId: provider.id,
            scopes: Object.values(ApiKeyScope),
          });
          return key.authHeader;
        },
      ],
    ];

    const bodyWith = (customerNumber: string) => clientBody({ customerNumber });

    const routes = (target: TestClient, customerNumber: string) =>
      [
        ['POST /clients', (as: HttpActor) => http.post(as, CLIENTS, bodyWith(customerNumber))],
        ['GET /clients', (as: HttpActor) => http.get(as, CLIENTS)],
        ['GET /clients/{id}', (as: HttpActor) => http.get(as, `${CLIENTS}/${target.id}`)],
        [
          'PATCH /clients/{id}',
          (as: HttpActor) =>
            http.patch(
              as,
              `${CLIENTS}/${target.id}`,
              { city: 'Übernommen' },
              { ifMatch: `"${target.version}"` },
            ),
        ],
      ] as const;

    it.each(outsiders)(
      '%s gets 403 on every route, with an access.denied event and nothing changed',
      async (_, authHeaderOf) => {
        const auth = await authHeaderOf();
        const target = clientsOfA[0];
        const before = await rowOf(target.id);
        const customerNumber = uniqueCustomerNumber();
        for (const [route, call] of routes(target, customerNumber)) {
          const res = await call(auth);
          if (res.status !== 403) {
            throw new Error(
              `${route}: expected 403, got ${res.status} ${JSON.stringify(res.body)}`,
            );
          }
          expectProblem(res, 403, 'forbidden');
          expect(JSON.stringify(res.body)).not.toContain(target.familyName);
          const rows = await ds.query<{ action: string }[]>(
            "SELECT action FROM audit_events WHERE request_id = $1 AND outcome = 'denied'",
            [res.headers['x-request-id']],
          );
          expect(rows.map((r) => r.action)).toEqual(['access.denied']);
        }
        expect(await rowOf(target.id)).toEqual(before);
        const created = await ds.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM clients WHERE customer_number = $1',
          [customerNumber],
        );
        expect(created[0].n).toBe(0);
      },
    );

    it('answers 401 on every route without credentials', async () => {
      for (const [, call] of routes(clientsOfA[0], uniqueCustomerNumber())) {
        expectProblem(await call('anonymous'), 401, 'unauthorized');
      }
    });
  });
});
