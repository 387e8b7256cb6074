import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { UserActor } from '../auth/actor';
import { Role } from '../auth/role';
import { permissionsOfRoles } from '../auth/role-permissions';
import { ClientsService } from '../clients/clients.service';
import { todayInGermany } from '../common/calendar';
import { DataCategory } from '../confidentiality/data-category';
import { ConsentEvidenceForm } from '../consent/consent-record.entity';
import { ConsentTemplatesService } from '../consent/consent-templates.service';
import { ConsentsService } from '../consent/consents.service';
import { UsersService } from '../identity/users.service';
import { BillingUnit } from '../providers/billing-unit';
import { ContractsService } from '../providers/contracts.service';
import { ProvidersService } from '../providers/providers.service';
import { ServiceKind } from '../providers/service-kind';
import { ActivityKind, EndReason } from '../referrals/referral-codes';
import { ActivitiesService } from '../referrals/activities.service';
import { ReferralAction } from '../referrals/referral-state';
import type { Referral } from '../referrals/referral.entity';
import { ReferralsService } from '../referrals/referrals.service';
import {
  DEMO_CASES,
  DEMO_CONSENT_TEMPLATE,
  DEMO_CONTRACTS,
  DEMO_PROFILES,
  type DemoStage,
} from './demo-cases';
import { DEMO_PARTNER, DEMO_USERS } from './demo-world';
import { PartnersService } from '../partners/partners.service';

const STAGES: DemoStage[] = ['draft', 'requested', 'accepted', 'in_progress', 'ended'];

/**
 * The demo's case data, written through the same services the API uses (so history and audit
 * trail are real): provider profiles, contracts, clients and referrals in several states.
 */
@Injectable()
export class DemoCasesService {
  constructor(
    private readonly users: UsersService,
    private readonly providers: ProvidersService,
    private readonly contracts: ContractsService,
    private readonly clients: ClientsService,
    private readonly referrals: ReferralsService,
    private readonly activities: ActivitiesService,
    private readonly templates: ConsentTemplatesService,
    private readonly consents: ConsentsService,
    private readonly partners: PartnersService,
  ) {}

  async seed(organisations: Map<string, string>): Promise<void> {
    const [caseworker, lead, worker, providerLead, admin] = await Promise.all(
      [Role.Caseworker, Role.JobcenterLead, Role.ProviderWorker, Role.ProviderLead, Role.Admin].map(
        (role) => this.actor(DEMO_USERS.find((u) => u.role === role)!.email),
      ),
    );
    for (const [name, profile] of Object.entries(DEMO_PROFILES)) {
      await this.providers.update(admin, organisations.get(name)!, 0, {
        ...profile,
        services: [...profile.services],
        postcodes: [...profile.postcodes],
        languages: [...profile.languages],
      });
    }
    for (const contract of DEMO_CONTRACTS) {
      await this.contracts.create(lead, organisations.get(contract.provider)!, {
        number: contract.number,
        validFrom: '2026-01-01',
        validUntil: '2027-12-31',
        services: [...contract.services],
        capacity: contract.capacity,
        // Billing terms (ADR 0023): a flat rate per active case-month, one per initial assessment.
        billingTerms: [
          { unit: BillingUnit.ActiveCaseMonth, priceCents: 45000 },
          { unit: BillingUnit.InitialAssessment, priceCents: 30000 },
        ],
      });
    }
    // The partner clinic's agreement: five places for the jobcenter's clients (ADR 0022).
    await this.partners.createAgreement(lead, {
      partnerId: organisations.get(DEMO_PARTNER)!,
      category: DataCategory.MentalHealth,
      reservedPlaces: 5,
      validFrom: '2026-01-01',
    });
    const provider = organisations.get(DEMO_CONTRACTS[0].provider)!;
    const jobcenter = caseworker.organisationId;
    const providerAuditor = await this.actor(
      DEMO_USERS.find(
        (u) => u.role === Role.Auditor && u.organisation === DEMO_CONTRACTS[0].provider,
      )!.email,
    );
    const draftTemplate = await this.templates.create(providerAuditor, DEMO_CONSENT_TEMPLATE);
    const template = await this.templates.approve(providerAuditor, draftTemplate.id);
    for (const demo of DEMO_CASES) {
      const client = await this.clients.create(caseworker, demo.client);
      let { referral } = await this.referrals.create(caseworker, {
        clientId: client.id,
        providerId: provider,
        reasonCategory: demo.reason,
        requestedServices: [ServiceKind.OutreachHomeVisits],
      });
      const reach = STAGES.indexOf(demo.stage);
      const step = async (actor: UserActor, action: ReferralAction, input = {}) => {
        const done = await this.referrals.act(actor, referral.id, referral.version, action, input);
        referral = done.referral;
      };
      if (reach >= 1) await step(caseworker, ReferralAction.Send);
      if (reach >= 2) {
        await step(providerLead, ReferralAction.Accept, { assignedWorkerId: worker.userId });
        await this.contact(worker, referral, false);
      }
      if (demo.stage === 'in_progress') {
        await this.contact(worker, referral, true);
        await step(worker, ReferralAction.Start);
        // This client released participation and goals to the jobcenter: its view shows them.
        await this.consents.record(worker, client.id, {
          referralId: referral.id,
          templateId: template.id,
          grants: [DataCategory.Participation, DataCategory.Goals].map((category) => ({
            category,
            recipientOrganisationId: jobcenter,
          })),
          evidence: { form: ConsentEvidenceForm.Written, givenOn: todayInGermany() },
        });
      }
      if (demo.stage === 'ended') {
        await step(worker, ReferralAction.End, { reason: EndReason.ClientUnreachable });
      }
    }
  }

  private async contact(worker: UserActor, referral: Referral, reached: boolean): Promise<void> {
    await this.activities.create(worker, referral.id, {
      kind: reached ? ActivityKind.HomeVisit : ActivityKind.ContactAttempt,
      occurredAt: new Date(Date.now() - (reached ? 1 : 2) * 86_400_000).toISOString(),
      reached,
      note: reached
        ? 'Gespräch an der Wohnungstür, Termin vereinbart.'
        : 'Niemand geöffnet, Karte eingeworfen.',
    });
  }

  /** A demo user as the actor of a seeding step (no session: services do not need one). */
  private async actor(email: string): Promise<UserActor> {
    const user = await this.users.findByEmail(email);
    if (!user?.organisation) throw new Error(`Demo user ${email} is missing`);
    return {
      kind: 'user',
      userId: user.id,
      sessionId: randomUUID(),
      organisationId: user.organisationId,
      organisationKind: user.organisation.kind,
      roles: user.roles,
      permissions: permissionsOfRoles(user.roles),
      requestId: 'demo-seed',
    };
  }
}
