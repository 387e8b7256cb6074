import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { todayInGermany } from '../../src/common/calendar';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ConsentEvidenceForm } from '../../src/consent/consent-record.entity';
import { ReferralState } from '../../src/common/referral-states';
import { createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { referralInState, buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import type { TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

const { Participation, Goals, Health, Debts } = DataCategory;

interface ConsentBody {
  id: string;
  status: string;
  supersedesId: string | null;
  supersededById: string | null;
  evidence: { documentReference: string | null };
  recordedBy: { organisationId: string; id?: string };
  grants: { id: string; category: string; recipient: { id: string } }[];
}

/**
 * What each organisation sees of a client's consents. The client has a referral to P1 (worked
 * by P1's worker) and one to P2, so that both providers may touch the client.
 *
 * - R1 (P1): participation and health to jobcenter A, goals to P2; filed as "Akte 7".
 * - R2 (P1, replaces R1): goals to P2 only, so A no longer receives anything from P1.
 * - R3 (P2): debts to P1 only.
 */
describe('consent views of each organisation', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let clientId: string;
  let r1: string;
  let r2: string;
  let r3: string;
  let p1Referral: string;
  let p2Referral: string;
  let names: Record<string, string>;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    const p1Template = await createApprovedTemplate(app, world.providerP1, [
      Participation,
      Health,
      Goals,
    ]);
    const p2Template = await createApprovedTemplate(app, world.providerP2, [Debts]);
    const { clientId: id, referral } = await openCase(app, world);
    clientId = id;
    const toP2 = await referralInState(app, world, ReferralState.InProgress, {
      clientId,
      providerId: world.providerP2,
      contractId: null,
      assignedWorkerId: world.workerP2.userId,
    });
    p1Referral = referral.id;
    p2Referral = toP2.id;
    r1 = (
      await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId: p1Template.id,
        grants: [
          { category: Participation, recipientOrganisationId: world.jobcenterA },
          { category: Health, recipientOrganisationId: world.jobcenterA },
          { category: Goals, recipientOrganisationId: world.providerP2 },
        ],
        evidence: {
          form: ConsentEvidenceForm.Written,
          givenOn: todayInGermany(),
          documentReference: 'Akte 7',
        },
      })
    ).record.id;
    r2 = (
      await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId: p1Template.id,
        grants: [{ category: Goals, recipientOrganisationId: world.providerP2 }],
      })
    ).record.id;
    r3 = (
      await recordConsent(app, world.workerP2.actor, clientId, {
        referralId: toP2.id,
        templateId: p2Template.id,
        grants: [{ category: Debts, recipientOrganisationId: world.providerP1 }],
      })
    ).record.id;
    const rows = await app
      .get(DataSource)
      .query<{ id: string; name: string }[]>(
        'SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])',
        [[world.jobcenterA, world.providerP1, world.providerP2]],
      );
    names = Object.fromEntries(rows.map((r) => [r.id, r.name]));
  });
  afterAll(async () => {
    await app.close();
  });

  async function historyOf(user: TestUser): Promise<ConsentBody[]> {
    const res = await http.get(user, `/api/v1/clients/${clientId}/consents`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items as ConsentBody[];
  }

  const grantsOf = (r: ConsentBody) => r.grants.map((g) => `${g.category}→${g.recipient.id}`);

  it('the releasing provider sees its records whole, and those granting to it', async () => {
    const seen = await historyOf(world.workerP1);
    expect(seen.map((r) => [r.id, r.status])).toEqual([
      [r1, 'superseded'],
      [r2, 'given'],
      [r3, 'given'],
    ]);
    expect(grantsOf(seen[0])).toEqual([
      `${Participation}→${world.jobcenterA}`,
      `${Goals}→${world.providerP2}`,
      `${Health}→${world.jobcenterA}`,
    ]);
    expect(seen[0]).toMatchObject({
      supersededById: r2,
      evidence: { documentReference: 'Akte 7' },
      recordedBy: { organisationId: world.providerP1, id: world.workerP1.userId },
    });
    // R3 is P2's: P1 sees only the grant to itself, and not who at P2 recorded it.
    expect(grantsOf(seen[2])).toEqual([`${Debts}→${world.providerP1}`]);
    expect(seen[2].recordedBy).toEqual({ organisationId: world.providerP2 });
  });

  it('the jobcenter sees only what was released to it, and nothing of the other records', async () => {
    const seen = await historyOf(world.caseworkerA);
    expect(seen.map((r) => r.id)).toEqual([r1]);
    expect(seen[0]).toMatchObject({
      status: 'superseded',
      // The record that replaced it releases nothing to A: not even its id is shown.
      supersededById: null,
      evidence: { documentReference: null },
      recordedBy: { organisationId: world.providerP1 },
    });
    expect(seen[0].recordedBy).not.toHaveProperty('id');
    expect(grantsOf(seen[0])).toEqual([
      `${Participation}→${world.jobcenterA}`,
      `${Health}→${world.jobcenterA}`,
    ]);
    expect(JSON.stringify(seen)).not.toContain(r2);
    expect(JSON.stringify(seen)).not.toContain(r3);
    expect(JSON.stringify(seen)).not.toContain(world.providerP2);
  });

  it('another provider sees the records granting to it, with the link between them', async () => {
    const seen = await historyOf(world.workerP2);
    expect(seen.map((r) => [r.id, r.status, r.supersedesId, r.supersededById])).toEqual([
      [r1, 'superseded', null, r2],
      [r2, 'given', r1, null],
      [r3, 'given', null, null],
    ]);
    expect(grantsOf(seen[0])).toEqual([`${Goals}→${world.providerP2}`]);
  });

  it('the effective view says "nothing released" to the jobcenter and names the rest', async () => {
    const forJobcenter = await http.get(
      world.caseworkerA,
      `/api/v1/clients/${clientId}/consents/effective`,
    );
    expect(forJobcenter.body).toEqual({ nothingReleased: true, grants: [] });
    const forP1 = await http.get(world.leadP1, `/api/v1/clients/${clientId}/consents/effective`);
    expect(forP1.body).toEqual({
      nothingReleased: false,
      grants: [
        {
          category: Goals,
          recipientOrganisationId: world.providerP2,
          recipientName: names[world.providerP2],
          releasingOrganisationId: world.providerP1,
          releasingName: names[world.providerP1],
          consentId: r2,
          referralId: p1Referral,
          validUntil: null,
        },
        {
          category: Debts,
          recipientOrganisationId: world.providerP1,
          recipientName: names[world.providerP1],
          releasingOrganisationId: world.providerP2,
          releasingName: names[world.providerP2],
          consentId: r3,
          referralId: p2Referral,
          validUntil: null,
        },
      ].sort(
        (a, b) =>
          Object.values(DataCategory).indexOf(a.category) -
          Object.values(DataCategory).indexOf(b.category),
      ),
    });
  });

  it('a jobcenter with a release sees it as such', async () => {
    const { clientId: other, referral } = await openCase(app, world);
    const before = await http.get(world.caseworkerA, `/api/v1/clients/${other}/consents/effective`);
    expect(before.body).toEqual({ nothingReleased: true, grants: [] });
    const template = await createApprovedTemplate(app, world.providerP1, [Participation]);
    const given = await recordConsent(app, world.workerP1.actor, other, {
      referralId: referral.id,
      templateId: template.id,
      grants: [{ category: Participation, recipientOrganisationId: world.jobcenterA }],
      validUntil: '2099-12-31T23:00:00Z',
    });
    const after = await http.get(world.caseworkerA, `/api/v1/clients/${other}/consents/effective`);
    expect(after.body).toEqual({
      nothingReleased: false,
      grants: [
        expect.objectContaining({
          category: Participation,
          recipientOrganisationId: world.jobcenterA,
          consentId: given.record.id,
          validUntil: '2099-12-31T23:00:00.000Z',
        }),
      ],
    });
  });

  describe('receipt', () => {
    it('is plain German text for the releasing worker, with what, to whom, why, how long and how to revoke', async () => {
      const res = await http.get(world.workerP1, `/api/v1/consents/${r1}/receipt`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const text = res.text;
      expect(text).toContain(`${names[world.providerP1]} darf die unten genannten Angaben`);
      expect(text).toContain(
        `An ${names[world.jobcenterA]}:\n  - Teilnahme: ob ein Kontakt zustande kam und ob Sie teilnehmen, Termine (nie deren Inhalt)`,
      );
      expect(text).toContain(`An ${names[world.providerP2]}:\n  - Ziele:`);
      expect(text).toMatch(
        new RegExp(
          `Zuweisung vom \\d{2}\\.\\d{2}\\.\\d{4} \\(${names[world.jobcenterA]} an ${names[world.providerP1]}\\)`,
        ),
      );
      expect(text).toContain('bis auf Widerruf');
      expect(text).toContain('Durch eine neuere Einwilligung ersetzt.');
      expect(text).toContain(
        'jederzeit, ganz oder teilweise, ohne Angabe von Gründen und ohne Nachteile widerrufen; der Widerruf gilt für die Zukunft',
      );
      expect(text).toContain(`an ${names[world.providerP1]}.`);
      expect(text).toMatch(
        /Einwilligungstext: „Schweigepflichtentbindung \(Test\)“ \(test-\w+\), Version 1/,
      );
      expect(text).toContain('Form: schriftlich (unterschrieben)');
      expect(text).toContain('Ablage: Akte 7');
    });

    it('shows a recipient only its own grants, without the filing reference', async () => {
      const res = await http.get(world.caseworkerA, `/api/v1/consents/${r1}/receipt`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`An ${names[world.jobcenterA]}:`);
      expect(res.text).not.toContain(names[world.providerP2]);
      expect(res.text).not.toContain('Ablage');
    });

    it('is 404 for records the organisation may not see, and in problem+json', async () => {
      const res = await http.get(world.caseworkerA, `/api/v1/consents/${r2}/receipt`);
      expectProblem(res, 404, 'not-found');
      expectProblem(
        await http.get(
          world.workerP1,
          '/api/v1/consents/00000000-0000-4000-8000-000000000000/receipt',
        ),
        404,
        'not-found',
      );
    });

    it('is documented as text/plain in the OpenAPI document', async () => {
      const doc = await http.get('anonymous', '/api/docs-json');
      const op = doc.body.paths['/api/v1/consents/{id}/receipt'].get;
      expect(Object.keys(op.responses['200'].content)).toEqual(['text/plain; charset=utf-8']);
      expect(op.tags).toEqual(['Consent']);
    });
  });

  it("lets a recipient provider read but not revoke (404); the client's jobcenter revokes even what it cannot read, and learns nothing of it", async () => {
    expectProblem(
      await http.post(world.workerP1, `/api/v1/consents/${r3}/revoke`),
      404,
      'not-found',
    );
    // R2 grants nothing to the jobcenter: it cannot read it ...
    expectProblem(
      await http.get(world.caseworkerA, `/api/v1/consents/${r2}/receipt`),
      404,
      'not-found',
    );
    // ... but the client may tell its case manager, who records the revocation (Art. 7(3)).
    const res = await http.post(world.caseworkerA, `/api/v1/consents/${r2}/revoke`, {}).expect(200);
    const body = res.body as ConsentBody & { template: Record<string, unknown> };
    expect(body.grants).toEqual([]);
    expect(body.status).toBe('withdrawn');
    expect(Object.keys(body.template).sort()).toEqual(['id', 'version']);
    expect(JSON.stringify(body)).not.toContain(world.providerP2);
    const forP1 = (await historyOf(world.workerP1)).find((r) => r.id === r2)!;
    expect(forP1.status).toBe('withdrawn');
    expect(forP1.grants).toHaveLength(1);
  });
});
