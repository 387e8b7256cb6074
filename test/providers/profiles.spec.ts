import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ServiceKind } from '../../src/providers/service-kind';
import { auditRowsOf, etagOf } from '../auth/helpers';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { setProfile } from '../factories/providers';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const PROVIDERS = '/api/v1/providers';

const fieldsOf = (body: Record<string, unknown>) =>
  (body.errors as { field: string }[]).map((e) => e.field).sort();

/** PATCH /providers/{id}: the profile, created by the first change and versioned after. */
describe('provider profiles', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    admin = await createUser(app, { roles: [Role.Admin] });
  });
  afterAll(async () => {
    await app.close();
  });

  const patch = (
    id: string,
    ifMatch: string | undefined,
    body: Record<string, unknown>,
    user: TestUser = admin,
  ) => http.patch(user, `${PROVIDERS}/${id}`, body, { ifMatch });
  const profileRow = async (id: string) =>
    (
      await app
        .get(DataSource)
        .query<{ version: number; services: string; postcodes: string[] }[]>(
          'SELECT version, services::text, postcodes FROM provider_profiles WHERE organisation_id = $1',
          [id],
        )
    )[0];

  const FULL = {
    services: [ServiceKind.OutreachHomeVisits, ServiceKind.HousingSecurity],
    postcodes: ['12043', '12045'],
    languages: ['de', 'ar', 'tr'],
    contactEmail: 'kontakt@aufwind.example',
    contactPhone: '+49 30 1234567',
    website: 'https://aufwind.example/hilfe',
    description: 'Aufsuchende Hilfe in Neukölln.',
  };

  it('creates the profile with If-Match "0", then changes it at its version', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const created = await patch(provider.id, '"0"', FULL);
    expect(created.status).toBe(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ id: provider.id, name: provider.name, ...FULL });
    expect(typeof created.body.updatedAt).toBe('string');
    const read = await http.get(admin, `${PROVIDERS}/${provider.id}`);
    expect(read.body).toEqual(created.body);
    expect(read.headers.etag).toBe('"1"');

    const changed = await patch(provider.id, '"1"', { postcodes: ['10115'], contactEmail: null });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    // Only the fields sent change; null removes a contact field.
    expect(changed.body).toMatchObject({
      ...FULL,
      postcodes: ['10115'],
      contactEmail: null,
    });

    const rows = (await auditRowsOf(app, admin.userId)).filter(
      (r) => r.action === 'provider.update' && r.resource_id === provider.id,
    );
    expect(rows.map((r) => [r.outcome, r.details?.fields, r.details?.version])).toEqual([
      ['success', Object.keys(FULL).sort(), 1],
      ['success', ['contactEmail', 'postcodes'], 2],
    ]);
  });

  it('creates with empty lists for the fields not sent', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const res = await patch(provider.id, '"0"', { languages: ['uk'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ services: [], postcodes: [], languages: ['uk'] });
    expect(await profileRow(provider.id)).toMatchObject({ version: 1, services: '{}' });
  });

  it('needs If-Match (428) and refuses a stale one (412), changing nothing', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    expectProblem(await patch(provider.id, undefined, FULL), 428, 'precondition-required');
    // No profile yet: only "0" creates it.
    expectProblem(await patch(provider.id, '"1"', FULL), 412, 'precondition-failed');
    expect(await profileRow(provider.id)).toBeUndefined();

    expect((await patch(provider.id, '"0"', { postcodes: ['12043'] })).status).toBe(200);
    expectProblem(await patch(provider.id, '"0"', FULL), 412, 'precondition-failed');
    expectProblem(await patch(provider.id, '"2"', FULL), 412, 'precondition-failed');
    expect(await profileRow(provider.id)).toMatchObject({ version: 1, postcodes: ['12043'] });
    expect(await etagOf(http, `${PROVIDERS}/${provider.id}`, admin.authHeader)).toBe('"1"');
  });

  it('lets exactly one of 10 concurrent creations win', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        patch(provider.id, '"0"', { postcodes: [String(10000 + i)] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    expect(await profileRow(provider.id)).toMatchObject({
      version: 1,
      postcodes: winner.body.postcodes,
    });
  });

  it('lets exactly one of 10 concurrent changes at one version win', async () => {
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    await setProfile(app, provider.id, { postcodes: ['12043'] });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        patch(provider.id, '"1"', { postcodes: [String(20000 + i)] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.headers.etag).toBe('"2"');
    expect(await profileRow(provider.id)).toMatchObject({
      version: 2,
      postcodes: winner.body.postcodes,
    });
  });

  describe('who may change it', () => {
    it('a provider lead changes their own organisation', async () => {
      const lead = await createUser(app, { roles: [Role.ProviderLead] });
      const res = await patch(lead.organisationId, '"0"', { languages: ['de'] }, lead);
      expect(res.status).toBe(200);
      expect(
        (await auditRowsOf(app, lead.userId)).filter((r) => r.action === 'provider.update'),
      ).toHaveLength(1);
    });

    it("a provider lead of P2 gets 404 for P1's profile, and nothing changes", async () => {
      const [leadP1, leadP2] = await Promise.all([
        createUser(app, { roles: [Role.ProviderLead] }),
        createUser(app, { roles: [Role.ProviderLead] }),
      ]);
      await setProfile(app, leadP1.organisationId, { languages: ['de'] });
      for (const ifMatch of ['"0"', '"1"']) {
        const res = await patch(leadP1.organisationId, ifMatch, { languages: ['fr'] }, leadP2);
        expectProblem(res, 404, 'not-found');
      }
      expect(await profileRow(leadP1.organisationId)).toMatchObject({ version: 1 });
      expect(
        (await auditRowsOf(app, leadP2.userId)).filter((r) => r.action === 'provider.update'),
      ).toEqual([]);
    });

    it('answers a jobcenter or an unknown organisation with 404, also for an admin', async () => {
      const jobcenter = await createOrganisation(app, OrganisationKind.Jobcenter);
      for (const id of [jobcenter.id, randomUUID()]) {
        expectProblem(await patch(id, '"0"', { languages: ['de'] }), 404, 'not-found');
      }
      expect(await profileRow(jobcenter.id)).toBeUndefined();
    });

    it.each([Role.Caseworker, Role.JobcenterLead, Role.ProviderWorker])(
      '%s gets 403 with an access.denied event, and nothing changes',
      async (role) => {
        const user = await createUser(app, { roles: [role] });
        const target =
          role === Role.ProviderWorker
            ? user.organisationId
            : (await createOrganisation(app, OrganisationKind.Provider)).id;
        const res = await patch(target, '"0"', { languages: ['de'] }, user);
        expectProblem(res, 403, 'forbidden');
        expect(await profileRow(target)).toBeUndefined();
        const events = await app
          .get(DataSource)
          .query<{ action: string; outcome: string }[]>(
            'SELECT action, outcome::text AS outcome FROM audit_events WHERE request_id = $1',
            [res.headers['x-request-id']],
          );
        expect(events).toEqual([{ action: 'access.denied', outcome: 'denied' }]);
      },
    );
  });

  describe('validation', () => {
    let providerId: string;
    beforeAll(async () => {
      providerId = (await createOrganisation(app, OrganisationKind.Provider)).id;
    });

    it.each([
      ['an unknown service', { services: ['magic'] }, ['services']],
      ['a repeated service', { services: ['other', 'other'] }, ['services']],
      ['null services', { services: null }, ['services']],
      ['null postcodes', { postcodes: null }, ['postcodes']],
      ['a bad postcode', { postcodes: ['12043', '1204'] }, ['postcodes']],
      ['a repeated postcode', { postcodes: ['12043', '12043'] }, ['postcodes']],
      [
        '501 postcodes',
        { postcodes: Array.from({ length: 501 }, (_, i) => String(10000 + i)) },
        ['postcodes'],
      ],
      ['a language in capitals', { languages: ['DE'] }, ['languages']],
      ['a language of three letters', { languages: ['deu'] }, ['languages']],
      [
        '21 languages',
        { languages: Array.from({ length: 21 }, (_, i) => `a${String.fromCharCode(97 + i)}`) },
        ['languages'],
      ],
      ['a website without http(s)', { website: 'ftp://aufwind.example' }, ['website']],
      ['a website without protocol', { website: 'aufwind.example' }, ['website']],
      ['a bad email', { contactEmail: 'kontakt at aufwind' }, ['contactEmail']],
      ['letters in the phone number', { contactPhone: 'call me' }, ['contactPhone']],
      ['a description of 2001 characters', { description: 'x'.repeat(2001) }, ['description']],
      ['a version of its own', { version: 7 }, ['version']],
      ['a name (the identity module owns it)', { name: 'Neu' }, ['name']],
    ])('refuses %s with 400, changing nothing', async (_, body, fields) => {
      const res = await patch(providerId, '"0"', body);
      expect(fieldsOf(expectProblem(res, 400, 'validation-error'))).toEqual(fields);
      expect(await profileRow(providerId)).toBeUndefined();
    });

    it('accepts 500 postcodes and 20 languages', async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      const postcodes = Array.from({ length: 500 }, (_, i) => String(10000 + i));
      const languages = Array.from({ length: 20 }, (_, i) => `a${String.fromCharCode(97 + i)}`);
      const res = await patch(provider.id, '"0"', { postcodes, languages });
      expect(res.status).toBe(200);
      expect(res.body.postcodes).toEqual(postcodes);
      expect(res.body.languages).toEqual(languages);
    });
  });
});
