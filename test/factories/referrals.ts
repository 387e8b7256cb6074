import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import type { Contract } from '../../src/providers/contract.entity';
import { ServiceKind } from '../../src/providers/service-kind';
import { ReferralPriority, ReferralReason } from '../../src/referrals/referral-codes';
import { ReferralState, SENT_STATES } from '../../src/common/referral-states';
import { Referral } from '../../src/referrals/referral.entity';
import { createClient, type TestClient } from './clients';
import { createOrganisation, createUser, type TestUser } from './identity';
import { createContract } from './providers';
import { httpOf, type HttpActor } from '../support/http';

/**
 * Two jobcenters and two providers with their people: A refers to P1 under a contract; B and
 * P2 are the "wrong" jobcenter and provider of every authorization test.
 */
export interface ReferralWorld {
  jobcenterA: string;
  jobcenterB: string;
  providerP1: string;
  providerP2: string;
  contract: Contract;
  caseworkerA: TestUser;
  caseworkerB: TestUser;
  leadA: TestUser;
  leadP1: TestUser;
  leadP2: TestUser;
  workerP1: TestUser;
  /** A worker of P1 to whom nothing is assigned. */
  otherWorkerP1: TestUser;
  workerP2: TestUser;
  auditorA: TestUser;
  admin: TestUser;
  client: TestClient;
}

export async function buildReferralWorld(
  app: INestApplication,
  options: { capacity?: number } = {},
): Promise<ReferralWorld> {
  const [jobcenterA, jobcenterB, providerP1, providerP2] = await Promise.all([
    createOrganisation(app, OrganisationKind.Jobcenter),
    createOrganisation(app, OrganisationKind.Jobcenter),
    createOrganisation(app, OrganisationKind.Provider),
    createOrganisation(app, OrganisationKind.Provider),
  ]);
  const user = (roles: Role[], organisationId: string) =>
    createUser(app, { roles, organisationId });
  const [
    caseworkerA,
    caseworkerB,
    leadA,
    leadP1,
    leadP2,
    workerP1,
    otherWorkerP1,
    workerP2,
    auditorA,
    admin,
  ] = await Promise.all([
    user([Role.Caseworker], jobcenterA.id),
    user([Role.Caseworker], jobcenterB.id),
    user([Role.JobcenterLead], jobcenterA.id),
    user([Role.ProviderLead], providerP1.id),
    user([Role.ProviderLead], providerP2.id),
    user([Role.ProviderWorker], providerP1.id),
    user([Role.ProviderWorker], providerP1.id),
    user([Role.ProviderWorker], providerP2.id),
    user([Role.Auditor], jobcenterA.id),
    createUser(app, { roles: [Role.Admin] }),
  ]);
  const contract = await createContract(app, {
    jobcenterId: jobcenterA.id,
    providerId: providerP1.id,
    capacity: options.capacity ?? 1000,
    services: [ServiceKind.OutreachHomeVisits, ServiceKind.DebtRegulation],
  });
  await createContract(app, {
    jobcenterId: jobcenterB.id,
    providerId: providerP2.id,
    capacity: 1000,
    services: [ServiceKind.OutreachHomeVisits],
  });
  const client = await createClient(app, {
    jobcenterId: jobcenterA.id,
    noteToProvider: 'Nachmittags erreichbar; spricht Arabisch',
    postcode: '45127',
  });
  return {
    jobcenterA: jobcenterA.id,
    jobcenterB: jobcenterB.id,
    providerP1: providerP1.id,
    providerP2: providerP2.id,
    contract,
    caseworkerA,
    caseworkerB,
    leadA,
    leadP1,
    leadP2,
    workerP1,
    otherWorkerP1,
    workerP2,
    auditorA,
    admin,
    client,
  };
}

/**
 * A referral of the world's client from A to P1 written straight into the given state, with
 * the dates and assignment that state implies (no history rows, no audit events). For tests
 * of what each state allows; the HTTP tests walk the real transitions.
 */
export async function referralInState(
  app: INestApplication,
  world: ReferralWorld,
  state: ReferralState,
  overrides: Partial<Referral> = {},
): Promise<Referral> {
  const now = new Date();
  const sent = SENT_STATES.includes(state);
  const accepted = sent && state !== ReferralState.Requested && state !== ReferralState.Rejected;
  const closed = [
    ReferralState.Completed,
    ReferralState.Ended,
    ReferralState.Rejected,
    ReferralState.Cancelled,
  ].includes(state);
  const manager = app.get(DataSource).manager;
  const saved = await manager.save(
    Referral,
    manager.create(Referral, {
      jobcenterId: world.jobcenterA,
      providerId: world.providerP1,
      clientId: world.client.id,
      caseManagerId: world.caseworkerA.userId,
      state,
      reasonCategory: ReferralReason.LostContact,
      reasonText: 'Briefe kommen zurück, Termine werden nicht wahrgenommen.',
      goals: 'Kontakt wiederherstellen',
      requestedServices: [ServiceKind.OutreachHomeVisits],
      priority: ReferralPriority.Normal,
      contractId: sent ? world.contract.id : null,
      sentAt: sent ? now : null,
      acceptedAt: accepted ? now : null,
      assignedWorkerId: accepted ? world.workerP1.userId : null,
      firstContactDue: accepted ? '2030-01-01' : null,
      closedAt: closed ? now : null,
      ...overrides,
    }),
  );
  return manager.findOneByOrFail(Referral, { id: saved.id });
}

/**
 * A draft referral over HTTP from jobcenter A to P1 for a fresh client of A, made by
 * `caseworker` (a caseworker of A); answers its id.
 */
export async function draftForFreshClient(
  app: INestApplication,
  world: ReferralWorld,
  caseworker: HttpActor = world.caseworkerA,
): Promise<string> {
  const client = await createClient(app, { jobcenterId: world.jobcenterA });
  const created = await httpOf(app).post(caseworker, '/api/v1/referrals', {
    clientId: client.id,
    providerId: world.providerP1,
    reasonCategory: ReferralReason.LostContact,
    goals: 'Wieder Kontakt zum Jobcenter',
    requestedServices: [ServiceKind.OutreachHomeVisits],
  });
  if (created.status !== 201)
    throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: string }).id;
}
