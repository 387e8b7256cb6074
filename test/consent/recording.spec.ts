import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { todayInGermany } from '../../src/common/calendar';
import { DataCategory } from '../../src/confidentiality/data-category';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { Organisation } from '../../src/identity/organisation.entity';
import { ReferralState } from '../../src/common/referral-states';
import { Referral } from '../../src/referrals/referral.entity';
import { consentBody, createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const { Participation, Goals, Health, Debts } = DataCategory;

describe('recording consents', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let templateId: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    templateId = (
      await createApprovedTemplate(app, world.providerP1, [Participation, Goals, Health])
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  function post(clientId: string, by: TestUser, body: object) {
    return http.post(by, `/api/v1/clients/${clientId}/consents`, body);
  }

  async function recordCount(clientId: string): Promise<number> {
    const [row] = await app
      .get(DataSource)
      .query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM consent_records WHERE client_id = $1',
        [clientId],
      );
    return row.n;
  }

  it('records the assigned provider worker’s consent, with evidence, recorder and audit', async () => {
    const { clientId, referral } = await openCase(app, world);
    const res = await post(
      clientId,
      world.workerP1,
      consentBody({
        referralId: referral.id,
        templateId,
        grants: [
          { category: Participation, recipientOrganisationId: world.jobcenterA },
          { category: Health, recipientOrganisationId: world.jobcenterA },
        ],
        validUntil: '2099-01-01T00:00:00+01:00',
        evidence: {
          form: 'verbal_witnessed' as never,
          givenOn: todayInGermany(),
          documentReference: '  Akte 2026/117  ',
        },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId,
      referralId: referral.id,
      releasingOrganisation: { id: world.providerP1, name: expect.any(String) },
      template: { id: templateId, version: 1, key: expect.stringMatching(/^test-/) },
      validUntil: '2098-12-31T23:00:00.000Z',
      evidence: {
        form: 'verbal_witnessed',
        givenOn: todayInGermany(),
        documentReference: 'Akte 2026/117',
      },
      recordedBy: {
        organisationId: world.providerP1,
        id: world.workerP1.userId,
        displayName: expect.any(String),
      },
      supersedesId: null,
      supersededById: null,
      status: 'given',
    });
    expect(Date.parse(res.body.validFrom)).toBeLessThanOrEqual(Date.parse(res.body.recordedAt));
    expect(Math.abs(Date.parse(res.body.recordedAt) - Date.now())).toBeLessThan(60_000);
    expect(
      res.body.grants.map((g: { category: string; recipient: { id: string }; revokedAt: null }) => [
        g.category,
        g.recipient.id,
        g.revokedAt,
      ]),
    ).toEqual([
      [Participation, world.jobcenterA, null],
      [Health, world.jobcenterA, null],
    ]);
    const events = await app
      .get(DataSource)
      .query(
        "SELECT actor_id, organisation_id, client_id, categories, details FROM audit_events WHERE action = 'consent.record' AND resource_id = $1",
        [res.body.id],
      );
    expect(events).toEqual([
      {
        actor_id: world.workerP1.userId,
        organisation_id: world.providerP1,
        client_id: clientId,
        categories: [Participation, Health],
        details: expect.objectContaining({ referralId: referral.id, supersedesId: null }),
      },
    ]);
    const effective = await http.get(
      world.caseworkerA,
      `/api/v1/clients/${clientId}/consents/effective`,
    );
    expect(effective.body.nothingReleased).toBe(false);
    expect(effective.body.grants.map((g: { category: string }) => g.category).sort()).toEqual(
      [Health, Participation].sort(),
    );
  });

  it('lets the provider lead record for any open referral of the provider', async () => {
    const { clientId, referral } = await openCase(app, world, ReferralState.InProgress, {
      assignedWorkerId: world.otherWorkerP1.userId,
    });
    const res = await post(
      clientId,
      world.leadP1,
      consentBody({
        referralId: referral.id,
        templateId,
        grants: [{ category: Goals, recipientOrganisationId: world.jobcenterA }],
      }),
    );
    expect(res.status).toBe(201);
  });

  it('refuses categories outside the template and unapproved templates (422)', async () => {
    const { clientId, referral } = await openCase(app, world);
    const outside = await post(
      clientId,
      world.workerP1,
      consentBody({
        referralId: referral.id,
        templateId,
        grants: [
          { category: Participation, recipientOrganisationId: world.jobcenterA },
          { category: Debts, recipientOrganisationId: world.jobcenterA },
        ],
      }),
    );
    expect(expectProblem(outside, 422, 'outside-template').categories).toEqual([Debts]);
    const draft = await createApprovedTemplate(app, world.providerP1, [Participation], {
      approved: false,
    });
    expectProblem(
      await post(
        clientId,
        world.workerP1,
        consentBody({
          referralId: referral.id,
          templateId: draft.id,
          grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
        }),
      ),
      422,
      'template-not-approved',
    );
    expect(await recordCount(clientId)).toBe(0);
  });

  it('refuses another organisation’s or an unknown template (404)', async () => {
    const { clientId, referral } = await openCase(app, world);
    const jobcenterTemplate = await createApprovedTemplate(app, world.jobcenterA, [Participation]);
    for (const id of [jobcenterTemplate.id, '00000000-0000-4000-8000-000000000000']) {
      expectProblem(
        await post(
          clientId,
          world.workerP1,
          consentBody({
            referralId: referral.id,
            templateId: id,
            grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
          }),
        ),
        404,
        'not-found',
      );
    }
    expect(await recordCount(clientId)).toBe(0);
  });

  it('refuses a referral that is not this client’s or not the worker’s (404)', async () => {
    const { clientId, referral } = await openCase(app, world);
    const other = await openCase(app, world);
    const notMine = await openCase(app, world, ReferralState.Accepted, {
      assignedWorkerId: world.otherWorkerP1.userId,
    });
    // A second referral of the same client, assigned to another worker of P1.
    const sameClientOtherWorker = await openCase(app, world, ReferralState.Accepted, {
      clientId,
      assignedWorkerId: world.otherWorkerP1.userId,
    });
    for (const referralId of [
      other.referral.id,
      notMine.referral.id,
      sameClientOtherWorker.referral.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await post(
        clientId,
        world.workerP1,
        consentBody({
          referralId,
          templateId,
          grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
        }),
      );
      expectProblem(res, 404, 'not-found');
      expect(res.body.detail).toMatch(/referral/);
    }
    // The referral's own client is what counts, not the one in the path.
    expectProblem(
      await post(
        other.clientId,
        world.workerP1,
        consentBody({
          referralId: referral.id,
          templateId,
          grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
        }),
      ),
      404,
      'not-found',
    );
    expect(await recordCount(clientId)).toBe(0);
  });

  it('refuses recipients that are unknown, inactive, the operator or oneself (422)', async () => {
    const { clientId, referral } = await openCase(app, world);
    const inactive = await createOrganisation(app, OrganisationKind.Jobcenter);
    await app.get(DataSource).manager.update(Organisation, inactive.id, { active: false });
    const operator = await createOrganisation(app, OrganisationKind.Operator);
    for (const recipient of [
      world.providerP1,
      inactive.id,
      operator.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await post(
        clientId,
        world.workerP1,
        consentBody({
          referralId: referral.id,
          templateId,
          grants: [
            { category: Participation, recipientOrganisationId: world.jobcenterA },
            { category: Participation, recipientOrganisationId: recipient },
          ],
        }),
      );
      expect(expectProblem(res, 422, 'recipient-not-allowed').recipientOrganisationIds).toEqual([
        recipient,
      ]);
    }
    // Another provider is a possible recipient.
    const toProvider = await post(
      clientId,
      world.workerP1,
      consentBody({
        referralId: referral.id,
        templateId,
        grants: [{ category: Goals, recipientOrganisationId: world.providerP2 }],
      }),
    );
    expect(toProvider.status).toBe(201);
  });

  it('validates the body (400) and records nothing', async () => {
    const { clientId, referral } = await openCase(app, world);
    const grant = { category: Participation, recipientOrganisationId: world.jobcenterA };
    const base = { referralId: referral.id, templateId, grants: [grant] };
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const cases: [object, string][] = [
      [consentBody({ ...base, grants: [] }), 'grants'],
      [consentBody({ ...base, grants: [grant, { ...grant }] }), 'grants'],
      [consentBody({ ...base, grants: Array.from({ length: 51 }, () => grant) }), 'grants'],
      [
        consentBody({ ...base, grants: [{ ...grant, category: 'gossip' as never }] }),
        'grants.0.category',
      ],
      [
        consentBody({
          ...base,
          validFrom: '2030-01-02T00:00:00Z',
          validUntil: '2030-01-01T00:00:00Z',
        }),
        'validUntil',
      ],
      [consentBody({ ...base, validUntil: '2020-01-01T00:00:00Z' }), 'validUntil'],
      [consentBody({ ...base, validFrom: '2030-01-01' }), 'validFrom'],
      [consentBody({ ...base, validFrom: '2000-01-01T00:00:00Z' }), 'validFrom'],
      [
        consentBody({ ...base, evidence: { form: 'written' as never, givenOn: tomorrow } }),
        'evidence.givenOn',
      ],
      [
        consentBody({ ...base, evidence: { form: 'written' as never, givenOn: '2026-02-30' } }),
        'evidence.givenOn',
      ],
      [
        consentBody({
          ...base,
          evidence: {
            form: 'written' as never,
            givenOn: todayInGermany(),
            documentReference: 'x'.repeat(201),
          },
        }),
        'evidence.documentReference',
      ],
      // A grant that is a list, not an object (ValidateNested alone lets `[[]]` through).
      [{ ...consentBody(base), grants: [[]] }, 'grants'],
      [{ ...base }, 'evidence'],
      [{ ...consentBody(base), status: 'given' }, 'status'],
      [{ ...consentBody(base), supersedesId: referral.id }, 'supersedesId'],
    ];
    for (const [body, field] of cases) {
      const res = await post(clientId, world.workerP1, body);
      const problem = expectProblem(res, 400, 'validation-error');
      expect((problem.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expect(await recordCount(clientId)).toBe(0);
  });

  it('is 404 for the client to providers without an open referral and to other jobcenters', async () => {
    const { clientId, referral } = await openCase(app, world);
    const given = await recordConsent(app, world.workerP1.actor, clientId, {
      referralId: referral.id,
      templateId,
      grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
    });
    // A case whose referral ended after the consent was recorded.
    const ended = await openCase(app, world);
    const endedConsent = await recordConsent(app, world.workerP1.actor, ended.clientId, {
      referralId: ended.referral.id,
      templateId,
      grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
    });
    await app.get(DataSource).manager.update(Referral, ended.referral.id, {
      state: ReferralState.Ended,
      closedAt: new Date(),
    });
    const strangers: [string, TestUser, string, string][] = [
      ['a worker of another provider', world.workerP2, clientId, given.record.id],
      ['the lead of another provider', world.leadP2, clientId, given.record.id],
      ['a worker of P1 not assigned', world.otherWorkerP1, clientId, given.record.id],
      ['a case manager of another jobcenter', world.caseworkerB, clientId, given.record.id],
    ];
    const body = consentBody({
      referralId: referral.id,
      templateId,
      grants: [{ category: Goals, recipientOrganisationId: world.jobcenterA }],
    });
    for (const [who, user, id, consentId] of strangers) {
      for (const res of [
        await post(id, user, body),
        await http.get(user, `/api/v1/clients/${id}/consents`),
        await http.get(user, `/api/v1/clients/${id}/consents/effective`),
        await http.get(user, `/api/v1/consents/${consentId}/receipt`),
        await http.post(user, `/api/v1/consents/${consentId}/revoke`, {}),
      ]) {
        if (res.status !== 404) {
          throw new Error(
            `${who}: ${String((res.body as { instance?: string }).instance)} → ${res.status}`,
          );
        }
        expectProblem(res, 404, 'not-found');
      }
    }
    // Once the referral ended, P1 records nothing new about the client, but its own records
    // stay readable and revocable (Art. 7(3) GDPR; docs/architecture/0009).
    for (const user of [world.workerP1, world.leadP1]) {
      expectProblem(await post(ended.clientId, user, body), 404, 'not-found');
      const own = await http.get(user, `/api/v1/clients/${ended.clientId}/consents`).expect(200);
      expect((own.body.items as { id: string }[]).map((r) => r.id)).toEqual([
        endedConsent.record.id,
      ]);
      await http.get(user, `/api/v1/consents/${endedConsent.record.id}/receipt`).expect(200);
    }
    expect(await recordCount(clientId)).toBe(1);
    const grants = await app
      .get(DataSource)
      .query('SELECT revoked_at FROM consent_grants WHERE consent_id = ANY($1::uuid[])', [
        [given.record.id, endedConsent.record.id],
      ]);
    expect(grants).toEqual([{ revoked_at: null }, { revoked_at: null }]);
  });

  it('refuses roles without the permission (403) and non-uuid ids (400)', async () => {
    const { clientId } = await openCase(app, world);
    for (const user of [world.leadA, world.auditorA, world.admin]) {
      expectProblem(await http.get(user, `/api/v1/clients/${clientId}/consents`), 403, 'forbidden');
    }
    expectProblem(
      await http.get(world.workerP1, '/api/v1/clients/not-a-uuid/consents'),
      400,
      'validation-error',
    );
  });

  it('lets a case manager record the jobcenter’s own release on its own referral', async () => {
    const { clientId, referral } = await openCase(app, world);
    const jcTemplate = await createApprovedTemplate(app, world.jobcenterA, [Participation, Goals]);
    const res = await post(
      clientId,
      world.caseworkerA,
      consentBody({
        referralId: referral.id,
        templateId: jcTemplate.id,
        grants: [{ category: Goals, recipientOrganisationId: world.providerP1 }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.releasingOrganisation.id).toBe(world.jobcenterA);
    // P1's template is not the jobcenter's.
    expectProblem(
      await post(
        clientId,
        world.caseworkerA,
        consentBody({
          referralId: referral.id,
          templateId,
          grants: [{ category: Goals, recipientOrganisationId: world.providerP1 }],
        }),
      ),
      404,
      'not-found',
    );
    // The provider sees the release to it.
    const effective = await http.get(
      world.workerP1,
      `/api/v1/clients/${clientId}/consents/effective`,
    );
    expect(effective.body.grants).toEqual([
      expect.objectContaining({
        category: Goals,
        releasingOrganisationId: world.jobcenterA,
        recipientOrganisationId: world.providerP1,
      }),
    ]);
  });

  it('refuses the provider’s data protection officer (403): recording is casework', async () => {
    const auditorP1 = await createUser(app, {
      roles: [Role.Auditor],
      organisationId: world.providerP1,
    });
    const { clientId, referral } = await openCase(app, world);
    expectProblem(
      await post(
        clientId,
        auditorP1,
        consentBody({
          referralId: referral.id,
          templateId,
          grants: [{ category: Goals, recipientOrganisationId: world.jobcenterA }],
        }),
      ),
      403,
      'forbidden',
    );
  });
});
