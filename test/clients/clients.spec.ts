import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getMetadataStorage } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { ListClientsQueryDto } from '../../src/clients/dto/list-clients-query.dto';
import { todayInGermany } from '../../src/common/calendar';
import { etagOf } from '../auth/helpers';
import { clientBody, createClient, uniqueCustomerNumber } from '../factories/clients';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const CLIENTS = '/api/v1/clients';

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { field: string }[]).map((e) => e.field).sort();

function daysFromToday(days: number): string {
  const date = new Date(`${todayInGermany()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function decodeCursor(cursor: string): unknown[] {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
}

/** A case manager registers and maintains the clients of their jobcenter. */
describe('clients', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let caseworker: TestUser;
  let jobcenterId: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    jobcenterId = (await createOrganisation(app)).id;
    caseworker = await createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterId });
  });
  afterAll(async () => {
    await app.close();
  });

  const body = clientBody;
  const post = (payload: Record<string, unknown>, as: TestUser = caseworker) =>
    http.post(as, CLIENTS, payload);
  const patch = (id: string, ifMatch: string | undefined, payload: Record<string, unknown>) =>
    http.patch(caseworker, `${CLIENTS}/${id}`, payload, { ifMatch });
  const get = (id: string) => http.get(caseworker, `${CLIENTS}/${id}`);
  const clientsWithNumber = async (customerNumber: string) =>
    (
      await app
        .get(DataSource)
        .query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM clients WHERE customer_number = $1',
          [customerNumber],
        )
    )[0].n;

  describe('registering', () => {
    it('creates a client: 201, Location, ETag, and GET at the Location returns it', async () => {
      const payload = body({
        customerNumber: '  123d456789-' + randomUUID().slice(0, 8) + ' ',
        givenName: '  Erika ',
        familyName: ' Musterfrau  ',
      });
      const res = await post(payload);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${CLIENTS}/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        jobcenterId,
        customerNumber: payload.customerNumber.trim().toUpperCase(),
        givenName: 'Erika',
        familyName: 'Musterfrau',
        dateOfBirth: '1984-03-07',
        street: 'Lindenstraße 12',
        postcode: '12345',
        city: 'Musterstadt',
        careOf: null,
        usualWhereabouts: null,
        municipality: null,
        phone: null,
        email: null,
        preferredContact: 'no_preference',
        preferredContactTimes: null,
        noteToProvider: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const got = await http.get(caseworker, res.headers.location);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
      expect(got.headers.etag).toBe('"1"');

      const [row] = await app
        .get(DataSource)
        .query<{ created_by: string; version: number }[]>(
          'SELECT created_by, version FROM clients WHERE id = $1',
          [res.body.id],
        );
      expect(row).toEqual({ created_by: caseworker.userId, version: 1 });
    });

    it('stores every optional field', async () => {
      const optional = {
        phone: '+49 (30) 123-456/7',
        email: 'erika.musterfrau@example.org',
        preferredContact: 'home_visit',
        preferredContactTimes: 'Nachmittags',
        noteToProvider: 'Bevorzugt Nachmittage; spricht Arabisch.',
      };
      const res = await post(body(optional));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject(optional);
      expect((await get(res.body.id)).body).toMatchObject(optional);
    });

    it.each([
      ['names of 100 characters', { givenName: 'a'.repeat(100), familyName: 'b'.repeat(100) }],
      ['a street of 200 and a city of 100', { street: 's'.repeat(200), city: 'c'.repeat(100) }],
      ['a customer number of 32', { customerNumber: `X${randomUUID()}`.slice(0, 32) }],
      ['a phone number of 40', { phone: '0'.repeat(40) }],
      [
        'times of 200 and a note of 1000',
        { preferredContactTimes: 't'.repeat(200), noteToProvider: 'n'.repeat(1000) },
      ],
      ['born on 1900-01-01', { dateOfBirth: '1900-01-01' }],
      ['born today', { dateOfBirth: todayInGermany() }],
      ['born on 29 February of a leap year', { dateOfBirth: '2000-02-29' }],
      [
        'null for the optional fields',
        { phone: null, email: null, preferredContactTimes: null, noteToProvider: null },
      ],
    ])('accepts %s', async (_, overrides) => {
      const res = await post(body(overrides));
      expect(res.status).toBe(201);
    });

    it.each([
      ['a blank given name', { givenName: '   ' }, 'givenName'],
      ['a given name of 101 characters', { givenName: 'a'.repeat(101) }, 'givenName'],
      ['no family name', { familyName: undefined }, 'familyName'],
      ['a family name of 101 characters', { familyName: 'b'.repeat(101) }, 'familyName'],
      ['a null family name', { familyName: null }, 'familyName'],
      ['a street of 201 characters', { street: 's'.repeat(201) }, 'street'],
      ['an empty city', { city: '' }, 'city'],
      ['a city of 101 characters', { city: 'c'.repeat(101) }, 'city'],
      ['a customer number of 33 characters', { customerNumber: 'A'.repeat(33) }, 'customerNumber'],
      ['a customer number with odd characters', { customerNumber: '123<D>' }, 'customerNumber'],
      ['an empty customer number', { customerNumber: ' ' }, 'customerNumber'],
      ['a date of birth that does not exist', { dateOfBirth: '1984-02-30' }, 'dateOfBirth'],
      ['29 February of a common year', { dateOfBirth: '2001-02-29' }, 'dateOfBirth'],
      ['a German date', { dateOfBirth: '07.03.1984' }, 'dateOfBirth'],
      ['a date-time', { dateOfBirth: '1984-03-07T00:00:00Z' }, 'dateOfBirth'],
      ['a number as date', { dateOfBirth: 19840307 }, 'dateOfBirth'],
      ['a birth before 1900', { dateOfBirth: '1899-12-31' }, 'dateOfBirth'],
      ['a birth tomorrow', { dateOfBirth: daysFromToday(1) }, 'dateOfBirth'],
      ['a postcode of 4 digits', { postcode: '1234' }, 'postcode'],
      ['a postcode of 6 digits', { postcode: '123456' }, 'postcode'],
      ['a postcode with letters', { postcode: 'D-123' }, 'postcode'],
      ['a postcode as number', { postcode: 12345 }, 'postcode'],
      ['an invalid email', { email: 'erika@' }, 'email'],
      ['an email of 255 characters', { email: `${'e'.repeat(243)}@example.org` }, 'email'],
      ['a phone number with letters', { phone: '030 CALL ME' }, 'phone'],
      ['a phone number without digits', { phone: '+ ( )' }, 'phone'],
      ['a phone number of 41 characters', { phone: '0'.repeat(41) }, 'phone'],
      ['an unknown contact way', { preferredContact: 'pigeon' }, 'preferredContact'],
      ['a null contact way', { preferredContact: null }, 'preferredContact'],
      [
        'contact times of 201 characters',
        { preferredContactTimes: 't'.repeat(201) },
        'preferredContactTimes',
      ],
      ['a note of 1001 characters', { noteToProvider: 'n'.repeat(1001) }, 'noteToProvider'],
    ])('refuses %s with 400 and stores nothing', async (_, overrides, field) => {
      const payload = body(overrides);
      const res = await post(payload);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      expect(await clientsWithNumber(payload.customerNumber)).toBe(0);
    });

    it.each([
      ['jobcenterId', { jobcenterId: randomUUID() }],
      ['id', { id: randomUUID() }],
      ['version', { version: 7 }],
      ['createdBy', { createdBy: randomUUID() }],
      ['createdAt', { createdAt: '2020-01-01T00:00:00Z' }],
      ['updatedAt', { updatedAt: '2020-01-01T00:00:00Z' }],
    ])('refuses %s in the body (mass assignment) and stores nothing', async (field, extra) => {
      const payload = body(extra);
      const res = await post(payload);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      expect(await clientsWithNumber(payload.customerNumber)).toBe(0);
    });

    it('refuses a customer number taken in the jobcenter with 409, whatever its case or padding', async () => {
      const customerNumber = uniqueCustomerNumber();
      expect((await post(body({ customerNumber }))).status).toBe(201);
      expectProblem(await post(body({ customerNumber })), 409, 'customer-number-taken');
      expectProblem(
        await post(body({ customerNumber: ` ${customerNumber.toLowerCase()} ` })),
        409,
        'customer-number-taken',
      );
      expect(await clientsWithNumber(customerNumber)).toBe(1);
    });

    it('lets another jobcenter use the same customer number', async () => {
      const customerNumber = uniqueCustomerNumber();
      const other = await createUser(app, { roles: [Role.Caseworker] });
      expect((await post(body({ customerNumber }))).status).toBe(201);
      expect((await post(body({ customerNumber }), other)).status).toBe(201);
      expect(await clientsWithNumber(customerNumber)).toBe(2);
    });

    it('refuses concurrent registrations of one customer number with 409, not 500', async () => {
      const customerNumber = uniqueCustomerNumber();
      const results = await Promise.all([0, 1, 2, 3].map(() => post(body({ customerNumber }))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expectProblem(r, 409, 'customer-number-taken');
      }
      expect(await clientsWithNumber(customerNumber)).toBe(1);
    });
  });

  describe('reading', () => {
    it('answers an unknown id with 404 and a non-UUID id with 400', async () => {
      expectProblem(await get(randomUUID()), 404, 'not-found');
      expect(fieldsOf(expectProblem(await get('not-a-uuid'), 400, 'validation-error'))).toEqual([
        'id',
      ]);
    });
  });

  describe('updating', () => {
    it('changes only the fields sent, bumps the ETag and updatedAt, and null clears optional fields', async () => {
      const client = await createClient(app, {
        jobcenterId,
        phone: '030 123456',
        email: 'alt@example.org',
        noteToProvider: 'Alte Notiz',
      });
      const res = await patch(client.id, '"1"', {
        street: '  Birkenweg 3 ',
        postcode: '54321',
        phone: null,
        preferredContact: 'letter',
      });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toEqual({
        ...client,
        version: undefined,
        street: 'Birkenweg 3',
        postcode: '54321',
        phone: null,
        preferredContact: 'letter',
        createdAt: client.createdAt.toISOString(),
        updatedAt: expect.any(String),
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(client.updatedAt.getTime());
      const got = await get(client.id);
      expect(got.body).toEqual(res.body);
      expect(got.headers.etag).toBe('"2"');
    });

    it('needs If-Match (428), refuses a stale or foreign one (412), and changes nothing then', async () => {
      const client = await createClient(app, { jobcenterId });
      const change = { city: 'Anderswo' };
      expectProblem(await patch(client.id, undefined, change), 428, 'precondition-required');
      expectProblem(await patch(client.id, '*', change), 428, 'precondition-required');
      expectProblem(await patch(client.id, '"2"', change), 412, 'precondition-failed');
      expectProblem(await patch(client.id, 'W/"1"', change), 412, 'precondition-failed');
      expect((await get(client.id)).body.city).toBe(client.city);

      const etag = await etagOf(http, `${CLIENTS}/${client.id}`, caseworker.authHeader);
      expect((await patch(client.id, etag, change)).status).toBe(200);
      expectProblem(await patch(client.id, etag, { city: 'Zu spät' }), 412, 'precondition-failed');
      expect((await get(client.id)).body.city).toBe('Anderswo');
    });

    it('lets exactly one of 10 concurrent PATCHes with the same If-Match win', async () => {
      const client = await createClient(app, { jobcenterId });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => patch(client.id, '"1"', { city: `Stadt ${i}` })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
      const winner = results.find((r) => r.status === 200)!;
      const now = await get(client.id);
      expect(now.body.city).toBe(winner.body.city);
      expect(now.headers.etag).toBe('"2"');
      const updates = await app
        .get(DataSource)
        .query<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'client.update' AND client_id = $1",
          [client.id],
        );
      expect(updates[0].n).toBe(1);
    });

    it('refuses a customer number another client of the jobcenter has with 409', async () => {
      const [a, b] = await Promise.all([
        createClient(app, { jobcenterId }),
        createClient(app, { jobcenterId }),
      ]);
      const res = await patch(a.id, '"1"', { customerNumber: b.customerNumber.toLowerCase() });
      expectProblem(res, 409, 'customer-number-taken');
      expect((await get(a.id)).body.customerNumber).toBe(a.customerNumber);
      // Its own number is not "taken".
      expect((await patch(a.id, '"1"', { customerNumber: a.customerNumber })).status).toBe(200);
    });

    it.each([
      ['jobcenterId', { jobcenterId: randomUUID() }],
      ['id', { id: randomUUID() }],
      ['version', { version: 99 }],
      ['createdBy', { createdBy: randomUUID() }],
      ['createdAt', { createdAt: '2020-01-01T00:00:00Z' }],
    ])('refuses %s in a PATCH body (mass assignment) and changes nothing', async (field, extra) => {
      const client = await createClient(app, { jobcenterId });
      const before = await get(client.id);
      const res = await patch(client.id, '"1"', { ...extra, city: 'Anderswo' });
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      const after = await get(client.id);
      expect(after.body).toEqual(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);
    });

    it.each([
      ['a null given name', { givenName: null }, 'givenName'],
      ['a null date of birth', { dateOfBirth: null }, 'dateOfBirth'],
      ['a null postcode', { postcode: null }, 'postcode'],
      ['a null contact way', { preferredContact: null }, 'preferredContact'],
      ['a null customer number', { customerNumber: null }, 'customerNumber'],
      ['a family name of 101 characters', { familyName: 'x'.repeat(101) }, 'familyName'],
      ['a birth in the future', { dateOfBirth: daysFromToday(2) }, 'dateOfBirth'],
      ['a bad postcode', { postcode: '1234a' }, 'postcode'],
      ['an empty note', { noteToProvider: '  ' }, 'noteToProvider'],
    ])('refuses %s with 400, not 500, and changes nothing', async (_, change, field) => {
      const client = await createClient(app, { jobcenterId });
      const res = await patch(client.id, '"1"', change);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual([field]);
      expect((await get(client.id)).headers.etag).toBe('"1"');
    });

    it('answers an unknown id with 404', async () => {
      expectProblem(await patch(randomUUID(), '"1"', { city: 'x' }), 404, 'not-found');
    });
  });

  describe('the list', () => {
    let listJobcenter: string;
    let lister: TestUser;
    const ids: string[] = [];

    beforeAll(async () => {
      listJobcenter = (await createOrganisation(app)).id;
      lister = await createUser(app, { roles: [Role.Caseworker], organisationId: listJobcenter });
      // Distinct and equal change times, so that the id decides among equals.
      const times = ['2024-01-01', '2024-02-01', '2024-02-01', '2024-03-01', '2024-04-01'];
      for (const [i, day] of times.entries()) {
        const client = await createClient(app, {
          jobcenterId: listJobcenter,
          postcode: i % 2 === 0 ? '10115' : '20095',
          updatedAt: new Date(`${day}T08:00:00.123Z`),
        });
        ids.push(client.id);
      }
    });

    const list = (query: Record<string, string | number> = {}, as: TestUser = lister) =>
      http.get(as, CLIENTS, { query: query });

    async function walk(query: Record<string, string | number>) {
      const seen: { id: string; updatedAt: string; postcode: string; jobcenterId: string }[] = [];
      const cursors: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await list({ ...query, limit: 1, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor ?? undefined;
        if (cursor) cursors.push(cursor);
      } while (cursor);
      return { seen, cursors };
    }

    it('pages one at a time through the clients, most recently changed first', async () => {
      const { seen } = await walk({});
      const expected = [...seen].sort(
        (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
      );
      expect(seen).toEqual(expected);
      expect(seen.map((c) => c.id).sort()).toEqual([...ids].sort());
      expect(new Set(seen.map((c) => c.jobcenterId))).toEqual(new Set([listJobcenter]));
      const whole = await list({ limit: 100 });
      expect(whole.body.items).toEqual(seen);
      expect(whole.body.nextCursor).toBeNull();
    });

    it('filters by postcode', async () => {
      const { seen } = await walk({ postcode: '20095' });
      expect(seen.map((c) => c.id).sort()).toEqual([ids[1], ids[3]].sort());
    });

    it('filters by updatedSince, inclusively', async () => {
      const res = await list({ updatedSince: '2024-02-01T08:00:00.123Z' });
      expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
        [ids[1], ids[2], ids[3], ids[4]].sort(),
      );
      const withOffset = await list({
        updatedSince: '2024-03-01T09:00:00+01:00',
        postcode: '10115',
      });
      expect(withOffset.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
        [ids[4]].sort(),
      );
    });

    it('puts a changed client first', async () => {
      const etag = await etagOf(http, `${CLIENTS}/${ids[0]}`, lister.authHeader);
      const res = await http.patch(
        lister,
        `${CLIENTS}/${ids[0]}`,
        { preferredContactTimes: 'Vormittags' },
        { ifMatch: etag },
      );
      expect(res.status).toBe(200);
      expect((await list({ limit: 1 })).body.items[0].id).toBe(ids[0]);
    });

    it('carries no client value in its cursors: only the list, a change time and an id', async () => {
      const { seen, cursors } = await walk({});
      expect(cursors.length).toBe(seen.length - 1);
      const rows = await app.get(DataSource).query<Record<string, unknown>[]>(
        `SELECT customer_number, given_name, family_name, date_of_birth::text AS date_of_birth,
                  street, postcode, city FROM clients WHERE jobcenter_id = $1`,
        [listJobcenter],
      );
      const values = rows.flatMap((r) => Object.values(r).map(String));
      for (const [i, cursor] of cursors.entries()) {
        const decoded = decodeCursor(cursor);
        expect(decoded).toEqual(['clients-by-update', seen[i].updatedAt, seen[i].id]);
        for (const value of values) expect(cursor + JSON.stringify(decoded)).not.toContain(value);
      }
    });

    it('refuses filters on personal data, malformed filters and repeated parameters with 400', async () => {
      for (const query of [
        'givenName=Erika',
        'familyName=Musterfrau',
        'dateOfBirth=1984-03-07',
        'customerNumber=123D456789',
        'q=Erika',
        'postcode=1234',
        'postcode=10115&postcode=20095',
        'updatedSince=2024-01-01',
        'updatedSince=2024-01-01T00:00:00',
        'updatedSince=yesterday',
        'limit=101',
      ]) {
        const res = await http.get(lister, `${CLIENTS}?${query}`);
        expectProblem(res, 400, 'validation-error');
      }
    });

    it('refuses a cursor of another list', async () => {
      const foreign = Buffer.from(JSON.stringify(['users-by-email', 'a@b.de', randomUUID()]));
      const res = await list({ cursor: foreign.toString('base64url') });
      expectProblem(res, 400, 'invalid-cursor');
    });

    it('has no query parameter that could carry names, birth dates or customer numbers', () => {
      const parameters = getMetadataStorage()
        .getTargetValidationMetadatas(ListClientsQueryDto, '', true, false)
        .map((m) => m.propertyName);
      expect([...new Set(parameters)].sort()).toEqual([
        'cursor',
        'limit',
        'postcode',
        'updatedSince',
      ]);
    });
  });

  describe('the audit trail', () => {
    it('records create and update with the client id and the fields sent, never their values', async () => {
      const payload = body({
        givenName: 'Sentinelgiven',
        familyName: 'Sentinelfamily',
        dateOfBirth: '1977-07-17',
        street: 'Sentinelweg 99',
        phone: '0179 5550199',
        email: 'sentinel@example.org',
        noteToProvider: 'Sentinelnote',
      });
      const created = await post(payload);
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const updated = await patch(id, '"1"', { city: 'Sentinelstadt', phone: null });
      expect(updated.status).toBe(200);

      const rows = await app.get(DataSource).query<
        {
          action: string;
          outcome: string;
          actor_id: string;
          organisation_id: string;
          resource_type: string;
          resource_id: string;
          request_id: string;
          details: { fields: string[] };
        }[]
      >(
        `SELECT action, outcome::text AS outcome, actor_id, organisation_id, resource_type,
                resource_id, request_id, details
           FROM audit_events WHERE client_id = $1 ORDER BY id`,
        [id],
      );
      expect(rows).toEqual([
        {
          action: 'client.create',
          outcome: 'success',
          actor_id: caseworker.userId,
          organisation_id: jobcenterId,
          resource_type: 'client',
          resource_id: id,
          request_id: created.headers['x-request-id'],
          details: {
            fields: [
              'city',
              'customerNumber',
              'dateOfBirth',
              'email',
              'familyName',
              'givenName',
              'noteToProvider',
              'phone',
              'postcode',
              'street',
            ],
          },
        },
        {
          action: 'client.update',
          outcome: 'success',
          actor_id: caseworker.userId,
          organisation_id: jobcenterId,
          resource_type: 'client',
          resource_id: id,
          request_id: updated.headers['x-request-id'],
          details: { fields: ['city', 'phone'] },
        },
      ]);
      const logged = JSON.stringify(rows);
      for (const value of [
        ...Object.values(payload).map(String),
        '1977-07-17',
        'Sentinelstadt',
        String(created.body.customerNumber),
      ]) {
        if (value === '12345' || value === 'Musterstadt') continue; // common defaults
        expect(logged).not.toContain(value);
      }
    });

    it('puts nothing but the id into the Location', async () => {
      const res = await post(body({ givenName: 'Locationtest' }));
      expect(res.headers.location).toMatch(
        /^\/api\/v1\/clients\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    });
  });
});
