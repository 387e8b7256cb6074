import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiKeyScope, Role } from '../../../src/auth/role';
import { DataCategory } from '../../../src/confidentiality/data-category';
import type { ConsentTemplate } from '../../../src/consent/consent-template.entity';
import { Contract } from '../../../src/providers/contract.entity';
import { EventType } from '../../../src/events/event-types';
import { WebhookSubscription } from '../../../src/events/webhook-subscription.entity';
import { ReferralState, SENT_STATES } from '../../../src/common/referral-states';
import type { Referral } from '../../../src/referrals/referral.entity';
import { createClient, type TestClient } from '../../factories/clients';
import { createApprovedTemplate } from '../../factories/consent';
import { createApiKey, createUser, type TestApiKey, type TestUser } from '../../factories/identity';
import { createContract, setProfile } from '../../factories/providers';
import { BillingUnit } from '../../../src/providers/billing-unit';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../../factories/referrals';
import { draftReport, insertConsent, submittedReport } from '../../factories/reports';
import { insertAppointment } from '../../factories/appointments';
import { AccompanimentMeeting } from '../../../src/appointments/appointment-codes';
import { MATRIX_EMAIL_DOMAIN } from './db-state';
import { httpOf } from '../../support/http';
import { createPartner, createPartnerAgreement } from '../../factories/partners';
import { PartnersService } from '../../../src/partners/partners.service';

/** Index of a side of the world: 0 is jobcenter A with provider P1, 1 is B with P2. */
export type SideIndex = 0 | 1;

/**
 * One side of the world: a jobcenter, the provider it refers to under a contract, their people
 * and one object of every kind the matrix needs, plus what every cell that must not consume the
 * shared objects creates afresh through `fresh*`.
 */
export interface Side {
  index: SideIndex;
  jobcenterId: string;
  providerId: string;
  contract: Contract;
  caseworker: TestUser;
  providerLead: TestUser;
  /** The worker every case of this side is assigned to. */
  worker: TestUser;
  /** A second worker of the provider (the target of `assign`). */
  otherWorker: TestUser;
  /** A caseworker of the jobcenter, the target of the user routes. */
  staff: TestUser;
  apiKey: TestApiKey;
  /** A key of the provider that denied cells aim at (never the calling key). */
  spareKeyId: string;
  /** Postcode only this side's clients and provider have. */
  postcode: string;
  /** An in-progress case: client, referral assigned to `worker`, consent, reports. */
  client: TestClient;
  referral: Referral;
  consentId: string;
  submittedReportId: string;
  draftReportId: string;
  /** An appointment of `referral` that has begun, its accompaniment wished, confirmed, recorded. */
  appointmentId: string;
  /** Referrals in the states the action routes start from. */
  draft: Referral;
  requested: Referral;
  accepted: Referral;
  onHold: Referral;
  /** Approved and unapproved consent templates per organisation of the side. */
  template: Map<string, ConsentTemplate>;
  unapprovedTemplate: Map<string, ConsentTemplate>;
  /** A pending approval request of the second admin, per organisation of the side. */
  pendingRequest: Map<string, string>;
  /** A paused webhook subscription of each organisation of the side, and one delivery of it. */
  webhook: Map<string, { subscriptionId: string; deliveryId: string }>;
  /** A billing statement of the side's contract (ADR 0023). */
  statementId: string;
  /** The side's partner organisation (ADR 0022), with an agreement with the side's jobcenter. */
  partnerId: string;
  partnerStaff: TestUser;
  /** An in-progress referral whose consent grants the partner, and its asked onward referral. */
  onwardBase: Referral;
  onwardRequested: string;
  /** An onward referral the partner accepted. */
  onwardAccepted: string;
}

export interface MatrixWorld {
  base: ReferralWorld;
  /** A second admin, who files the approval requests that the matrix's admin may decide. */
  requester: TestUser;
  sides: [Side, Side];
  /** Ids of every object made on each side (grows as cells create fresh objects). */
  objectIds: [Set<string>, Set<string>];
  orgIds: [Set<string>, Set<string>];
}

const ALL_SCOPES = [
  ApiKeyScope.ReferralsRead,
  ApiKeyScope.ActivitiesWrite,
  ApiKeyScope.ReportsWrite,
];
const ACCEPTED_STATES = [
  ReferralState.Accepted,
  ReferralState.InProgress,
  ReferralState.OnHold,
  ReferralState.Completed,
  ReferralState.Ended,
];

/** Creates objects on one side, remembering their ids for the collection checks. */
export class SideFactory {
  constructor(
    private readonly app: INestApplication,
    private readonly world: MatrixWorld,
    readonly side: Side,
  ) {}

  private note<T extends { id: string }>(object: T): T {
    this.world.objectIds[this.side.index].add(object.id);
    return object;
  }

  async client(): Promise<TestClient> {
    return this.note(
      await createClient(this.app, {
        jobcenterId: this.side.jobcenterId,
        postcode: this.side.postcode,
      }),
    );
  }

  /** A referral of a fresh client (or the given one) in `state`, assigned once accepted. */
  async referral(state: ReferralState, clientId?: string): Promise<Referral> {
    const { side } = this;
    const sent = SENT_STATES.includes(state);
    const assigned = ACCEPTED_STATES.includes(state);
    return this.note(
      await referralInState(this.app, this.world.base, state, {
        jobcenterId: side.jobcenterId,
        providerId: side.providerId,
        clientId: clientId ?? (await this.client()).id,
        caseManagerId: side.caseworker.userId,
        contractId: sent ? side.contract.id : null,
        assignedWorkerId: assigned ? side.worker.userId : null,
      }),
    );
  }

  /** A consent released by the provider to the jobcenter (participation and goals). */
  async consent(clientId: string, referralId: string): Promise<string> {
    const { side } = this;
    const { consentId } = await insertConsent(this.app, {
      clientId,
      referralId,
      releasingOrganisationId: side.providerId,
      recordedBy: side.worker.userId,
      grants: [
        { category: DataCategory.Participation, recipientOrganisationId: side.jobcenterId },
        { category: DataCategory.Goals, recipientOrganisationId: side.jobcenterId },
      ],
    });
    this.world.objectIds[side.index].add(consentId);
    return consentId;
  }

  async draftReport(referralId: string): Promise<{ id: string; version: number }> {
    return this.note(await draftReport(this.app, this.side.worker.actor, referralId));
  }

  async submittedReport(referralId: string): Promise<{ id: string; version: number }> {
    return this.note(await submittedReport(this.app, this.side.worker.actor, referralId));
  }

  /**
   * An appointment of the side's in-progress case that has begun: as `wished` says, the client
   * wishes to be accompanied, and with `confirmed` the provider confirmed it.
   */
  async appointment(options: { wished?: boolean; confirmed?: boolean } = {}): Promise<string> {
    const { side } = this;
    return this.note(
      await insertAppointment(this.app, {
        referralId: side.referral.id,
        createdById: side.caseworker.userId,
        accompanimentWished: options.wished ?? null,
        confirmed: options.confirmed,
      }),
    ).id;
  }

  async apiKey(): Promise<TestApiKey> {
    return this.note(
      await createApiKey(this.app, {
        organisationId: this.side.providerId,
        admin: this.world.base.admin,
        scopes: [ApiKeyScope.ReportsWrite],
      }),
    );
  }

  async user(roles: Role[] = [Role.Caseworker], organisationId?: string): Promise<TestUser> {
    const user = await createUser(this.app, {
      roles,
      organisationId: organisationId ?? this.side.jobcenterId,
    });
    this.world.objectIds[this.side.index].add(user.userId);
    return user;
  }

  /**
   * A pending approval request (a new member of `organisationId`, asked for over HTTP by an
   * admin: the second one unless given), its id.
   */
  async approvalRequest(organisationId: string, by: TestUser = this.world.requester) {
    const kind = organisationId === this.side.providerId ? Role.ProviderWorker : Role.Caseworker;
    const res = await httpOf(this.app).post(by, '/api/v1/users', {
      organisationId,
      email: `${randomUUID()}@${MATRIX_EMAIL_DOMAIN}`,
      displayName: 'Matrix request',
      roles: [kind],
    });
    if (res.status !== 202) throw new Error(`approval request: ${res.status} ${res.text}`);
    const { id } = res.body as { id: string };
    return this.note({ id }).id;
  }

  /** A fresh member of the side's provider, made by its lead over HTTP: their activation code. */
  async activationCode(): Promise<string> {
    const res = await httpOf(this.app).post(this.side.providerLead, '/api/v1/users', {
      organisationId: this.side.providerId,
      email: `${randomUUID()}@${MATRIX_EMAIL_DOMAIN}`,
      displayName: 'Matrix activation',
      roles: [Role.ProviderWorker],
    });
    if (res.status !== 201) throw new Error(`activation code: ${res.status} ${res.text}`);
    const body = res.body as { id: string; activation: { code: string } };
    this.note({ id: body.id });
    return body.activation.code;
  }

  /**
   * A paused subscription (to an event the matrix never causes, at a documentation address), so
   * that no test's dispatcher ever tries to reach it.
   */
  async webhookSubscription(organisationId: string): Promise<string> {
    const row = await this.app
      .get(DataSource)
      .getRepository(WebhookSubscription)
      .save({
        organisationId,
        url: 'https://192.0.2.10/matrix',
        eventTypes: [EventType.ConsentExpiringSoon],
        secrets: [{ secret: `whsec_${randomUUID()}`, createdAt: '', expiresAt: null }],
        paused: true,
        failingSince: null,
        createdBy: null,
      });
    return this.note(row).id;
  }

  /** A failed delivery of the subscription (of an event written for it), its id. */
  async webhookDelivery(subscriptionId: string, organisationId: string): Promise<string> {
    const ds = this.app.get(DataSource);
    const [event] = await ds.query<{ sequence: string }[]>(
      `INSERT INTO events (id, type, organisation_id, subject_type, subject_id, instruction,
                           occurred_at)
       VALUES (gen_random_uuid(), $1, $2, 'contract', $3, 'fetch', now()) RETURNING sequence`,
      [EventType.ConsentExpiringSoon, organisationId, this.side.contract.id],
    );
    const [delivery] = await ds.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (subscription_id, event_sequence, status, attempts)
       VALUES ($1, $2, 'failed', 10) RETURNING id`,
      [subscriptionId, event.sequence],
    );
    return this.note(delivery).id;
  }

  /** A fresh contract of the side with billing terms, for a statement a cell may generate. */
  async billedContract(): Promise<Contract> {
    const { side } = this;
    const contract = await createContract(this.app, {
      jobcenterId: side.jobcenterId,
      providerId: side.providerId,
    });
    await this.app
      .get(DataSource)
      .query(`UPDATE contracts SET billing_terms = $2::jsonb WHERE id = $1`, [
        contract.id,
        JSON.stringify([{ unit: BillingUnit.ActiveCaseMonth, priceCents: 45000 }]),
      ]);
    return this.note(contract);
  }

  /** A first edition of the side's contract's statement of January 2026, with no lines. */
  async statement(): Promise<string> {
    const { side } = this;
    const [row] = await this.app.get(DataSource).query<{ id: string }[]>(
      `INSERT INTO billing_statements
         (contract_id, jobcenter_id, provider_id, month, edition, total_cents, created_by_id)
       VALUES ($1, $2, $3, '2026-01-01', 1, 0, $4) RETURNING id`,
      [side.contract.id, side.jobcenterId, side.providerId, side.providerLead.userId],
    );
    return this.note(row).id;
  }

  /**
   * A fresh in-progress referral whose consent grants the side's partner `mental_health`, and
   * an onward referral of it to the partner (through the service), asked or accepted.
   */
  async onward(accepted: boolean): Promise<{ referral: Referral; onwardId: string }> {
    const { side } = this;
    const referral = await this.consentedReferral();
    const partners = this.app.get(PartnersService);
    const view = await partners.refer(side.worker.actor, referral.id, side.partnerId);
    if (accepted) await partners.decide(side.partnerStaff.actor, view.row.id, true);
    return { referral, onwardId: this.note(view.row).id };
  }

  /** A fresh in-progress referral whose consent grants the side's partner `mental_health`. */
  async consentedReferral(): Promise<Referral> {
    const { side } = this;
    const referral = await this.referral(ReferralState.InProgress);
    const { consentId } = await insertConsent(this.app, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: side.providerId,
      recordedBy: side.worker.userId,
      grants: [{ category: DataCategory.MentalHealth, recipientOrganisationId: side.partnerId }],
    });
    this.world.objectIds[side.index].add(consentId);
    return referral;
  }

  async template(organisationId: string, approved: boolean): Promise<ConsentTemplate> {
    return this.note(
      await createApprovedTemplate(this.app, organisationId, undefined, { approved }),
    );
  }
}

async function buildSide(
  app: INestApplication,
  world: MatrixWorld,
  index: SideIndex,
  people: Pick<
    Side,
    'jobcenterId' | 'providerId' | 'contract' | 'caseworker' | 'providerLead' | 'worker'
  > & { leadOfJobcenter: TestUser | { jobcenterId: string } },
  postcode: string,
): Promise<Side> {
  const side = {
    index,
    jobcenterId: people.jobcenterId,
    providerId: people.providerId,
    contract: people.contract,
    caseworker: people.caseworker,
    providerLead: people.providerLead,
    worker: people.worker,
    postcode,
    template: new Map(),
    unapprovedTemplate: new Map(),
    pendingRequest: new Map(),
    webhook: new Map(),
  } as Side;
  world.sides[index] = side;
  world.orgIds[index].add(side.jobcenterId).add(side.providerId);
  const partner = await createPartner(app);
  side.partnerId = partner.partnerId;
  side.partnerStaff = partner.staff;
  world.orgIds[index].add(side.partnerId);
  world.objectIds[index].add(side.partnerStaff.userId);
  // The agreement is directory data every provider may list: not noted as a side's object.
  await createPartnerAgreement(app, people.leadOfJobcenter, side.partnerId, {
    reservedPlaces: 10000,
  });
  world.objectIds[index].add(side.contract.id);
  const make = new SideFactory(app, world, side);
  side.otherWorker = await make.user([Role.ProviderWorker], side.providerId);
  side.staff = await make.user();
  side.spareKeyId = (await make.apiKey()).id;
  side.apiKey = await createApiKey(app, {
    organisationId: side.providerId,
    admin: world.base.admin,
    scopes: ALL_SCOPES,
  });
  world.objectIds[index].add(side.apiKey.id);
  await setProfile(app, side.providerId, { postcodes: [postcode], languages: ['de'] });
  for (const organisationId of [side.jobcenterId, side.providerId]) {
    side.template.set(organisationId, await make.template(organisationId, true));
    side.unapprovedTemplate.set(organisationId, await make.template(organisationId, false));
  }

  for (const organisationId of [side.jobcenterId, side.providerId]) {
    side.pendingRequest.set(organisationId, await make.approvalRequest(organisationId));
    const subscriptionId = await make.webhookSubscription(organisationId);
    const deliveryId = await make.webhookDelivery(subscriptionId, organisationId);
    side.webhook.set(organisationId, { subscriptionId, deliveryId });
  }

  side.statementId = await make.statement();
  side.client = await make.client();
  side.referral = await make.referral(ReferralState.InProgress, side.client.id);
  side.consentId = await make.consent(side.client.id, side.referral.id);
  side.submittedReportId = (await make.submittedReport(side.referral.id)).id;
  side.draftReportId = (await make.draftReport(side.referral.id)).id;
  side.appointmentId = await make.appointment({ wished: true, confirmed: true });
  await insertAppointment(app, {
    referralId: side.referral.id,
    createdById: side.caseworker.userId,
    accompanimentWished: true,
    confirmed: true,
    attendance: {
      meeting: AccompanimentMeeting.MetClient,
      providerId: side.providerId,
      recordedById: side.worker.userId,
    },
  }).then((a) => world.objectIds[index].add(a.id));
  side.draft = await make.referral(ReferralState.Draft);
  side.requested = await make.referral(ReferralState.Requested);
  side.accepted = await make.referral(ReferralState.Accepted);
  side.onHold = await make.referral(ReferralState.OnHold);
  const requested = await make.onward(false);
  side.onwardBase = requested.referral;
  side.onwardRequested = requested.onwardId;
  side.onwardAccepted = (await make.onward(true)).onwardId;

  // Referrals in every state, and clients with every consent pattern, for the lists.
  for (const state of Object.values(ReferralState)) await make.referral(state);
  const never = await make.client();
  await make.referral(ReferralState.Requested, never.id);
  const revoked = await make.referral(ReferralState.InProgress);
  const { consentId } = await insertConsent(app, {
    clientId: revoked.clientId,
    referralId: revoked.id,
    releasingOrganisationId: side.providerId,
    recordedBy: side.worker.userId,
    grants: [
      {
        category: DataCategory.Health,
        recipientOrganisationId: side.jobcenterId,
        revokedSecondsAgo: 60,
      },
      { category: DataCategory.Debts, recipientOrganisationId: side.jobcenterId },
    ],
    validUntilOffset: 86_400 * 10,
  });
  world.objectIds[index].add(consentId);
  return side;
}

/**
 * The one seeded world of the matrix: jobcenters A and B, providers P1 and P2, contracts A–P1
 * and B–P2, and on each side clients with and without (and with partly revoked) consent,
 * referrals in every state, reports, consents, templates and API keys.
 */
export async function buildMatrixWorld(app: INestApplication): Promise<MatrixWorld> {
  const base = await buildReferralWorld(app);
  const world: MatrixWorld = {
    base,
    requester: await createUser(app, { roles: [Role.Admin] }),
    // Filled by buildSide, side by side.
    sides: [] as unknown as [Side, Side],
    objectIds: [new Set<string>(), new Set<string>()],
    orgIds: [new Set<string>(), new Set<string>()],
  };
  const contractB = await app
    .get(DataSource)
    .manager.findOneByOrFail(Contract, { jobcenterId: base.jobcenterB });
  await buildSide(
    app,
    world,
    0,
    {
      jobcenterId: base.jobcenterA,
      providerId: base.providerP1,
      contract: base.contract,
      caseworker: base.caseworkerA,
      providerLead: base.leadP1,
      worker: base.workerP1,
      leadOfJobcenter: base.leadA,
    },
    '45127',
  );
  await buildSide(
    app,
    world,
    1,
    {
      jobcenterId: base.jobcenterB,
      providerId: base.providerP2,
      contract: contractB,
      caseworker: base.caseworkerB,
      providerLead: base.leadP2,
      worker: base.workerP2,
      // B has no lead (the admin decides its approval requests): its agreement is written directly.
      leadOfJobcenter: { jobcenterId: base.jobcenterB },
    },
    '10115',
  );
  world.objectIds[0].add(base.client.id);
  world.orgIds[0].add(base.admin.organisationId);
  return world;
}
