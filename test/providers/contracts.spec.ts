import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { ServiceKind } from '../../src/providers/service-kind';
import { auditRowsOf } from '../auth/helpers';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract } from '../factories/providers';
import { uniqueName } from '../factories/unique';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const CONTRACTS = '/api/v1/contracts';
const contractsOf = (providerId: string) => `/api/v1/providers/${providerId}/contracts`;
const DTO_FIELDS = [
  'billingTerms',
  'capacity',
  'createdAt',
  'firstContactWorkingDays',
  'id',
  'jobcenterId',
  'jobcenterName',
  'number',
  'providerId',
  'providerName',
  'services',
  'updatedAt',
  'validFrom',
  'validUntil',
].sort();

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { field: string }[]).map((e) => e.field).sort();

/** Contracts between jobcenters and providers, over HTTP. */
describe('contracts', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let ds: DataSource;
  /** Jobcenter A and B, providers P1 and P2, with their people. */
  let leadA: TestUser;
  let leadB: TestUser;
  let caseworkerA: TestUser;
  let leadP1: TestUser;
  let leadP2: TestUser;
  let workerP1: TestUser;
  let admin: TestUser;
  let jobcenterA: { id: string; name: string };
  let p1: { id: string; name: string };
  let p2: { id: string };

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    ds = app.get(DataSource);
    [jobcenterA, p1, p2] = await Promise.all([
      createOrganisation(app, OrganisationKind.Jobcenter),
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Provider),
    ]);
    [leadA, leadB, caseworkerA, leadP1, leadP2, workerP1, admin] = await Promise.all([
      createUser(app, { roles: [Role.JobcenterLead], organisationId: jobcenterA.id }),
      createUser(app, { roles: [Role.JobcenterLead] }),
      createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterA.id }),
      createUser(app, { roles: [Role.ProviderLead], organisationId: p1.id }),
      createUser(app, { roles: [Role.ProviderLead], organisationId: p2.id }),
      createUser(app, { roles: [Role.ProviderWorker], organisationId: p1.id }),
      createUser(app, { roles: [Role.Admin] }),
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    number: uniqueName('AH-2026'),
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    services: [ServiceKind.OutreachHomeVisits, ServiceKind.DebtRegulation],
    capacity: 25,
    ...overrides,
  });
  const post = (providerId: string, payload: Record<string, unknown>, user = leadA) =>
    http.post(user, contractsOf(providerId), payload);
  const patch = (
    id: string,
    ifMatch: string | undefined,
    payload: Record<string, unknown>,
    user = leadA,
  ) => http.patch(user, `${CONTRACTS}/${id}`, payload, { ifMatch });
  const get = (id: string, user: TestUser) => http.get(user, `${CONTRACTS}/${id}`);
  const listIds = async (providerId: string, user: TestUser): Promise<string[]> => {
    const res = await http.get(user, contractsOf(providerId), { query: { limit: 100 } });
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((c) => c.id);
  };
  const rowOf = async (id: string) =>
    (await ds.query<Record<string, unknown>[]>('SELECT * FROM contracts WHERE id = $1', [id]))[0];
  const countByNumber = async (number: string) =>
    (
      await ds.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM contracts WHERE number = $1',
        [number],
      )
    )[0].n;
  const deniedEventsOf = (res: Response) =>
    ds.query<{ action: string }[]>(
      "SELECT action FROM audit_events WHERE request_id = $1 AND outcome = 'denied'",
      [res.headers['x-request-id']],
    );

  describe('by the jobcenter lead', () => {
    it('creates one: 201, Location, ETag, both names, the default first-contact days', async () => {
      const payload = body();
      const res = await post(p1.id, payload);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${CONTRACTS}/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(Object.keys(res.body).sort()).toEqual(DTO_FIELDS);
      expect(res.body).toMatchObject({
        ...payload,
        jobcenterId: jobcenterA.id,
        jobcenterName: jobcenterA.name,
        providerId: p1.id,
        providerName: p1.name,
        firstContactWorkingDays: 10,
      });

      const read = await get(res.body.id, leadA);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
      expect(read.headers.etag).toBe('"1"');

      const audit = (await auditRowsOf(app, leadA.userId)).filter(
        (r) => r.action === 'contract.create' && r.resource_id === res.body.id,
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ outcome: 'success', details: { providerId: p1.id } });
    });

    it('creates an open-ended one with its own first-contact days', async () => {
      const res = await post(p1.id, body({ validUntil: null, firstContactWorkingDays: 5 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ validUntil: null, firstContactWorkingDays: 5 });
      const omitted = await post(p1.id, body({ validUntil: undefined }));
      expect(omitted.status).toBe(201);
      expect(omitted.body.validUntil).toBeNull();
    });

    it('changes one at its version: 428 without If-Match, 412 when stale', async () => {
      const created = (await post(p1.id, body())).body as { id: string; number: string };
      expectProblem(
        await patch(created.id, undefined, { capacity: 30 }),
        428,
        'precondition-required',
      );

      const res = await patch(created.id, '"1"', {
        capacity: 30,
        validUntil: '2027-06-30',
        services: [ServiceKind.HousingSecurity],
        firstContactWorkingDays: 15,
      });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        number: created.number,
        validFrom: '2026-01-01',
        validUntil: '2027-06-30',
        services: [ServiceKind.HousingSecurity],
        capacity: 30,
        firstContactWorkingDays: 15,
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(res.body.createdAt).getTime(),
      );

      expectProblem(await patch(created.id, '"1"', { capacity: 40 }), 412, 'precondition-failed');
      expect(await rowOf(created.id)).toMatchObject({ capacity: 30, version: 2 });

      const ended = await patch(created.id, '"2"', { validUntil: null });
      expect(ended.status).toBe(200);
      expect(ended.body.validUntil).toBeNull();

      const audit = (await auditRowsOf(app, leadA.userId)).filter(
        (r) => r.action === 'contract.update' && r.resource_id === created.id,
      );
      expect(audit.map((r) => r.details?.fields)).toEqual([
        ['capacity', 'firstContactWorkingDays', 'services', 'validUntil'],
        ['validUntil'],
      ]);
    });

    it('lets exactly one of 10 concurrent changes at one version win', async () => {
      const created = (await post(p1.id, body())).body as { id: string };
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => patch(created.id, '"1"', { capacity: 100 + i })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
      const winner = results.find((r) => r.status === 200)!;
      expect(await rowOf(created.id)).toMatchObject({ capacity: winner.body.capacity, version: 2 });
    });

    it('refuses a duplicate number in the same jobcenter with 409; another jobcenter may use it', async () => {
      const number = uniqueName('AH-doppelt');
      expect((await post(p1.id, body({ number }))).status).toBe(201);
      expectProblem(await post(p2.id, body({ number })), 409, 'contract-number-taken');
      expect((await post(p1.id, body({ number }), leadB)).status).toBe(201);
      expect(await countByNumber(number)).toBe(2);
    });

    it('refuses concurrent creations of one number with one 201 and 409s, never 500', async () => {
      const number = uniqueName('AH-parallel');
      const results = await Promise.all([0, 1, 2, 3].map(() => post(p1.id, body({ number }))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      expect(await countByNumber(number)).toBe(1);
    });

    it('answers an unknown, deactivated or non-provider organisation with 404', async () => {
      const [deactivated, jobcenter] = await Promise.all([
        createOrganisation(app, OrganisationKind.Provider),
        createOrganisation(app, OrganisationKind.Jobcenter),
      ]);
      await app.get(OrganisationsService).update(admin.actor, deactivated.id, 1, { active: false });
      for (const id of [randomUUID(), deactivated.id, jobcenter.id, jobcenterA.id]) {
        const number = uniqueName('AH-nirgends');
        expectProblem(await post(id, body({ number })), 404, 'not-found');
        expect(await countByNumber(number)).toBe(0);
      }
    });
  });

  describe('validation', () => {
    it.each([
      [
        'validUntil before validFrom',
        { validFrom: '2026-06-01', validUntil: '2026-05-31' },
        ['validUntil'],
      ],
      ['an impossible date', { validFrom: '2026-02-30' }, ['validFrom']],
      ['a timestamp for a date', { validFrom: '2026-01-01T00:00:00Z' }, ['validFrom']],
      ['a missing validFrom', { validFrom: undefined }, ['validFrom']],
      ['capacity 0', { capacity: 0 }, ['capacity']],
      ['capacity 10001', { capacity: 10001 }, ['capacity']],
      ['a fractional capacity', { capacity: 2.5 }, ['capacity']],
      ['capacity as a string', { capacity: '25' }, ['capacity']],
      ['empty services', { services: [] }, ['services']],
      ['a repeated service', { services: ['other', 'other'] }, ['services']],
      ['an unknown service', { services: ['magic'] }, ['services']],
      ['first-contact days 0', { firstContactWorkingDays: 0 }, ['firstContactWorkingDays']],
      ['first-contact days 61', { firstContactWorkingDays: 61 }, ['firstContactWorkingDays']],
      ['null first-contact days', { firstContactWorkingDays: null }, ['firstContactWorkingDays']],
      ['an empty number', { number: '   ' }, ['number']],
      ['a number of 65 characters', { number: 'x'.repeat(65) }, ['number']],
      ['a jobcenterId of its own', { jobcenterId: randomUUID() }, ['jobcenterId']],
      ['a providerId of its own', { providerId: randomUUID() }, ['providerId']],
    ])('refuses %s with 400 on create, storing nothing', async (_, overrides, fields) => {
      const payload = body(overrides);
      const res = await post(p1.id, payload);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual(fields);
      expect(await countByNumber(payload.number)).toBe(0);
    });

    it('accepts the capacity and first-contact bounds', async () => {
      for (const [capacity, days] of [
        [1, 1],
        [10000, 60],
      ]) {
        const res = await post(p1.id, body({ capacity, firstContactWorkingDays: days }));
        expect(res.status).toBe(201);
      }
    });

    it('accepts validUntil equal to validFrom (a one-day contract)', async () => {
      const res = await post(p1.id, body({ validFrom: '2026-03-01', validUntil: '2026-03-01' }));
      expect(res.status).toBe(201);
    });

    it.each([
      ['validUntil before validFrom', { validUntil: '2025-12-31' }, ['validUntil']],
      ['the number', { number: 'neu' }, ['number']],
      ['validFrom', { validFrom: '2025-01-01' }, ['validFrom']],
      ['empty services', { services: [] }, ['services']],
      ['null services', { services: null }, ['services']],
      ['null capacity', { capacity: null }, ['capacity']],
      ['capacity 10001', { capacity: 10001 }, ['capacity']],
      ['first-contact days 61', { firstContactWorkingDays: 61 }, ['firstContactWorkingDays']],
      ['a version', { version: 9 }, ['version']],
    ])('refuses %s with 400 on update, changing nothing', async (_, payload, fields) => {
      const created = (await post(p1.id, body())).body as { id: string };
      const before = await rowOf(created.id);
      expect(
        fieldsOf(expectProblem(await patch(created.id, '"1"', payload), 400, 'validation-error')),
      ).toEqual(fields);
      expect(await rowOf(created.id)).toEqual(before);
    });
  });

  describe('scoping', () => {
    let ofA: { id: string };
    let ofB: { id: string };
    let ofAWithP2: { id: string };

    beforeAll(async () => {
      ofA = await createContract(app, { jobcenterId: jobcenterA.id, providerId: p1.id });
      ofB = await createContract(app, { jobcenterId: leadB.organisationId, providerId: p1.id });
      ofAWithP2 = await createContract(app, { jobcenterId: jobcenterA.id, providerId: p2.id });
    });

    it("the lead of jobcenter B gets 404 for A's contract and never sees it in lists", async () => {
      expectProblem(await get(ofA.id, leadB), 404, 'not-found');
      const before = await rowOf(ofA.id);
      expectProblem(await patch(ofA.id, '"1"', { capacity: 1 }, leadB), 404, 'not-found');
      expect(await rowOf(ofA.id)).toEqual(before);
      const ids = await listIds(p1.id, leadB);
      expect(ids).toContain(ofB.id);
      expect(ids).not.toContain(ofA.id);
      expect(await listIds(p2.id, leadB)).not.toContain(ofAWithP2.id);
    });

    it('the jobcenter lead lists only their contracts with the provider of the path', async () => {
      const ids = await listIds(p1.id, leadA);
      expect(ids).toContain(ofA.id);
      expect(ids).not.toContain(ofB.id);
      expect(ids).not.toContain(ofAWithP2.id);
      expect(await listIds(p2.id, leadA)).toContain(ofAWithP2.id);
    });

    it("a provider lead reads their own provider's contracts with every jobcenter", async () => {
      const ids = await listIds(p1.id, leadP1);
      expect(ids).toEqual(expect.arrayContaining([ofA.id, ofB.id]));
      expect(ids).not.toContain(ofAWithP2.id);
      const one = await get(ofB.id, leadP1);
      expect(one.status).toBe(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body.jobcenterId).toBe(leadB.organisationId);
    });

    it('a provider worker holds no contract.read (403)', async () => {
      expectProblem(await get(ofA.id, workerP1), 403, 'forbidden');
    });

    it("the lead of P2 gets 404 for P1's contracts and their list", async () => {
      expectProblem(await get(ofA.id, leadP2), 404, 'not-found');
      expectProblem(await http.get(leadP2, contractsOf(p1.id)), 404, 'not-found');
      expect(await listIds(p2.id, leadP2)).toContain(ofAWithP2.id);
    });

    it('answers an unknown contract or provider with 404', async () => {
      expectProblem(await get(randomUUID(), leadA), 404, 'not-found');
      expectProblem(await http.get(leadA, contractsOf(randomUUID())), 404, 'not-found');
      expectProblem(await http.get(leadA, contractsOf(jobcenterA.id)), 404, 'not-found');
    });

    it('pages the list by start date, latest first, with a cursor', async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      const starts = ['2024-01-01', '2025-07-01', '2023-03-15', '2026-02-01', '2025-07-01'];
      const made = await Promise.all(
        starts.map((validFrom) =>
          createContract(app, { jobcenterId: jobcenterA.id, providerId: provider.id, validFrom }),
        ),
      );
      const expected = [...made]
        // valid_from DESC, then id DESC; ISO dates and lower-case uuids compare as strings.
        .sort((a, b) => {
          const [x, y] = a.validFrom === b.validFrom ? [a.id, b.id] : [a.validFrom, b.validFrom];
          return x < y ? 1 : -1;
        })
        .map((c) => c.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await http.get(leadA, contractsOf(provider.id), {
          query: cursor ? { limit: 2, cursor } : { limit: 2 },
        });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...(res.body.items as { id: string }[]).map((c) => c.id));
        cursor = res.body.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    });
  });

  describe('function level', () => {
    it('a caseworker cannot create contracts (403, access.denied, nothing stored)', async () => {
      const payload = body();
      const res = await post(p1.id, payload, caseworkerA);
      expectProblem(res, 403, 'forbidden');
      expect((await deniedEventsOf(res)).map((r) => r.action)).toEqual(['access.denied']);
      expect(await countByNumber(payload.number)).toBe(0);
    });

    it('a provider lead cannot create or change contracts (403)', async () => {
      const contract = await createContract(app, { jobcenterId: jobcenterA.id, providerId: p1.id });
      expectProblem(await post(p1.id, body(), leadP1), 403, 'forbidden');
      const res = await patch(contract.id, '"1"', { capacity: 999 }, leadP1);
      expectProblem(res, 403, 'forbidden');
      expect((await deniedEventsOf(res)).map((r) => r.action)).toEqual(['access.denied']);
      expect(await rowOf(contract.id)).toMatchObject({ capacity: 10, version: 1 });
    });

    it('an admin cannot read contracts (403)', async () => {
      const contract = await createContract(app, { jobcenterId: jobcenterA.id, providerId: p1.id });
      const res = await get(contract.id, admin);
      expectProblem(res, 403, 'forbidden');
      expect((await deniedEventsOf(res)).map((r) => r.action)).toEqual(['access.denied']);
      expectProblem(await http.get(admin, contractsOf(p1.id)), 403, 'forbidden');
      expectProblem(await post(p1.id, body(), admin), 403, 'forbidden');
    });

    it('answers 401 without credentials', async () => {
      expectProblem(await http.get('anonymous', contractsOf(p1.id)), 401, 'unauthorized');
      expectProblem(
        await http.get('anonymous', `${CONTRACTS}/${randomUUID()}`),
        401,
        'unauthorized',
      );
    });
  });
});
