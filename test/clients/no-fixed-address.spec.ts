import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ServiceKind } from '../../src/providers/service-kind';
import { clientBody, createClient } from '../factories/clients';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract } from '../factories/providers';
import { expectProblem } from '../support/problem';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const CLIENTS = '/api/v1/clients';
const NO_ADDRESS = { street: undefined, postcode: undefined, city: undefined };

/**
 * A person without a fixed address (ohne festen Wohnsitz, issue 20 point 5): registered with
 * the Erreichbarkeit instead of an address, found by municipality in the provider directory and
 * the availability, referred, accepted and reached.
 */
describe('clients without a fixed address', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let caseworker: TestUser;
  let providerLead: TestUser;
  let jobcenterId: string;
  let providerId: string;
  let otherProviderId: string;
  const town = `Bensheim-${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    jobcenterId = (await createOrganisation(app, OrganisationKind.Jobcenter)).id;
    providerId = (await createOrganisation(app, OrganisationKind.Provider)).id;
    otherProviderId = (await createOrganisation(app, OrganisationKind.Provider)).id;
    caseworker = await createUser(app, { roles: [Role.Caseworker], organisationId: jobcenterId });
    providerLead = await createUser(app, {
      roles: [Role.ProviderLead],
      organisationId: providerId,
    });
    const otherLead = await createUser(app, {
      roles: [Role.ProviderLead],
      organisationId: otherProviderId,
    });
    for (const [lead, id, municipalities] of [
      [providerLead, providerId, [town.toUpperCase(), 'Heppenheim']],
      [otherLead, otherProviderId, ['Lorsch']],
    ] as const) {
      const read = await http.get(lead, `/api/v1/providers/${id}`);
      const res = await http.patch(
        lead,
        `/api/v1/providers/${id}`,
        { services: [ServiceKind.OutreachHomeVisits], municipalities },
        { ifMatch: read.headers.etag },
      );
      expect(res.status).toBe(200);
      expect(res.body.municipalities).toEqual(municipalities);
    }
    await createContract(app, { jobcenterId, providerId, capacity: 3 });
    await createContract(app, { jobcenterId, providerId: otherProviderId, capacity: 3 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers a client with the Erreichbarkeit instead of an address', async () => {
    const res = await http.post(
      caseworker,
      CLIENTS,
      clientBody({
        ...NO_ADDRESS,
        careOf: 'c/o Tagesaufenthalt Lichtblick, Bahnhofstraße 3',
        usualWhereabouts: 'Vormittags im Tagesaufenthalt',
        municipality: ` ${town} `,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      street: null,
      postcode: null,
      city: null,
      careOf: 'c/o Tagesaufenthalt Lichtblick, Bahnhofstraße 3',
      usualWhereabouts: 'Vormittags im Tagesaufenthalt',
      municipality: town,
    });
  });

  it('refuses a client with neither an address nor a municipality, or half an address', async () => {
    const none = await http.post(caseworker, CLIENTS, clientBody({ ...NO_ADDRESS }));
    const body = expectProblem(none, 400, 'validation-error');
    expect(body.errors).toEqual([{ field: 'municipality', messages: [expect.any(String)] }]);
    const half = await http.post(
      caseworker,
      CLIENTS,
      clientBody({
        street: 'Am Markt 1',
        postcode: undefined,
        city: undefined,
        municipality: town,
      }),
    );
    const halfBody = expectProblem(half, 400, 'validation-error');
    expect((halfBody.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'postcode',
      'city',
    ]);
  });

  it('moves a client out of and back into an address, the row always whole', async () => {
    const created = await http.post(caseworker, CLIENTS, clientBody());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const refused = await http.patch(
      caseworker,
      `${CLIENTS}/${id}`,
      { street: null, postcode: null, city: null },
      { ifMatch: created.headers.etag },
    );
    expectProblem(refused, 400, 'validation-error');
    const moved = await http.patch(
      caseworker,
      `${CLIENTS}/${id}`,
      { street: null, postcode: null, city: null, municipality: town },
      { ifMatch: created.headers.etag },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ street: null, postcode: null, municipality: town });
    const back = await http.patch(
      caseworker,
      `${CLIENTS}/${id}`,
      { street: 'Neue Straße 1', postcode: '64625', city: 'Bensheim' },
      { ifMatch: moved.headers.etag },
    );
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ street: 'Neue Straße 1', municipality: town });
  });

  it('the database refuses half an address too (check constraint)', async () => {
    await expect(
      createClient(app, {
        jobcenterId,
        street: null,
        postcode: null,
        city: 'X',
        municipality: null,
      }),
    ).rejects.toThrow(/clients_reachability_check/);
  });

  it('finds providers and free places by municipality, without regard to case', async () => {
    const directory = await http.get(caseworker, '/api/v1/providers', {
      query: { municipality: town.toLowerCase(), limit: 100 },
    });
    expect(directory.status).toBe(200);
    expect((directory.body.items as { id: string }[]).map((p) => p.id)).toEqual([providerId]);
    const availability = await http.get(caseworker, '/api/v1/providers/availability', {
      query: { municipality: town },
    });
    expect(availability.status).toBe(200);
    expect(availability.body.items).toEqual([
      expect.objectContaining({ providerId, capacity: 3, freePlaces: 3 }),
    ]);
    const all = await http.get(caseworker, '/api/v1/providers/availability');
    expect((all.body.items as unknown[]).length).toBe(2);
  });

  it('is referred, accepted and reached end to end', async () => {
    const client = await http.post(
      caseworker,
      CLIENTS,
      clientBody({
        ...NO_ADDRESS,
        careOf: 'Postfach 1234, 64625 Bensheim',
        usualWhereabouts: 'Nachmittags am Bahnhofsvorplatz',
        municipality: town,
        noteToProvider: 'Ohne festen Wohnsitz',
      }),
    );
    expect(client.status).toBe(201);
    const draft = await http.post(caseworker, '/api/v1/referrals', {
      clientId: client.body.id,
      providerId,
      reasonCategory: 'lost_contact',
      requestedServices: ['outreach_home_visits'],
    });
    expect(draft.status).toBe(201);
    const referralId = draft.body.id as string;
    await http.advance(caseworker, referralId, 'send');

    // Before deciding, the provider learns the municipality in place of the postcode.
    const offered = await http.get(providerLead, `/api/v1/referrals/${referralId}`);
    expect(offered.status).toBe(200);
    expect(offered.body.clientSummary).toEqual({
      postcode: null,
      municipality: town,
      noteToProvider: 'Ohne festen Wohnsitz',
    });

    await http.advance(providerLead, referralId, 'accept', {
      assignedWorkerId: providerLead.userId,
    });
    const reached = await http.get(providerLead, `/api/v1/referrals/${referralId}/client`);
    expect(reached.status).toBe(200);
    expect(reached.body).toMatchObject({
      street: null,
      careOf: 'Postfach 1234, 64625 Bensheim',
      usualWhereabouts: 'Nachmittags am Bahnhofsvorplatz',
      municipality: town,
    });
    await http.advance(providerLead, referralId, 'start');
  });
});
