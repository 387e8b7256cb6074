import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { createApiKey, createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

const WORKLIST = '/api/v1/worklist';
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface Item {
  kind: string;
  referralId: string;
  clientId: string | null;
  state: string;
  since: string;
  dueOn?: string | null;
  overdue?: boolean;
}

/**
 * The worklist (ADR 0019, "The caseworker's worklist"): computed on read from the referrals,
 * ids, states and dates only; the jobcenter's items never depend on whether a first contact
 * was made (participation content it reads only when released).
 */
describe('GET /worklist', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let caseworkerA2: TestUser;
  const ids: Record<string, string> = {};
  const clients: Record<string, string> = {};

  async function worklistOf(actor: HttpActor, query: Record<string, string> = {}) {
    const res = await http.get(actor, WORKLIST, { query });
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; nextCursor: string | null };
  }

  /** Every page, following the cursors. */
  async function everyItem(actor: HttpActor, limit = 100): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await worklistOf(actor, {
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    caseworkerA2 = await createUser(app, {
      roles: [Role.Caseworker],
      organisationKind: OrganisationKind.Jobcenter,
      organisationId: world.jobcenterA,
    });
    for (const name of ['requested', 'overdue', 'contacted', 'started', 'other', 'restricted']) {
      clients[name] = (await createClient(app, { jobcenterId: world.jobcenterA })).id;
    }
    const clientB = (await createClient(app, { jobcenterId: world.jobcenterB })).id;
    const make = async (
      name: string,
      state: ReferralState,
      overrides: Parameters<typeof referralInState>[3] = {},
    ) => {
      const referral = await referralInState(app, world, state, {
        clientId: clients[name],
        ...overrides,
      });
      ids[name] = referral.id;
    };
    await make('requested', ReferralState.Requested, { sentAt: daysAgo(3) });
    await make('overdue', ReferralState.Accepted, {
      acceptedAt: daysAgo(20),
      firstContactDue: '2020-01-02',
    });
    // Accepted, and the provider reached the client already (not started yet).
    await make('contacted', ReferralState.Accepted, {
      acceptedAt: daysAgo(2),
      firstContactAt: daysAgo(1),
    });
    await make('started', ReferralState.InProgress, { firstContactAt: daysAgo(1) });
    await make('other', ReferralState.Requested, {
      sentAt: daysAgo(4),
      caseManagerId: caseworkerA2.userId,
    });
    await make('restricted', ReferralState.Accepted, { acceptedAt: daysAgo(5) });
    await http
      .post(world.auditorA, `/api/v1/clients/${clients.restricted}/restriction`, {
        ground: 'accuracy_contested',
      })
      .expect(200);
    const b = await referralInState(app, world, ReferralState.Requested, {
      jobcenterId: world.jobcenterB,
      providerId: world.providerP2,
      clientId: clientB,
      caseManagerId: world.caseworkerB.userId,
      contractId: null,
      sentAt: daysAgo(1),
    });
    ids.b = b.id;
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('gives a caseworker their own referrals awaiting an answer or a start, by state only', async () => {
    const items = await everyItem(world.caseworkerA);
    expect(items).toEqual([
      {
        kind: 'referral.awaiting_start',
        referralId: ids.overdue,
        clientId: clients.overdue,
        state: 'accepted',
        since: items[0].since,
      },
      {
        kind: 'referral.awaiting_answer',
        referralId: ids.requested,
        clientId: clients.requested,
        state: 'requested',
        since: items[1].since,
      },
      {
        kind: 'referral.awaiting_start',
        referralId: ids.contacted,
        clientId: clients.contacted,
        state: 'accepted',
        since: items[2].since,
      },
    ]);
    // Whether the first contact was made or is overdue is participation content: the two
    // accepted referrals (one overdue, one contacted) look alike, with no due date or flag.
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual([
        'clientId',
        'kind',
        'referralId',
        'since',
        'state',
      ]);
    }
    // Another caseworker of the same jobcenter has their own list.
    expect((await everyItem(caseworkerA2)).map((i) => i.referralId)).toEqual([ids.other]);
  });

  it('gives a provider lead the referrals to decide (no client id) and the first contacts due', async () => {
    const items = await everyItem(world.leadP1);
    const mine = items.filter((i) => Object.values(ids).includes(i.referralId));
    expect(mine).toEqual([
      {
        kind: 'referral.first_contact_due',
        referralId: ids.overdue,
        clientId: clients.overdue,
        state: 'accepted',
        since: expect.any(String) as string,
        dueOn: '2020-01-02',
        overdue: true,
      },
      {
        kind: 'referral.awaiting_decision',
        referralId: ids.other,
        clientId: null,
        state: 'requested',
        since: expect.any(String) as string,
      },
      {
        kind: 'referral.awaiting_decision',
        referralId: ids.requested,
        clientId: null,
        state: 'requested',
        since: expect.any(String) as string,
      },
    ]);
  });

  it('gives a provider worker only the first contacts of referrals assigned to them', async () => {
    const items = await everyItem(world.workerP1);
    expect(items.map((i) => [i.kind, i.referralId])).toEqual([
      ['referral.first_contact_due', ids.overdue],
    ]);
    expect(await everyItem(world.otherWorkerP1)).toEqual([]);
  });

  it('pages with a keyset cursor, in the same order', async () => {
    const paged = await everyItem(world.caseworkerA, 1);
    expect(paged.map((i) => i.referralId)).toEqual([ids.overdue, ids.requested, ids.contacted]);
    expectProblem(
      await http.get(world.caseworkerA, WORKLIST, { query: { limit: '101' } }),
      400,
      'validation-error',
    );
    // A cursor of another list is refused.
    const referrals = await http.get(world.caseworkerA, '/api/v1/referrals', {
      query: { limit: '1' },
    });
    const foreignCursor = (referrals.body as { nextCursor: string }).nextCursor;
    expect(foreignCursor).toEqual(expect.any(String));
    expectProblem(
      await http.get(world.caseworkerA, WORKLIST, { query: { cursor: foreignCursor } }),
      400,
      'invalid-cursor',
    );
  });

  describe('an attacker', () => {
    it("another jobcenter's caseworker sees only their own, with A's cursor too", async () => {
      expect((await everyItem(world.caseworkerB)).map((i) => i.referralId)).toEqual([ids.b]);
      const first = await worklistOf(world.caseworkerA, { limit: '1' });
      const withStolenCursor = await worklistOf(world.caseworkerB, {
        cursor: first.nextCursor!,
      });
      const aSide = [ids.requested, ids.overdue, ids.contacted, ids.other, ids.restricted];
      expect(withStolenCursor.items.filter((i) => aSide.includes(i.referralId))).toEqual([]);
    });

    it("another provider's lead sees nothing of P1's referrals", async () => {
      const items = await everyItem(world.leadP2);
      expect(items.map((i) => i.referralId)).toEqual([ids.b]);
      expect(items[0]).toMatchObject({ kind: 'referral.awaiting_decision', clientId: null });
    });

    it('a client under restriction of processing is left out of every worklist', async () => {
      for (const actor of [world.caseworkerA, world.leadP1, world.workerP1]) {
        expect((await everyItem(actor)).map((i) => i.referralId)).not.toContain(ids.restricted);
      }
    });

    it('the admin, the auditor, a jobcenter lead and an API key are refused; anonymous 401', async () => {
      const key = await createApiKey(app, {
        organisationId: world.providerP1,
        scopes: [ApiKeyScope.ReferralsRead],
      });
      for (const actor of [world.admin, world.auditorA, world.leadA, key]) {
        expectProblem(await http.get(actor, WORKLIST), 403, 'forbidden');
      }
      expectProblem(await http.get('anonymous', WORKLIST), 401, 'unauthorized');
    });
  });
});
