import { insertAppointment } from '../factories/appointments';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthService } from '../../src/authentication/auth.service';
import { ApiKeyScope, Role } from '../../src/auth/role';
import { DataCategory } from '../../src/confidentiality/data-category';
import { ReferralState } from '../../src/common/referral-states';
import { createClient } from '../factories/clients';
import { createApprovedTemplate } from '../factories/consent';
import { createApiKey, createOrganisation, createUser, type TestUser } from '../factories/identity';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { draftReport, insertConsent, submittedReport } from '../factories/reports';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { PartnersService } from '../../src/partners/partners.service';
import { createPartner, createPartnerAgreement } from '../factories/partners';
import { DataSource } from 'typeorm';
import { httpOf } from '../support/http';

/** Who a fuzzed request is sent as: a signed-in person, the provider's API key, or nobody. */
export interface FuzzActor {
  name: string;
  roles: readonly Role[];
  /** Scopes, for the API key; empty for people. */
  scopes: readonly ApiKeyScope[];
  authHeader: Record<string, string>;
}

/**
 * A small world for the fuzzer: jobcenter A refers its clients to provider P1, with referrals
 * in every state, reports, consents and templates of their own, so that valid requests reach
 * the services' deeper paths. Objects a request may ruin for the others (the actors' own users,
 * sessions, organisations and keys) are never offered as targets of destructive routes:
 * sacrificial ones are.
 */
export interface FuzzWorld {
  world: ReferralWorld;
  actors: FuzzActor[];
  apiKeyId: string;
  /** A user whose sessions the fuzzer ends, whose password it changes. */
  selfService: TestUser;
  /** Targets of admin writes on users, organisations and keys. */
  sacrificialUserId: string;
  sacrificialOrganisationId: string;
  sacrificialApiKeyIds: string[];
  referralIds: Record<ReferralState, string[]>;
  clientIds: string[];
  draftReportId: string;
  submittedReportId: string;
  consentId: string;
  grantIds: string[];
  /** Appointments of the worked case that have begun (ADR 0021), wished and confirmed. */
  appointmentIds: string[];
  /** Onward referrals of the in-progress cases to the partner clinic, asked (ADR 0022). */
  onwardReferralIds: string[];
  approvedTemplateId: string;
  draftTemplateId: string;
  /** Pending approval requests of a second admin, for P1's and A's leads to decide. */
  approvalRequestIds: string[];
  /** Ids that exist but belong to somebody else (or to another table). */
  foreignIds: string[];
  /** A fresh session of the self-service user (logout and password change spend them). */
  freshSession(): Promise<{ authHeader: Record<string, string>; refreshToken: string }>;
}

export async function buildFuzzWorld(app: INestApplication): Promise<FuzzWorld> {
  const world = await buildReferralWorld(app);
  const [selfService, sacrificialUser, sacrificialOrganisation, clientB] = await Promise.all([
    createUser(app, { roles: [Role.Caseworker], organisationId: world.jobcenterA }),
    createUser(app, { roles: [Role.Caseworker], organisationId: world.jobcenterA }),
    createOrganisation(app, OrganisationKind.Provider),
    createClient(app, { jobcenterId: world.jobcenterB }),
  ]);
  const allScopes = Object.values(ApiKeyScope);
  const apiKey = await createApiKey(app, {
    organisationId: world.providerP1,
    scopes: allScopes,
    admin: world.admin,
  });
  const sacrificialKeys = await Promise.all(
    [1, 2, 3].map(() =>
      createApiKey(app, { organisationId: world.providerP1, admin: world.admin }),
    ),
  );
  const keyOfP2 = await createApiKey(app, { organisationId: world.providerP2, admin: world.admin });

  // Several referrals per state, each of its own client, so that transitions have material.
  const referralIds = {} as Record<ReferralState, string[]>;
  const clientIds = [world.client.id];
  let workedClient = world.client.id;
  for (const state of Object.values(ReferralState)) {
    referralIds[state] = [];
    for (let i = 0; i < 3; i++) {
      const client = await createClient(app, { jobcenterId: world.jobcenterA });
      clientIds.push(client.id);
      const referral = await referralInState(app, world, state, { clientId: client.id });
      referralIds[state].push(referral.id);
      if (state === ReferralState.InProgress && i === 0) workedClient = client.id;
    }
  }
  const worked = referralIds[ReferralState.InProgress][0];
  const draft = await draftReport(app, world.workerP1.actor, worked);
  const submitted = await submittedReport(app, world.workerP1.actor, worked);
  // A partner clinic with an agreement with A (ADR 0022).
  const partner = await createPartner(app);
  await createPartnerAgreement(app, world.leadA, partner.partnerId);
  const consent = await insertConsent(app, {
    clientId: workedClient,
    referralId: worked,
    releasingOrganisationId: world.providerP1,
    recordedBy: world.workerP1.userId,
    grants: [
      { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
      { category: DataCategory.Goals, recipientOrganisationId: world.jobcenterA },
      { category: DataCategory.MentalHealth, recipientOrganisationId: partner.partnerId },
    ],
  });
  const appointmentIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { id } = await insertAppointment(app, {
      referralId: worked,
      createdById: world.caseworkerA.userId,
      accompanimentWished: true,
      confirmed: true,
    });
    appointmentIds.push(id);
  }
  // The in-progress cases referred onward to the partner clinic with the client's consent
  // (ADR 0022), for the partner's routes.
  const onwardReferralIds: string[] = [];
  for (const referralId of referralIds[ReferralState.InProgress]) {
    if (referralId !== worked) {
      const [{ clientId }] = await app
        .get(DataSource)
        .query<{ clientId: string }[]>(
          `SELECT client_id AS "clientId" FROM referrals WHERE id = $1`,
          [referralId],
        );
      await insertConsent(app, {
        clientId,
        referralId,
        releasingOrganisationId: world.providerP1,
        recordedBy: world.workerP1.userId,
        grants: [
          { category: DataCategory.MentalHealth, recipientOrganisationId: partner.partnerId },
        ],
      });
    }
    const view = await app
      .get(PartnersService)
      .refer(world.workerP1.actor, referralId, partner.partnerId);
    onwardReferralIds.push(view.row.id);
  }
  const approvedTemplate = await createApprovedTemplate(app, world.providerP1);
  const draftTemplate = await createApprovedTemplate(app, world.jobcenterA, undefined, {
    approved: false,
  });

  const secondAdmin = await createUser(app, { roles: [Role.Admin] });
  const approvalRequestIds: string[] = [];
  for (const organisationId of [world.providerP1, world.jobcenterA, world.providerP1]) {
    const res = await httpOf(app).post(secondAdmin, '/api/v1/users', {
      organisationId,
      email: `${randomUUID()}@fuzz.lotse.invalid`,
      displayName: 'Fuzz request',
      roles: [organisationId === world.jobcenterA ? Role.Caseworker : Role.ProviderWorker],
    });
    if (res.status !== 202) throw new Error(`approval request: ${res.status}`);
    approvalRequestIds.push((res.body as { id: string }).id);
  }

  const person = (name: string, user: TestUser, roles: Role[]): FuzzActor => ({
    name,
    roles,
    scopes: [],
    authHeader: user.authHeader,
  });
  const actors: FuzzActor[] = [
    person('caseworkerA', world.caseworkerA, [Role.Caseworker]),
    person('leadA', world.leadA, [Role.JobcenterLead]),
    person('workerP1', world.workerP1, [Role.ProviderWorker]),
    person('leadP1', world.leadP1, [Role.ProviderLead]),
    person('auditorA', world.auditorA, [Role.Auditor]),
    person('admin', world.admin, [Role.Admin]),
    { name: 'apiKeyP1', roles: [], scopes: allScopes, authHeader: apiKey.authHeader },
    person('partnerStaff', partner.staff, [Role.PartnerStaff]),
  ];
  const auth = app.get(AuthService);
  return {
    world,
    actors,
    apiKeyId: apiKey.id,
    selfService,
    sacrificialUserId: sacrificialUser.userId,
    sacrificialOrganisationId: sacrificialOrganisation.id,
    sacrificialApiKeyIds: sacrificialKeys.map((k) => k.id),
    referralIds,
    clientIds,
    draftReportId: draft.id,
    submittedReportId: submitted.id,
    consentId: consent.consentId,
    grantIds: consent.grantIds,
    appointmentIds,
    onwardReferralIds,
    approvedTemplateId: approvedTemplate.id,
    draftTemplateId: draftTemplate.id,
    approvalRequestIds,
    foreignIds: [
      world.jobcenterB,
      world.providerP2,
      world.caseworkerB.userId,
      clientB.id,
      keyOfP2.id,
      world.contract.id,
      referralIds[ReferralState.Draft][0],
    ],
    async freshSession() {
      const tokens = await auth.startSession(
        { userId: selfService.userId, organisationId: selfService.organisationId },
        `fuzz-${randomUUID()}`,
      );
      return {
        authHeader: { Authorization: `Bearer ${tokens.accessToken}` },
        refreshToken: tokens.refreshToken,
      };
    },
  };
}
