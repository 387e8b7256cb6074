import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { createUser, type TestUser } from '../factories/identity';
import {
  buildReferralWorld,
  draftForFreshClient,
  type ReferralWorld,
} from '../factories/referrals';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

/** Every timer stays real; only `Date` is moved, so that "today" is a day before a holiday. */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Issue 20, point 6: first-contact due dates skip the public holidays of the jobcenter's
 * Bundesland, which an admin or the jobcenter's lead sets; the overdue flag and filter follow.
 */
describe('public holidays of the jobcenter’s Land', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    // One working day until the first contact: the day after acceptance, unless a holiday.
    const contract = await http.get(world.leadA, `/api/v1/contracts/${world.contract.id}`);
    expect(contract.status).toBe(200);
    const patched = await http.send(
      world.leadA,
      'patch',
      `/api/v1/contracts/${world.contract.id}`,
      { firstContactWorkingDays: 1 },
      { ifMatch: contract.headers.etag },
    );
    expect(patched.status).toBe(200);
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  afterAll(async () => {
    await app.close();
  });

  const federalState = (actor: TestUser, organisationId: string, body: object) =>
    http.put(actor, `/api/v1/organisations/${organisationId}/federal-state`, body);

  async function setState(state: string | null): Promise<void> {
    const res = await federalState(world.leadA, world.jobcenterA, { federalState: state });
    expect(res.status).toBe(200);
    expect(res.body.federalState).toBe(state);
  }

  /**
   * A referral drafted, sent and accepted at `at` (the clock moved there; the people act with
   * sessions begun then); returns its id and first-contact due date.
   */
  async function acceptedAt(at: string): Promise<{ id: string; due: string }> {
    jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: new Date(at) });
    const [caseworker, lead] = await Promise.all([
      createUser(app, { roles: [Role.Caseworker], organisationId: world.jobcenterA }),
      createUser(app, { roles: [Role.ProviderLead], organisationId: world.providerP1 }),
    ]);
    const id = await draftForFreshClient(app, world, caseworker);
    await http.advance(caseworker, id, 'send');
    const accepted = await http.advance(lead, id, 'accept', {
      assignedWorkerId: world.workerP1.userId,
    });
    expect(accepted.body.acceptedAt.slice(0, 10)).toBe(at.slice(0, 10));
    return { id, due: accepted.body.firstContactDue };
  }

  it('the jobcenter’s lead sets its Land, audited; the organisation shows it', async () => {
    const before = await http.get(world.admin, `/api/v1/organisations/${world.jobcenterA}`);
    expect(before.body.federalState).toBeNull();
    await setState('HE');
    const read = await http.get(world.admin, `/api/v1/organisations/${world.jobcenterA}`);
    expect(read.body.federalState).toBe('HE');
    expect(read.headers.etag).not.toBe(before.headers.etag);
    const audit = await app.get(DataSource).query<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_events
          WHERE action = 'organisation.update' AND resource_id = $1 ORDER BY id`,
      [world.jobcenterA],
    );
    expect(audit.map((row) => row.details)).toEqual([
      { organisationId: world.jobcenterA, fields: ['federalState'], federalState: 'HE' },
    ]);
    // The same again changes nothing and records nothing.
    await setState('HE');
    const after = await app
      .get(DataSource)
      .query(
        `SELECT 1 FROM audit_events WHERE action = 'organisation.update' AND resource_id = $1`,
        [world.jobcenterA],
      );
    expect(after).toHaveLength(1);
  });

  it('an admin sets any jobcenter’s; another jobcenter’s lead gets 404, a provider’s lead 403', async () => {
    const byAdmin = await federalState(world.admin, world.jobcenterB, { federalState: 'NW' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ id: world.jobcenterB, federalState: 'NW' });
    const cleared = await federalState(world.admin, world.jobcenterB, { federalState: null });
    expect(cleared.body.federalState).toBeNull();
    expectProblem(
      await federalState(world.leadA, world.jobcenterB, { federalState: 'HE' }),
      404,
      'not-found',
    );
    expect(
      (await federalState(world.leadP1, world.jobcenterA, { federalState: 'HE' })).status,
    ).toBe(403);
  });

  it('refuses what is not a Land, and a Land for a provider', async () => {
    for (const body of [{ federalState: 'XX' }, { federalState: 'DE-HE' }, {}]) {
      const res = await federalState(world.leadA, world.jobcenterA, body);
      expect(expectProblem(res, 400, 'validation-error').errors).toEqual([
        expect.objectContaining({ field: 'federalState' }),
      ]);
    }
    const provider = await federalState(world.admin, world.providerP1, { federalState: 'HE' });
    expectProblem(provider, 400, 'validation-error');
  });

  it('accepted the day before Fronleichnam: due after it in Hessen and NRW, on it without a Land', async () => {
    // Fronleichnam: Thursday, 27 May 2027 (Hessen, NRW; not Berlin).
    await setState('HE');
    expect((await acceptedAt('2027-05-26T08:00:00Z')).due).toBe('2027-05-28');
    jest.useRealTimers();
    await setState('NW');
    expect((await acceptedAt('2027-05-26T08:00:00Z')).due).toBe('2027-05-28');
    jest.useRealTimers();
    await setState('BE');
    expect((await acceptedAt('2027-05-26T08:00:00Z')).due).toBe('2027-05-27');
    jest.useRealTimers();
    await setState(null);
    expect((await acceptedAt('2027-05-26T08:00:00Z')).due).toBe('2027-05-27');
  });

  it('Allerheiligen counts out in NRW, not in Hessen; Reformationstag in neither', async () => {
    // Allerheiligen: Wednesday, 1 November 2028; Reformationstag: Tuesday, 31 October 2028.
    await setState('NW');
    expect((await acceptedAt('2028-10-31T08:00:00Z')).due).toBe('2028-11-02');
    expect((await acceptedAt('2028-10-30T08:00:00Z')).due).toBe('2028-10-31');
    jest.useRealTimers();
    await setState('HE');
    expect((await acceptedAt('2028-10-31T08:00:00Z')).due).toBe('2028-11-01');
    expect((await acceptedAt('2028-10-30T08:00:00Z')).due).toBe('2028-10-31');
  });

  it('the overdue flag and filter follow the holiday-aware due date', async () => {
    await setState('HE');
    const hessen = await acceptedAt('2027-05-26T08:00:00Z');
    jest.useRealTimers();
    await setState(null);
    const nowhere = await acceptedAt('2027-05-26T08:00:00Z');
    expect([hessen.due, nowhere.due]).toEqual(['2027-05-28', '2027-05-27']);
    // Friday, 28 May 2027: the first is due today, the second was due yesterday.
    jest.setSystemTime(new Date('2027-05-28T10:00:00Z'));
    const lead = await createUser(app, {
      roles: [Role.ProviderLead],
      organisationId: world.providerP1,
    });
    const one = async (id: string) =>
      (await http.get(lead, `/api/v1/referrals/${id}`)).body.overdue as boolean;
    expect(await one(hessen.id)).toBe(false);
    expect(await one(nowhere.id)).toBe(true);
    const listed = await http.get(lead, '/api/v1/referrals', {
      query: { overdue: true, limit: 100 },
    });
    expect(listed.status).toBe(200);
    const ids = (listed.body.items as { id: string }[]).map((r) => r.id);
    expect(ids).toContain(nowhere.id);
    expect(ids).not.toContain(hessen.id);
  });
});
