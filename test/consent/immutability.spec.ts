import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { routeInventory } from '../../src/auth/route-inventory';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ConsentsService } from '../../src/consent/consents.service';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const { Participation, Health } = DataCategory;

describe('consent records are immutable', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let ds: DataSource;
  let consentId: string;
  let openGrant: string;
  let revokedGrant: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    ds = app.get(DataSource);
    world = await buildReferralWorld(app);
    const template = await createApprovedTemplate(app, world.providerP1, [Participation, Health]);
    const { clientId, referral } = await openCase(app, world);
    const view = await recordConsent(app, world.workerP1.actor, clientId, {
      referralId: referral.id,
      templateId: template.id,
      grants: [
        { category: Participation, recipientOrganisationId: world.jobcenterA },
        { category: Health, recipientOrganisationId: world.jobcenterA },
      ],
    });
    consentId = view.record.id;
    openGrant = view.grants.find((g) => g.category === Participation)!.id;
    revokedGrant = view.grants.find((g) => g.category === Health)!.id;
    await app
      .get(ConsentsService)
      .revoke(world.workerP1.actor, consentId, { grantIds: [revokedGrant] });
  });
  afterAll(async () => {
    await app.close();
  });

  const snapshot = () =>
    ds.query(
      `SELECT r.*, (SELECT json_agg(g ORDER BY g.id) FROM consent_grants g WHERE g.consent_id = r.id) AS grants
         FROM consent_records r WHERE r.id = $1`,
      [consentId],
    );

  it('refuses UPDATE and DELETE of a record at the database', async () => {
    const before = await snapshot();
    await expect(
      ds.query("UPDATE consent_records SET valid_until = now() + interval '1 day' WHERE id = $1", [
        consentId,
      ]),
    ).rejects.toThrow(/immutable/);
    await expect(
      ds.query('UPDATE consent_records SET supersedes_id = NULL WHERE id = $1', [consentId]),
    ).rejects.toThrow(/immutable/);
    await expect(
      ds.query('DELETE FROM consent_records WHERE id = $1', [consentId]),
    ).rejects.toThrow(/immutable/);
    expect(await snapshot()).toEqual(before);
  });

  it('allows a grant only its one revocation: no second one, no other change, no DELETE', async () => {
    const before = await snapshot();
    await expect(
      ds.query('UPDATE consent_grants SET revoked_at = now() WHERE id = $1', [revokedGrant]),
    ).rejects.toThrow(/only be revoked, once/);
    await expect(
      ds.query('UPDATE consent_grants SET revoked_at = NULL, revoked_by = NULL WHERE id = $1', [
        revokedGrant,
      ]),
    ).rejects.toThrow(/only be revoked, once/);
    await expect(
      ds.query("UPDATE consent_grants SET category = 'goals' WHERE id = $1", [openGrant]),
    ).rejects.toThrow(/only be revoked, once/);
    await expect(
      ds.query("UPDATE consent_grants SET category = 'goals', revoked_at = now() WHERE id = $1", [
        openGrant,
      ]),
    ).rejects.toThrow(/only be revoked, once/);
    await expect(ds.query('DELETE FROM consent_grants WHERE id = $1', [openGrant])).rejects.toThrow(
      /immutable/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('has no route that changes a record: only record, revoke and template routes write', () => {
    const routes = routeInventory(app, 'api/v1')
      .map((r) => r.route)
      .filter((r) => /consent/.test(r));
    expect(routes.sort()).toEqual(
      [
        'GET /api/v1/clients/{id}/consents',
        'GET /api/v1/clients/{id}/consents/effective',
        'POST /api/v1/clients/{id}/consents',
        'POST /api/v1/clients/{id}/consents/revoke',
        'GET /api/v1/consent-templates',
        'GET /api/v1/consent-templates/{id}',
        'POST /api/v1/consent-templates',
        'POST /api/v1/consent-templates/{id}/approve',
        'GET /api/v1/consents/expiring',
        'GET /api/v1/consents/{id}/receipt',
        'POST /api/v1/consents/{id}/revoke',
      ].sort(),
    );
  });

  it('answers 404 to attempts to change or delete a record over HTTP, and nothing changes', async () => {
    const before = await snapshot();
    for (const method of ['put', 'patch', 'delete'] as const) {
      const res = await http.send(world.workerP1, method, `/api/v1/consents/${consentId}`, {
        validUntil: '2030-01-01T00:00:00Z',
      });
      expect(res.status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a revocation leaves the record’s content as it was given', async () => {
    const [record] = await snapshot();
    const res = await http.get(world.workerP1, `/api/v1/clients/${record.client_id}/consents`);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: consentId,
      validFrom: record.valid_from.toISOString(),
      validUntil: null,
      recordedAt: record.recorded_at.toISOString(),
      status: 'given',
    });
    expect(
      res.body.items[0].grants.map((g: { category: string; revokedAt: string | null }) => [
        g.category,
        g.revokedAt === null,
      ]),
    ).toEqual([
      [Participation, true],
      [Health, false],
    ]);
  });
});
