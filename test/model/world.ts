import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { ServiceKind } from '../../src/providers/service-kind';
import { createClient } from '../factories/clients';
import { createApprovedTemplate } from '../factories/consent';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { createContract } from '../factories/providers';
import type { OrgKey, ProviderKey, UserKey } from './oracle';
import { httpOf, type TestHttp } from '../support/http';
import { createPartner, createPartnerAgreement } from '../factories/partners';

/** The real side of one run: fresh organisations, so that runs never see each other's data. */
export interface Real {
  http: TestHttp;
  org: Record<OrgKey, string>;
  users: Record<UserKey, TestUser>;
  admin: TestUser;
  /** Two clients of jobcenter A. */
  clients: [string, string];
  /** An approved template of each provider, covering every category. */
  templates: Record<ProviderKey, string>;
  /** Each referral's versions: the row's (the provider's ETag) and the jobcenter's own. */
  versions: Map<string, { row: number; jobcenter: number }>;
  /** The first request and answer of each successful Idempotency-Key. */
  keyed: Map<string, { referralId: string; body: object; answer: unknown }>;
  /** Each run's commands, for the failure report. */
  log: string[];
  /** The partner clinic C (ADR 0022), with an agreement with A, and its staff member. */
  partner: { id: string; staff: TestUser };
}

/**
 * Two jobcenters and two providers with their people; A has contracts with both providers,
 * each provider a lead and two workers. Built from the test factories (as buildReferralWorld,
 * without the people this test never uses: world building is most of a run's cost).
 */
export async function buildRealWorld(app: NestFastifyApplication, admin: TestUser): Promise<Real> {
  const [A, B, P1, P2] = await Promise.all([
    createOrganisation(app, OrganisationKind.Jobcenter),
    createOrganisation(app, OrganisationKind.Jobcenter),
    createOrganisation(app, OrganisationKind.Provider),
    createOrganisation(app, OrganisationKind.Provider),
  ]);
  const user = (role: Role, organisationId: string) =>
    createUser(app, { roles: [role], organisationId });
  const contract = (providerId: string) =>
    createContract(app, {
      jobcenterId: A.id,
      providerId,
      capacity: 1000,
      services: [ServiceKind.OutreachHomeVisits],
    });
  const [cwA, cwB, leadP1, leadP2, workerP1, otherWorkerP1, workerP2, otherWorkerP2] =
    await Promise.all([
      user(Role.Caseworker, A.id),
      user(Role.Caseworker, B.id),
      user(Role.ProviderLead, P1.id),
      user(Role.ProviderLead, P2.id),
      user(Role.ProviderWorker, P1.id),
      user(Role.ProviderWorker, P1.id),
      user(Role.ProviderWorker, P2.id),
      user(Role.ProviderWorker, P2.id),
    ]);
  const [client1, client2, templateP1, templateP2] = await Promise.all([
    createClient(app, { jobcenterId: A.id }),
    createClient(app, { jobcenterId: A.id }),
    createApprovedTemplate(app, P1.id),
    createApprovedTemplate(app, P2.id),
    contract(P1.id),
    contract(P2.id),
  ]);
  const clinic = await createPartner(app);
  await createPartnerAgreement(app, { jobcenterId: A.id }, clinic.partnerId, {
    reservedPlaces: 1000,
  });
  return {
    http: httpOf(app),
    partner: { id: clinic.partnerId, staff: clinic.staff },
    org: { A: A.id, B: B.id, P1: P1.id, P2: P2.id },
    users: { cwA, cwB, leadP1, leadP2, workerP1, otherWorkerP1, workerP2, otherWorkerP2 },
    admin,
    clients: [client1.id, client2.id],
    templates: { P1: templateP1.id, P2: templateP2.id },
    versions: new Map(),
    keyed: new Map(),
    log: [],
  };
}
