import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  buildReferralWorld,
  draftForFreshClient,
  type ReferralWorld,
} from '../factories/referrals';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

/**
 * Issue 20, point 7: a capacity lowered below the referrals open under the contract is refused
 * unless the jobcenter's lead confirms it; the availability shows the over-commitment.
 */
describe('capacity lowered below the open referrals', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  const contractPath = () => `/api/v1/contracts/${world.contract.id}`;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app, { capacity: 5 });
    // Three referrals sent under the contract: three of its five places taken.
    for (let i = 0; i < 3; i++) await sent();
  });
  afterAll(async () => {
    await app.close();
  });

  async function sent(): Promise<number> {
    const id = await draftForFreshClient(app, world);
    const read = await http.get(world.caseworkerA, `/api/v1/referrals/${id}`);
    return (await http.act(world.caseworkerA, id, 'send', {}, read.headers.etag)).status;
  }

  async function change(body: object) {
    const read = await http.get(world.leadA, contractPath());
    expect(read.status).toBe(200);
    return http.send(world.leadA, 'patch', contractPath(), body, {
      ifMatch: read.headers.etag,
    });
  }

  async function figures() {
    const res = await http.get(world.caseworkerA, '/api/v1/providers/availability');
    expect(res.status).toBe(200);
    return (res.body.items as Record<string, unknown>[]).find(
      (item) => item.contractId === world.contract.id,
    );
  }

  const auditDetails = async () =>
    (
      await app.get(DataSource).query<{ details: Record<string, unknown> }[]>(
        `SELECT details FROM audit_events
            WHERE action = 'contract.update' AND resource_id = $1 ORDER BY id`,
        [world.contract.id],
      )
    ).map((row) => row.details);

  it('lowers a capacity that still holds every open referral without asking', async () => {
    const res = await change({ capacity: 3 });
    expect(res.status).toBe(200);
    expect(res.body.capacity).toBe(3);
    expect(await figures()).toMatchObject({
      capacity: 3,
      openReferrals: 3,
      freePlaces: 0,
      overCommitted: 0,
    });
  });

  it('refuses a capacity below the open referrals with a problem that names both', async () => {
    const res = await change({ capacity: 1 });
    const problem = expectProblem(res, 409, 'capacity-below-open-referrals');
    expect(problem).toMatchObject({ capacity: 1, openReferrals: 3 });
    expect(problem.detail).toMatch(/confirmOverCommitment/);
    // Nothing changed, nothing recorded beyond the earlier change.
    expect((await http.get(world.leadA, contractPath())).body.capacity).toBe(3);
    expect(await auditDetails()).toHaveLength(1);
    // The same, confirmed with anything but `true`.
    expectProblem(
      await change({ capacity: 1, confirmOverCommitment: false }),
      409,
      'capacity-below-open-referrals',
    );
    const invalid = await change({ capacity: 1, confirmOverCommitment: 'yes' });
    expect(expectProblem(invalid, 400, 'validation-error').errors).toEqual([
      expect.objectContaining({ field: 'confirmOverCommitment' }),
    ]);
  });

  it('takes it when the lead confirms; availability shows the over-commitment, never negative free places', async () => {
    const res = await change({ capacity: 1, confirmOverCommitment: true });
    expect(res.status).toBe(200);
    expect(res.body.capacity).toBe(1);
    expect(res.body).not.toHaveProperty('confirmOverCommitment');
    expect(await figures()).toMatchObject({
      capacity: 1,
      openReferrals: 3,
      freePlaces: 0,
      overCommitted: 2,
    });
    expect((await auditDetails()).at(-1)).toEqual({
      providerId: world.providerP1,
      fields: ['capacity'],
      overCommitted: 2,
    });
    // The open referrals stay; no new one is booked under the contract.
    const open = await app
      .get(DataSource)
      .query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM referrals WHERE contract_id = $1 AND state = 'requested'`,
        [world.contract.id],
      );
    expect(open[0].n).toBe(3);
    expect(await sent()).toBe(409);
  });

  it('raises an over-committed capacity without asking, even while still below', async () => {
    const res = await change({ capacity: 2 });
    expect(res.status).toBe(200);
    expect(await figures()).toMatchObject({ capacity: 2, openReferrals: 3, overCommitted: 1 });
    // Lowering it again below the open referrals asks again.
    expectProblem(await change({ capacity: 1 }), 409, 'capacity-below-open-referrals');
    expect((await change({ capacity: 4 })).status).toBe(200);
    expect(await figures()).toMatchObject({ freePlaces: 1, overCommitted: 0 });
  });

  it('the provider sees the same figures', async () => {
    const res = await http.get(world.leadP1, '/api/v1/providers/availability');
    expect(res.status).toBe(200);
    const mine = (res.body.items as Record<string, unknown>[]).find(
      (item) => item.contractId === world.contract.id,
    );
    expect(mine).toMatchObject({ capacity: 4, openReferrals: 3, freePlaces: 1, overCommitted: 0 });
  });
});
