import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Permission } from '../../src/auth/permission';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { permissionsOfRoles, permissionsOfScopes } from '../../src/auth/role-permissions';
import { DataCategory } from '../../src/confidentiality/data-category';
import { todayInGermany } from '../../src/common/calendar';
import { ConsentEvidenceForm } from '../../src/consent/consent-record.entity';
import { ConsentsService } from '../../src/consent/consents.service';
import { ServiceKind } from '../../src/providers/service-kind';
import { ActivityKind } from '../../src/referrals/referral-codes';
import { ReferralState } from '../../src/common/referral-states';
import { ReportKind } from '../../src/reporting/report.entity';
import type { CreateReportDto } from '../../src/reporting/dto/create-report.dto';
import { createClient } from '../factories/clients';
import { createApprovedTemplate, recordConsent } from '../factories/consent';
import { currentTotp } from '../../src/mfa/totp';
import { createApiKey, createUser, type TestUser } from '../factories/identity';
import { createContract, setProfile } from '../factories/providers';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { EventType } from '../../src/events/event-types';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { draftReport, submittedReport } from '../factories/reports';
import { appointmentBody, insertAppointment } from '../factories/appointments';
import { AccompanimentMeeting } from '../../src/appointments/appointment-codes';
import { httpOf, type HttpActor } from '../support/http';
import { createPartner, createPartnerAgreement } from '../factories/partners';
import { PartnersService } from '../../src/partners/partners.service';

/** Someone who reads the API: a person with one role, or a provider system's API key. */
export interface Viewer {
  name: string;
  role: Role | 'api_key' | 'anonymous';
  organisationId: string;
  userId?: string;
  apiKeyId?: string;
  auth: HttpActor;
  permissions: ReadonlySet<Permission>;
}

/** The oracle's consent facts: `author` released `category` of the client to `reader`, now. */
export interface Release {
  clientId: string;
  author: string;
  reader: string;
  category: DataCategory;
}

/** The partner side of the world (ADR 0022). */
export interface PartnerFacts {
  /** Pairs [jobcenter, partner] with an agreement. */
  agreements: [string, string][];
  /** Pairs [partner, client]: the partner accepted an onward referral of the client. */
  identities: [string, string][];
  onwardIds: string[];
}

export interface SentinelWorld {
  base: ReferralWorld;
  partners: PartnerFacts;
  /** Every organisation the world made; the rows the markers go into hang off these. */
  organisations: string[];
  viewers: Viewer[];
  releases: Release[];
  /** Named objects, for the non-vacuity checks. */
  named: {
    mainClient: string;
    mainReferral: string;
    mainReport: string;
    draftReferral: string;
  };
}

const API = '/api/v1';

/** Sections in every category, some with the per-category fields. */
function everySection(prefix: string): CreateReportDto['sections'] {
  return Object.values(DataCategory).map((category) => ({
    category,
    text: `${prefix}: Abschnitt ${category}`,
    ...(category === DataCategory.Housing ? { fields: { threatenedLoss: true } } : {}),
    ...(category === DataCategory.Debts ? { fields: { creditors: 3 } } : {}),
  }));
}

/**
 * Two jobcenters, two providers, people of every role, API keys, clients, referrals in every
 * state (with real transitions and reasons), consents with a partial release, activities,
 * reports with sections in every category (submitted and draft), and a report submitted by API
 * key with an Idempotency-Key. Built through the services and the HTTP API where the workflow
 * matters, and through the factories where only the resulting rows do.
 */
/**
 * Rows in every table of the second factor (ADR 0017), so that their bytes are watched: one
 * auditor enrolled (sealed secret, recovery codes, a known device), who refreshed once (a sealed
 * successor) and left a sign-in waiting for its code (a challenge hash); another who only began
 * enrolling (a sealed pending secret).
 */
async function plantSecondFactors(app: NestFastifyApplication, organisationId: string) {
  const http = httpOf(app);
  const challenge = async (user: TestUser): Promise<string> => {
    const res = await http.post('anonymous', `${API}/auth/login`, {
      email: user.email,
      password: user.password,
    });
    return (res.body as { mfaToken: string }).mfaToken;
  };
  const enrolled = await createUser(app, { roles: [Role.Auditor], organisationId });
  const first = await challenge(enrolled);
  const started = await http.post('anonymous', `${API}/auth/mfa/enrolment`, { mfaToken: first });
  const done = await http.post('anonymous', `${API}/auth/mfa/enrolment/confirm`, {
    mfaToken: first,
    code: currentTotp((started.body as { secret: string }).secret),
  });
  const refreshed = await http.post('anonymous', `${API}/auth/refresh`, {
    refreshToken: (done.body as { refreshToken: string }).refreshToken,
  });
  expect(refreshed.status).toBe(200);
  await challenge(enrolled);
  const beginner = await createUser(app, { roles: [Role.Auditor], organisationId });
  const pending = await http.post('anonymous', `${API}/auth/mfa/enrolment`, {
    mfaToken: await challenge(beginner),
  });
  expect(pending.status).toBe(200);
}

/**
 * Billing terms on A's contract with P1 and a statement of last month (ADR 0023), so that the
 * statement routes answer: the statement shows the contract's number to both leads.
 */
async function billLastMonth(app: NestFastifyApplication, base: ReferralWorld): Promise<void> {
  const http = httpOf(app);
  const path = `${API}/contracts/${base.contract.id}`;
  const read = await http.get(base.leadA, path);
  const terms = await http.patch(
    base.leadA,
    path,
    { billingTerms: [{ unit: 'active_case_month', priceCents: 45000 }] },
    { ifMatch: read.headers.etag },
  );
  if (terms.status !== 200) throw new Error(`billing terms: ${terms.status} ${terms.text}`);
  const [year, month] = todayInGermany().split('-').map(Number);
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  const statement = await http.post(base.leadP1, `${path}/statements`, { month: last });
  if (statement.status !== 201) throw new Error(`statement: ${statement.status} ${statement.text}`);
}

export async function buildSentinelWorld(app: NestFastifyApplication): Promise<SentinelWorld> {
  const http = httpOf(app);
  const db = app.get(DataSource);
  const base = await buildReferralWorld(app);
  const { jobcenterA: A, jobcenterB: B, providerP1: P1, providerP2: P2 } = base;

  const [contractAP2, contractB] = await Promise.all([
    createContract(app, { jobcenterId: A, providerId: P2, capacity: 100 }),
    db
      .query<{ id: string }[]>('SELECT id FROM contracts WHERE jobcenter_id = $1', [B])
      .then(([row]) => row),
  ]);
  // Webhook subscriptions of A's and P1's leads (ADR 0019), paused so that nothing is sent: the
  // world's events get their feed positions and pending deliveries, all of which hold markers.
  for (const lead of [base.leadA, base.leadP1]) {
    const sub = await http.post(lead, `${API}/webhook-subscriptions`, {
      url: 'https://192.0.2.10/sentinel',
      eventTypes: Object.values(EventType),
    });
    if (sub.status !== 201) throw new Error(`webhook subscription: ${sub.status} ${sub.text}`);
    const paused = await http.post(lead, `${API}/webhook-subscriptions/${sub.body.id}/pause`);
    if (paused.status !== 200) throw new Error(`pause: ${paused.status}`);
  }
  const auditorP1 = await createUser(app, { roles: [Role.Auditor], organisationId: P1 });
  await plantSecondFactors(app, P1);
  const allScopes = Object.values(ApiKeyScope);
  const [keyP1] = await Promise.all([
    createApiKey(app, { organisationId: P1, scopes: allScopes, admin: base.admin }),
    createApiKey(app, { organisationId: P2, scopes: allScopes, admin: base.admin }),
    setProfile(app, P1, { services: [ServiceKind.OutreachHomeVisits], postcodes: ['45127'] }),
    setProfile(app, P2, { services: [ServiceKind.OutreachHomeVisits], postcodes: ['10115'] }),
  ]);
  const [templateP1, templateP2] = await Promise.all([
    createApprovedTemplate(app, P1),
    createApprovedTemplate(app, P2),
    createApprovedTemplate(app, A),
  ]);

  const clientOf = (jobcenterId: string) => createClient(app, { jobcenterId }).then((c) => c.id);
  const [cDraft, cRequested, cRejected, cCancelled, cEnded, cCompleted, cOther, cToP2, cB] =
    await Promise.all([
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(A),
      clientOf(B),
    ]);
  const mainClient = base.client.id;
  const inState = (state: ReferralState, clientId: string, extra = {}) =>
    referralInState(app, base, state, { clientId, ...extra });

  // A → P1, the case everything happens in: started, paused for a hospital stay, resumed.
  const main = await inState(ReferralState.Accepted, mainClient);
  await http.advance(base.workerP1, main.id, 'start');
  await http.advance(base.workerP1, main.id, 'pause', { reason: 'hospital_stay' });
  await http.advance(base.workerP1, main.id, 'resume');

  const [draft, , rejected, cancelled, ended, completed, other, toP2, ofB] = await Promise.all([
    inState(ReferralState.Draft, cDraft),
    inState(ReferralState.Requested, cRequested),
    inState(ReferralState.Requested, cRejected),
    inState(ReferralState.Accepted, cCancelled),
    inState(ReferralState.Accepted, cEnded),
    inState(ReferralState.InProgress, cCompleted),
    inState(ReferralState.Accepted, cOther, { assignedWorkerId: base.otherWorkerP1.userId }),
    inState(ReferralState.OnHold, cToP2, {
      providerId: P2,
      contractId: contractAP2.id,
      assignedWorkerId: base.workerP2.userId,
    }),
    inState(ReferralState.InProgress, cB, {
      jobcenterId: B,
      providerId: P2,
      contractId: contractB.id,
      caseManagerId: base.caseworkerB.userId,
      assignedWorkerId: base.workerP2.userId,
    }),
  ]);
  await http.advance(base.leadP1, rejected.id, 'reject', { reason: 'not_suitable' });
  await billLastMonth(app, base);
  await http.advance(base.caseworkerA, cancelled.id, 'cancel', { reason: 'client_moved_away' });
  await http.advance(base.workerP1, completed.id, 'complete', { outcome: 'goals_reached' });

  // Consents: P1 releases participation, goals and housing of the main client to A and then
  // takes housing back (a partial release); P2 releases participation to A and all to B.
  const consent = await recordConsent(app, base.workerP1.actor, mainClient, {
    referralId: main.id,
    templateId: templateP1.id,
    grants: [DataCategory.Participation, DataCategory.Goals, DataCategory.Housing].map(
      (category) => ({ category, recipientOrganisationId: A }),
    ),
    evidence: {
      form: ConsentEvidenceForm.Written,
      givenOn: todayInGermany(),
      documentReference: 'Ordner 3, Blatt 7',
    },
  });
  const housing = consent.grants.find((g) => g.category === DataCategory.Housing);
  await app.get(ConsentsService).revoke(base.workerP1.actor, consent.record.id, {
    grantIds: [housing!.id],
  });
  await recordConsent(app, base.workerP2.actor, cToP2, {
    referralId: toP2.id,
    templateId: templateP2.id,
    grants: [{ category: DataCategory.Participation, recipientOrganisationId: A }],
  });
  await recordConsent(app, base.workerP2.actor, cB, {
    referralId: ofB.id,
    templateId: templateP2.id,
    grants: Object.values(DataCategory).map((category) => ({
      category,
      recipientOrganisationId: B,
    })),
  });
  const releases: Release[] = [
    { clientId: mainClient, author: P1, reader: A, category: DataCategory.Participation },
    { clientId: mainClient, author: P1, reader: A, category: DataCategory.Goals },
    { clientId: cToP2, author: P2, reader: A, category: DataCategory.Participation },
    ...Object.values(DataCategory).map((category) => ({
      clientId: cB,
      author: P2,
      reader: B,
      category,
    })),
  ];

  // Activities: notes are provider-internal; one is moved to another category (the API
  // writes participation only, the column allows any).
  const activity = (user: TestUser, referralId: string, reached: boolean) =>
    http
      .post(user, `${API}/referrals/${referralId}/activities`, {
        kind: ActivityKind.HomeVisit,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        reached,
        note: 'Interne Notiz',
      })
      .then((res) => {
        if (res.status !== 201) throw new Error(`activity: ${res.status}`);
        return res.body as { id: string };
      });
  const [, moved] = await Promise.all([
    activity(base.workerP1, main.id, true),
    activity(base.workerP1, main.id, false),
    activity(base.workerP1, ended.id, true),
    activity(base.otherWorkerP1, other.id, true),
    activity(base.workerP2, toP2.id, true),
    activity(base.workerP2, ofB.id, true),
  ]);
  await db.query(`UPDATE activities SET category = 'health' WHERE id = $1`, [moved.id]);
  const keyActivity = await http.post(
    keyP1,
    `${API}/referrals/${main.id}/activities`,
    { kind: ActivityKind.Phone, occurredAt: new Date().toISOString(), reached: false },
    { headers: { 'Idempotency-Key': randomUUID() } },
  );
  if (keyActivity.status !== 201) throw new Error(`key activity: ${keyActivity.status}`);

  // Appointments (ADR 0021): one proposed, wished and confirmed over HTTP on the main case; on
  // each case of a provider one that has begun, with the worker's record of the accompaniment
  // and its internal note (released to A for the main case and P2's case of A, to B for B's
  // case, to nobody for the case of P1's other worker).
  const proposed = await http.post(
    base.caseworkerA,
    `${API}/referrals/${main.id}/appointments`,
    appointmentBody(),
  );
  if (proposed.status !== 201) throw new Error(`appointment: ${proposed.status} ${proposed.text}`);
  const wish = await http.post(
    base.workerP1,
    `${API}/appointments/${proposed.body.id}/accompaniment-wish`,
    { wished: true },
    { headers: { 'If-Match': proposed.headers.etag } },
  );
  const confirmed = await http.post(
    base.workerP1,
    `${API}/appointments/${proposed.body.id}/accompaniment-confirmation`,
    undefined,
    { headers: { 'If-Match': wish.headers.etag } },
  );
  if (confirmed.status !== 200) throw new Error(`confirmation: ${confirmed.status}`);
  for (const [referral, caseManager, provider, worker] of [
    [main, base.caseworkerA, P1, base.workerP1],
    [other, base.caseworkerA, P1, base.otherWorkerP1],
    [toP2, base.caseworkerA, P2, base.workerP2],
    [ofB, base.caseworkerB, P2, base.workerP2],
  ] as const) {
    await insertAppointment(app, {
      referralId: referral.id,
      createdById: caseManager.userId,
      accompanimentWished: true,
      confirmed: true,
      attendance: {
        meeting: AccompanimentMeeting.ClientDidNotCome,
        providerId: provider,
        recordedById: worker.userId,
        note: 'Interne Notiz zur Begleitung',
      },
    });
  }

  // Reports: a submitted one with a section in every category, a draft, one by API key
  // (idempotent), P1's report on the referral it later ends, and P2's reports.
  const mainReport = await submittedReport(app, base.workerP1.actor, main.id, {
    sections: everySection('Bericht P1'),
  });
  await draftReport(app, base.workerP1.actor, main.id, { sections: everySection('Entwurf P1') });
  const byKey = await http.post(
    keyP1,
    `${API}/referrals/${main.id}/reports`,
    {
      kind: ReportKind.Interim,
      periodFrom: '2026-10-01',
      periodUntil: '2026-10-31',
      sections: everySection('Bericht per Schlüssel'),
    },
    { headers: { 'Idempotency-Key': randomUUID() } },
  );
  if (byKey.status !== 201) throw new Error(`report by key: ${byKey.status}`);
  await submittedReport(app, base.workerP1.actor, ended.id, {
    sections: everySection('Bericht vor Ende'),
  });
  await http.advance(base.workerP1, ended.id, 'start');
  await http.advance(base.workerP1, ended.id, 'end', { reason: 'client_declined' });
  await draftReport(app, base.otherWorkerP1.actor, other.id, { sections: everySection('Andere') });
  await submittedReport(app, base.workerP2.actor, toP2.id, { sections: everySection('P2 an A') });
  await submittedReport(app, base.workerP2.actor, ofB.id, { sections: everySection('P2 an B') });

  // Dual control (ADR 0008): a second admin's pending requests (a member of P1, a key of P2),
  // and one that A's lead approved (a member with an activation code).
  const secondAdmin = await createUser(app, { roles: [Role.Admin] });
  const ask = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const res = await http.post(secondAdmin, `${API}${path}`, body);
    if (res.status !== 202) throw new Error(`request ${path}: ${res.status}`);
    return (res.body as { id: string }).id;
  };
  const member = (organisationId: string, role: Role) => ({
    organisationId,
    email: `${randomUUID()}@test.lotse.invalid`,
    displayName: 'Beantragte Person',
    roles: [role],
  });
  await ask('/users', member(P1, Role.ProviderWorker));
  await ask(`/organisations/${P2}/api-keys`, { name: 'Beantragter Schlüssel', scopes: allScopes });
  const approved = await ask('/users', member(A, Role.Caseworker));
  const approval = await http.post(base.leadA, `${API}/approval-requests/${approved}/approve`, {});
  if (approval.status !== 200) throw new Error(`approval: ${approval.status}`);

  // A partner clinic of A (ADR 0022): an onward referral it accepted, one it was only asked, and
  // one whose consent was revoked after it accepted (it must see nothing of that one any more).
  const clinic = await createPartner(app);
  await createPartnerAgreement(app, base.leadA, clinic.partnerId);
  const partners = app.get(PartnersService);
  const onward = async (answer: 'accept' | 'ask' | 'revoke'): Promise<[string, string]> => {
    const clientId = await clientOf(A);
    const referral = await inState(ReferralState.InProgress, clientId);
    const given = await recordConsent(app, base.workerP1.actor, clientId, {
      referralId: referral.id,
      templateId: templateP1.id,
      grants: [
        { category: DataCategory.MentalHealth, recipientOrganisationId: clinic.partnerId },
        { category: DataCategory.Participation, recipientOrganisationId: A },
      ],
    });
    const view = await partners.refer(base.workerP1.actor, referral.id, clinic.partnerId);
    if (answer !== 'ask') await partners.decide(clinic.staff.actor, view.row.id, true);
    if (answer === 'revoke') {
      const grant = given.grants.find((g) => g.recipientOrganisationId === clinic.partnerId);
      await app.get(ConsentsService).revoke(base.workerP1.actor, given.record.id, {
        grantIds: [grant!.id],
      });
    }
    releases.push({ clientId, author: P1, reader: A, category: DataCategory.Participation });
    return [view.row.id, clientId];
  };
  const [acceptedOnward, acceptedClient] = await onward('accept');
  const [askedOnward] = await onward('ask');
  const [revokedOnward] = await onward('revoke');
  const partnerFacts: PartnerFacts = {
    agreements: [[A, clinic.partnerId]],
    identities: [[clinic.partnerId, acceptedClient]],
    onwardIds: [acceptedOnward, askedOnward, revokedOnward],
  };

  await app
    .get(EventDispatcher)
    .drain(undefined, { organisationIds: [A, B, P1, P2, clinic.partnerId] });
  // Single sign-on (ADR 0018): A and P1 sign in through identity providers, one person linked each.
  for (const [organisationId, lead, role] of [
    [A, base.leadA, Role.Caseworker],
    [P1, base.leadP1, Role.ProviderWorker],
  ] as const) {
    const configured = await http.post(
      base.admin.authHeader,
      `${API}/organisations/${organisationId}/identity-provider`,
      {
        issuer: `https://login.sentinel.test/realms/${organisationId}`,
        clientId: 'lotse',
        clientSecret: 'a-client-secret-the-sentinel-never-sees',
        rolesClaim: 'groups',
        roleMapping: [{ value: '/lotse/mitarbeit', role }],
      },
    );
    if (configured.status !== 201) throw new Error(`identity provider: ${configured.status}`);
    const member = await createUser(app, { roles: [role], organisationId });
    const linked = await http.post(
      lead.authHeader,
      `${API}/organisations/${organisationId}/identity-links`,
      { userId: member.userId, subject: `subject-${randomUUID()}` },
    );
    if (linked.status !== 201) throw new Error(`identity link: ${linked.status}`);
    // A sign-in under way and a session begun by single sign-on, as the callback leaves them.
    const db = app.get(DataSource);
    const [provider] = await db.query<{ id: string }[]>(
      `SELECT id FROM identity_providers WHERE organisation_id = $1`,
      [organisationId],
    );
    await db.query(
      `INSERT INTO oidc_transactions (state_hash, provider_id, code_verifier, nonce, browser_hash, expires_at)
       VALUES ($1, $2, 'verifier', 'nonce', $3, now() + interval '10 minutes')`,
      [randomBytes(32), provider.id, randomBytes(32)],
    );
    await db.query(
      `INSERT INTO oidc_sessions (session_id, provider_id, subject, idp_session_id)
       VALUES ($1, $2, 'subject', 'idp-session')`,
      [member.sessionId, provider.id],
    );
  }

  const person = (name: string, user: TestUser, role: Role): Viewer => ({
    name,
    role,
    organisationId: user.organisationId,
    userId: user.userId,
    auth: user.authHeader,
    permissions: permissionsOfRoles([role]),
  });
  const viewers: Viewer[] = [
    person('caseworker A', base.caseworkerA, Role.Caseworker),
    person('caseworker B', base.caseworkerB, Role.Caseworker),
    person('jobcenter lead A', base.leadA, Role.JobcenterLead),
    person('provider lead P1', base.leadP1, Role.ProviderLead),
    person('provider lead P2', base.leadP2, Role.ProviderLead),
    person('provider worker P1', base.workerP1, Role.ProviderWorker),
    person('other provider worker P1', base.otherWorkerP1, Role.ProviderWorker),
    person('provider worker P2', base.workerP2, Role.ProviderWorker),
    person('auditor A', base.auditorA, Role.Auditor),
    person('auditor P1', auditorP1, Role.Auditor),
    person('admin', base.admin, Role.Admin),
    person('partner clinic', clinic.staff, Role.PartnerStaff),
    {
      name: 'API key P1',
      role: 'api_key',
      organisationId: P1,
      apiKeyId: keyP1.id,
      auth: keyP1.authHeader,
      permissions: permissionsOfScopes(allScopes),
    },
    {
      name: 'anonymous',
      role: 'anonymous',
      organisationId: '',
      auth: 'anonymous',
      permissions: new Set(),
    },
  ];
  return {
    base,
    partners: partnerFacts,
    organisations: [A, B, P1, P2, base.admin.organisationId, clinic.partnerId],
    viewers,
    releases,
    named: {
      mainClient,
      mainReferral: main.id,
      mainReport: mainReport.id,
      draftReferral: draft.id,
    },
  };
}
