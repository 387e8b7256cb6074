import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt, randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { ServiceKind } from '../../src/providers/service-kind';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { setProfile } from '../factories/providers';
import { uniqueName } from '../factories/unique';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const PROVIDERS = '/api/v1/providers';
const DTO_FIELDS = [
  'active',
  'contactEmail',
  'contactPhone',
  'description',
  'id',
  'languages',
  'municipalities',
  'name',
  'postcodes',
  'services',
  'updatedAt',
  'website',
].sort();

/** A postcode no other test is likely to use: the filters below are isolated by it. */
const freshPostcode = (): string => String(randomInt(10000, 100000));

interface ProviderItem {
  id: string;
  name: string;
  services: string[];
  postcodes: string[];
  languages: string[];
}

/** The provider directory: GET /providers and GET /providers/{id}. */
describe('provider directory', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let caseworker: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    [caseworker, admin] = await Promise.all([
      createUser(app, { roles: [Role.Caseworker] }),
      createUser(app, { roles: [Role.Admin] }),
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  const list = (query: Record<string, string | number>, user: TestUser = caseworker) =>
    http.get(user, PROVIDERS, { query: query });

  /** Every page of the filtered list, following the cursors. */
  async function walk(query: Record<string, string | number>): Promise<ProviderItem[][]> {
    const pages: ProviderItem[][] = [];
    let cursor: string | undefined;
    do {
      const res = await list(cursor ? { ...query, cursor } : query);
      expect(res.status).toBe(200);
      pages.push(res.body.items as ProviderItem[]);
      cursor = (res.body.nextCursor as string | null) ?? undefined;
    } while (cursor && pages.length < 50);
    return pages;
  }
  const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

  describe('filters', () => {
    let postcode: string;
    let homeVisitsArabic: { id: string };
    let debtsTurkish: { id: string };
    let bothGerman: { id: string };
    let withoutProfile: { id: string };

    beforeAll(async () => {
      postcode = freshPostcode();
      [homeVisitsArabic, debtsTurkish, bothGerman, withoutProfile] = await Promise.all(
        [0, 1, 2, 3].map(() => createOrganisation(app, OrganisationKind.Provider)),
      );
      await Promise.all([
        setProfile(app, homeVisitsArabic.id, {
          services: [ServiceKind.OutreachHomeVisits],
          postcodes: [postcode, '10115'],
          languages: ['de', 'ar'],
        }),
        setProfile(app, debtsTurkish.id, {
          services: [ServiceKind.DebtRegulation],
          postcodes: [postcode],
          languages: ['tr'],
        }),
        setProfile(app, bothGerman.id, {
          services: [ServiceKind.OutreachHomeVisits, ServiceKind.DebtRegulation],
          postcodes: ['10115'],
          languages: ['de'],
        }),
      ]);
    });

    const mine = (items: ProviderItem[]) =>
      idsOf(items).filter((id) =>
        [homeVisitsArabic.id, debtsTurkish.id, bothGerman.id, withoutProfile.id].includes(id),
      );

    it('by postcode: only providers whose service area holds it', async () => {
      const res = await list({ postcode, limit: 100 });
      expect(res.status).toBe(200);
      expect(new Set(mine(res.body.items))).toEqual(
        new Set([homeVisitsArabic.id, debtsTurkish.id]),
      );
      for (const item of res.body.items as ProviderItem[]) {
        expect(item.postcodes).toContain(postcode);
      }
    });

    it('by service and postcode together', async () => {
      const res = await list({ postcode, service: ServiceKind.DebtRegulation });
      expect(res.status).toBe(200);
      expect(mine(res.body.items)).toEqual([debtsTurkish.id]);
      for (const item of res.body.items as ProviderItem[]) {
        expect(item.services).toContain(ServiceKind.DebtRegulation);
      }
    });

    it('by language and postcode together', async () => {
      const ar = await list({ postcode, language: 'ar' });
      expect(mine(ar.body.items)).toEqual([homeVisitsArabic.id]);
      const de = await list({ postcode, language: 'de' });
      expect(mine(de.body.items)).toEqual([homeVisitsArabic.id]);
      const fr = await list({ postcode, language: 'fr' });
      expect(mine(fr.body.items)).toEqual([]);
    });

    it('by service alone: every listed provider offers it', async () => {
      const items = (await walk({ service: ServiceKind.OutreachHomeVisits, limit: 100 })).flat();
      const ids = idsOf(items);
      expect(ids).toEqual(expect.arrayContaining([homeVisitsArabic.id, bothGerman.id]));
      expect(ids).not.toContain(debtsTurkish.id);
      expect(ids).not.toContain(withoutProfile.id);
      for (const item of items) expect(item.services).toContain(ServiceKind.OutreachHomeVisits);
    });

    it('lists a provider without a profile with empty lists, and matches it with no filter', async () => {
      const items = (await walk({ limit: 100 })).flat();
      const item = items.find((i) => i.id === withoutProfile.id);
      expect(item).toBeDefined();
      expect(Object.keys(item!).sort()).toEqual(DTO_FIELDS);
      expect(item).toMatchObject({
        services: [],
        postcodes: [],
        languages: [],
        contactEmail: null,
        updatedAt: null,
        active: true,
      });
    });

    it.each([
      ['an unknown service', { service: 'magic' }, 'service'],
      ['a short postcode', { postcode: '1234' }, 'postcode'],
      ['a language in capitals', { language: 'DE' }, 'language'],
      ['a language of three letters', { language: 'deu' }, 'language'],
      ['two services (parameter pollution)', 'service=other&service=debt_regulation', 'service'],
    ])('refuses %s with 400', async (_, query, field) => {
      const res = await http.get(caseworker, PROVIDERS, { query: query });
      const problem = expectProblem(res, 400, 'validation-error');
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    });
  });

  it('pages by name with a cursor: every provider once, in order', async () => {
    const postcode = freshPostcode();
    const prefix = uniqueName('Verzeichnis');
    const names = Array.from({ length: 7 }, (_, i) => `${prefix} ${String(i).padStart(2, '0')}`);
    const organisations = app.get(OrganisationsService);
    const ids: string[] = [];
    for (const name of [...names].reverse()) {
      const { organisation } = await organisations.ensure(OrganisationKind.Provider, name);
      await setProfile(app, organisation.id, { postcodes: [postcode] });
      ids.unshift(organisation.id);
    }
    const pages = await walk({ postcode, limit: 3 });
    expect(pages.map((p) => p.map((i) => i.name))).toEqual([
      names.slice(0, 3),
      names.slice(3, 6),
      names.slice(6),
    ]);
    expect(idsOf(pages.flat())).toEqual(ids);
  });

  it('never lists deactivated providers, nor jobcenters (even with a profile row)', async () => {
    const postcode = freshPostcode();
    const [active, deactivated, jobcenter] = await Promise.all([
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Jobcenter),
    ]);
    for (const o of [active, deactivated, jobcenter])
      await setProfile(app, o.id, { postcodes: [postcode] });
    await app.get(OrganisationsService).update(admin.actor, deactivated.id, 1, { active: false });

    expect(idsOf((await walk({ postcode })).flat())).toEqual([active.id]);
    const all = idsOf((await walk({ limit: 100 })).flat());
    expect(all).toContain(active.id);
    expect(all).not.toContain(deactivated.id);
    expect(all).not.toContain(jobcenter.id);

    // The detail stays readable (an older referral may name it), flagged inactive.
    const one = await http.get(caseworker, `${PROVIDERS}/${deactivated.id}`);
    expect(one.status).toBe(200);
    expect(one.body.active).toBe(false);
  });

  describe('GET /providers/{id}', () => {
    it('returns the provider with ETag "0" before its profile exists', async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      const res = await http.get(caseworker, `${PROVIDERS}/${provider.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"0"');
      expect(Object.keys(res.body).sort()).toEqual(DTO_FIELDS);
      expect(res.body).toMatchObject({ id: provider.id, name: provider.name, services: [] });
    });

    it('returns the profile version as ETag once it exists', async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      const profile = await setProfile(app, provider.id, { languages: ['de', 'tr'] });
      const res = await http.get(caseworker, `${PROVIDERS}/${provider.id}`);
      expect(res.headers.etag).toBe(`"${profile.version}"`);
      expect(res.body.languages).toEqual(['de', 'tr']);
    });

    it('is readable by every role holding provider.read', async () => {
      const provider = await createOrganisation(app, OrganisationKind.Provider);
      for (const role of [Role.JobcenterLead, Role.ProviderWorker, Role.ProviderLead, Role.Admin]) {
        const user = await createUser(app, { roles: [role] });
        const res = await http.get(user, `${PROVIDERS}/${provider.id}`);
        expect(res.status).toBe(200);
      }
    });

    it('answers a jobcenter, the operator or an unknown id with 404, and a non-UUID with 400', async () => {
      const jobcenter = await createOrganisation(app, OrganisationKind.Jobcenter);
      for (const id of [jobcenter.id, admin.organisationId, randomUUID()]) {
        const res = await http.get(caseworker, `${PROVIDERS}/${id}`);
        expectProblem(res, 404, 'not-found');
      }
      const res = await http.get(caseworker, `${PROVIDERS}/not-a-uuid`);
      expectProblem(res, 400, 'validation-error');
    });

    it('refuses an auditor (no provider.read) with 403', async () => {
      const auditor = await createUser(app, {
        roles: [Role.Auditor],
        organisationKind: OrganisationKind.Jobcenter,
      });
      expectProblem(await http.get(auditor, PROVIDERS), 403, 'forbidden');
    });
  });
});
