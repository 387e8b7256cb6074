import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ConsentsService } from '../../src/consent/consents.service';
import { ReferralState } from '../../src/common/referral-states';
import { Referral } from '../../src/referrals/referral.entity';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import type { TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const { Participation, Goals } = DataCategory;
const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('the worklist of consents expiring soon', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  const ids: Record<string, string> = {};
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    const template = (await createApprovedTemplate(app, world.providerP1, [Participation, Goals]))
      .id;
    const grants = [
      { category: Participation, recipientOrganisationId: world.jobcenterA },
      { category: Goals, recipientOrganisationId: world.jobcenterA },
    ];
    const give = async (
      name: string,
      validUntil: string | null,
      options: { worker?: TestUser } = {},
    ) => {
      const worker = options.worker ?? world.workerP1;
      const { clientId, referral } = await openCase(app, world, ReferralState.Accepted, {
        assignedWorkerId: worker.userId,
      });
      const view = await recordConsent(app, worker.actor, clientId, {
        referralId: referral.id,
        templateId: template,
        grants,
        validUntil,
      });
      ids[name] = view.record.id;
      return { clientId, referral, view };
    };
    await give('in10', inDays(10));
    await give('in40', inDays(40));
    await give('open', null);
    const superseded = await give('supersededIn5', inDays(5));
    await recordConsent(app, world.workerP1.actor, superseded.clientId, {
      referralId: superseded.referral.id,
      templateId: template,
      grants,
      validUntil: inDays(200),
    });
    const revoked = await give('revokedIn3', inDays(3));
    await app.get(ConsentsService).revoke(world.workerP1.actor, revoked.view.record.id, {});
    const partly = await give('partlyRevokedIn20', inDays(20));
    await app.get(ConsentsService).revoke(world.workerP1.actor, partly.view.record.id, {
      grantIds: [partly.view.grants.find((g) => g.category === Goals)!.id],
    });
    await give('otherWorkerIn2', inDays(2), { worker: world.otherWorkerP1 });
    const closed = await give('closedIn4', inDays(4));
    // Its referral ends: P1 no longer works the case, so the consent leaves P1's worklist.
    await app.get(DataSource).manager.update(Referral, closed.referral.id, {
      state: ReferralState.Ended,
      closedAt: new Date(),
    });
    const jcTemplate = (await createApprovedTemplate(app, world.jobcenterA, [Goals])).id;
    const { clientId, referral } = await openCase(app, world);
    ids.jobcenterIn7 = (
      await recordConsent(app, world.caseworkerA.actor, clientId, {
        referralId: referral.id,
        templateId: jcTemplate,
        grants: [{ category: Goals, recipientOrganisationId: world.providerP1 }],
        validUntil: inDays(7),
      })
    ).record.id;
  });
  afterAll(async () => {
    await app.close();
  });

  async function listed(user: TestUser, query = '') {
    const res = await http.get(user, `/api/v1/consents/expiring${query}`);
    expect(res.status).toBe(200);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return (res.body.items as { id: string }[]).map((i) => names[i.id] ?? i.id);
  }

  it('lists the lead’s consents in force running out within 30 days, soonest first', async () => {
    expect(await listed(world.leadP1)).toEqual(['otherWorkerIn2', 'in10', 'partlyRevokedIn20']);
  });

  it('looks as far ahead as asked', async () => {
    expect(await listed(world.leadP1, '?withinDays=45')).toEqual([
      'otherWorkerIn2',
      'in10',
      'partlyRevokedIn20',
      'in40',
    ]);
    expect(await listed(world.leadP1, '?withinDays=3')).toEqual(['otherWorkerIn2']);
  });

  it('shows a worker only the cases assigned to them', async () => {
    expect(await listed(world.workerP1)).toEqual(['in10', 'partlyRevokedIn20']);
    expect(await listed(world.otherWorkerP1)).toEqual(['otherWorkerIn2']);
  });

  it('shows a jobcenter its own releases only, and other providers nothing', async () => {
    expect(await listed(world.caseworkerA)).toEqual(['jobcenterIn7']);
    expect(await listed(world.workerP2)).toEqual([]);
  });

  it('carries ids and dates, the categories still released, and no client data', async () => {
    const res = await http.get(world.workerP1, '/api/v1/consents/expiring?withinDays=15');
    const [item] = res.body.items;
    expect(Object.keys(item).sort()).toEqual(
      ['categories', 'clientId', 'id', 'referralId', 'validFrom', 'validUntil'].sort(),
    );
    expect(item.id).toBe(ids.in10);
    expect(item.categories).toEqual([Participation, Goals]);
  });

  it('pages by cursor', async () => {
    const first = await http.get(world.leadP1, '/api/v1/consents/expiring?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await http.get(
      world.leadP1,
      `/api/v1/consents/expiring?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: ids.partlyRevokedIn20, categories: [Participation] })],
      nextCursor: null,
    });
  });

  it('validates withinDays (1–365)', async () => {
    for (const q of ['0', '366', 'soon', '1.5']) {
      expectProblem(
        await http.get(world.leadP1, `/api/v1/consents/expiring?withinDays=${q}`),
        400,
        'validation-error',
      );
    }
    expect(await listed(world.leadP1, '?withinDays=365')).toContain('in40');
  });
});
