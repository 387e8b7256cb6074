import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import type { Contract } from '../../src/providers/contract.entity';
import { ContractsService } from '../../src/providers/contracts.service';
import { ProvidersService } from '../../src/providers/providers.service';
import { ServiceKind } from '../../src/providers/service-kind';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract, setProfile } from '../factories/providers';
import { createTestApp } from '../support/test-app';

const { OutreachHomeVisits: HOME, DebtRegulation: DEBTS, HousingSecurity: HOUSING } = ServiceKind;

/** Only a real PostgreSQL has a second session to wait on a row lock. */
const onRealPostgres = process.env.TEST_DATABASE_URL ? it : it.skip;

/** What the referrals module uses: ContractsService and ProvidersService against the database. */
describe('ContractsService for referrals', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let contracts: ContractsService;
  let admin: TestUser;
  let jobcenter: { id: string; name: string };
  let otherJobcenter: { id: string };
  let provider: { id: string; name: string };
  let otherProvider: { id: string };
  /** home+debts 2026-01-01..2026-06-30; home 2026-03-01.. open; housing 2026-01-01.. open. */
  let firstHalf: Contract;
  let fromMarch: Contract;
  let housing: Contract;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    contracts = app.get(ContractsService);
    admin = await createUser(app, { roles: [Role.Admin] });
    [jobcenter, otherJobcenter, provider, otherProvider] = await Promise.all([
      createOrganisation(app, OrganisationKind.Jobcenter),
      createOrganisation(app, OrganisationKind.Jobcenter),
      createOrganisation(app, OrganisationKind.Provider),
      createOrganisation(app, OrganisationKind.Provider),
    ]);
    const ids = { jobcenterId: jobcenter.id, providerId: provider.id };
    firstHalf = await createContract(app, {
      ...ids,
      services: [HOME, DEBTS],
      validFrom: '2026-01-01',
      validUntil: '2026-06-30',
    });
    fromMarch = await createContract(app, { ...ids, services: [HOME], validFrom: '2026-03-01' });
    housing = await createContract(app, { ...ids, services: [HOUSING], validFrom: '2026-01-01' });
    // Same services and days, other parties: never covering for (jobcenter, provider).
    await createContract(app, {
      jobcenterId: otherJobcenter.id,
      providerId: provider.id,
      services: [HOME, DEBTS],
    });
    await createContract(app, {
      jobcenterId: jobcenter.id,
      providerId: otherProvider.id,
      services: [HOME, DEBTS],
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const covering = (services: ServiceKind[], on: string) =>
    ds.transaction((manager) =>
      contracts.findCovering(manager, jobcenter.id, provider.id, services, on),
    );
  const idsOf = (cs: { id: string }[]) => cs.map((c) => c.id);

  describe('findCovering', () => {
    it('returns the contracts valid that day covering every service, latest start first', async () => {
      expect(idsOf(await covering([HOME], '2026-04-01'))).toEqual([fromMarch.id, firstHalf.id]);
      expect(idsOf(await covering([HOME, DEBTS], '2026-04-01'))).toEqual([firstHalf.id]);
      expect(idsOf(await covering([DEBTS, HOUSING], '2026-04-01'))).toEqual([]);
      expect(idsOf(await covering([HOUSING], '2026-04-01'))).toEqual([housing.id]);
    });

    it('treats validUntil as inclusive and validFrom as the first day', async () => {
      expect(idsOf(await covering([DEBTS], '2026-06-30'))).toEqual([firstHalf.id]);
      expect(idsOf(await covering([DEBTS], '2026-07-01'))).toEqual([]);
      expect(idsOf(await covering([HOME], '2026-02-28'))).toEqual([firstHalf.id]);
      expect(idsOf(await covering([HOME], '2026-03-01'))).toEqual([fromMarch.id, firstHalf.id]);
      expect(idsOf(await covering([HOME], '2025-12-31'))).toEqual([]);
    });

    it('returns whole contracts, with the fields a booking needs', async () => {
      const [found] = await covering([HOME, DEBTS], '2026-01-15');
      expect(found).toMatchObject({
        id: firstHalf.id,
        jobcenterId: jobcenter.id,
        providerId: provider.id,
        capacity: 10,
        firstContactWorkingDays: 10,
        validFrom: '2026-01-01',
        validUntil: '2026-06-30',
        version: 1,
      });
      expect([...found.services].sort()).toEqual([DEBTS, HOME].sort());
    });
  });

  describe('lockForBooking', () => {
    it('returns the contract inside the transaction, or null for an unknown id', async () => {
      await ds.transaction(async (manager) => {
        expect((await contracts.lockForBooking(manager, fromMarch.id))?.id).toBe(fromMarch.id);
        expect(await contracts.lockForBooking(manager, randomUUID())).toBeNull();
      });
    });

    onRealPostgres('holds the row until the transaction ends: a second locker waits', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const first = ds.transaction(async (manager) => {
        await contracts.lockForBooking(manager, housing.id);
        locked();
        await held;
      });
      await isLocked;
      const second = ds.transaction(async (manager) => {
        await manager.query("SET LOCAL lock_timeout = '200ms'");
        return contracts.lockForBooking(manager, housing.id);
      });
      await expect(second).rejects.toBeInstanceOf(QueryFailedError);
      release();
      await first;
      // Once the first transaction has ended, the row can be locked again.
      const third = await ds.transaction((manager) =>
        contracts.lockForBooking(manager, housing.id),
      );
      expect(third?.id).toBe(housing.id);
    });
  });

  describe('listValid', () => {
    it("lists a jobcenter's contracts valid that day, with both names", async () => {
      const valid = await contracts.listValid({ jobcenterId: jobcenter.id }, {}, '2026-07-01');
      const ofProvider = valid.filter((c) => c.providerId === provider.id);
      expect(new Set(idsOf(ofProvider))).toEqual(new Set([fromMarch.id, housing.id]));
      expect(valid.every((c) => c.jobcenterId === jobcenter.id)).toBe(true);
      expect(ofProvider[0]).toMatchObject({
        jobcenterName: jobcenter.name,
        providerName: provider.name,
      });
      expect(ofProvider[0]).not.toHaveProperty('provider');
      const before = await contracts.listValid({ jobcenterId: jobcenter.id }, {}, '2025-06-01');
      expect(before.filter((c) => c.providerId === provider.id)).toEqual([]);
    });

    it("lists a provider's contracts with every jobcenter", async () => {
      const valid = await contracts.listValid(
        { providerId: provider.id },
        { service: HOME },
        '2026-04-01',
      );
      expect(valid.every((c) => c.providerId === provider.id)).toBe(true);
      expect(new Set(valid.map((c) => c.jobcenterId))).toEqual(
        new Set([jobcenter.id, otherJobcenter.id]),
      );
      expect(idsOf(valid)).not.toContain(housing.id);
    });

    it("filters by service and by the provider profile's service area", async () => {
      const scope = { jobcenterId: jobcenter.id };
      const byService = await contracts.listValid(scope, { service: DEBTS }, '2026-04-01');
      expect(idsOf(byService.filter((c) => c.providerId === provider.id))).toEqual([firstHalf.id]);

      const postcode = String(10000 + Math.floor(Math.random() * 90000));
      expect(await contracts.listValid(scope, { postcode }, '2026-04-01')).toEqual([]);
      await setProfile(app, provider.id, { postcodes: [postcode] });
      const inArea = await contracts.listValid(scope, { postcode }, '2026-04-01');
      expect(new Set(idsOf(inArea))).toEqual(new Set([firstHalf.id, fromMarch.id, housing.id]));
      const both = await contracts.listValid(scope, { postcode, service: HOUSING }, '2026-04-01');
      expect(idsOf(both)).toEqual([housing.id]);
    });

    it('leaves out contracts whose provider or jobcenter is deactivated', async () => {
      const [jc, p] = await Promise.all([
        createOrganisation(app, OrganisationKind.Jobcenter),
        createOrganisation(app, OrganisationKind.Provider),
      ]);
      const contract = await createContract(app, { jobcenterId: jc.id, providerId: p.id });
      const on = '2026-04-01';
      expect(idsOf(await contracts.listValid({ providerId: p.id }, {}, on))).toEqual([contract.id]);
      await app.get(OrganisationsService).update(admin.actor, p.id, 1, { active: false });
      expect(await contracts.listValid({ jobcenterId: jc.id }, {}, on)).toEqual([]);
      await app.get(OrganisationsService).update(admin.actor, p.id, 2, { active: true });
      await app.get(OrganisationsService).update(admin.actor, jc.id, 1, { active: false });
      expect(await contracts.listValid({ providerId: p.id }, {}, on)).toEqual([]);
    });
  });

  describe('ProvidersService.isActiveProvider', () => {
    it('is true only for an active provider organisation', async () => {
      const providers = app.get(ProvidersService);
      const deactivated = await createOrganisation(app, OrganisationKind.Provider);
      await app.get(OrganisationsService).update(admin.actor, deactivated.id, 1, { active: false });
      expect(await providers.isActiveProvider(provider.id)).toBe(true);
      expect(await providers.isActiveProvider(deactivated.id)).toBe(false);
      expect(await providers.isActiveProvider(jobcenter.id)).toBe(false);
      expect(await providers.isActiveProvider(randomUUID())).toBe(false);
    });
  });
});
