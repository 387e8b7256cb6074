import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { DisclosureAudit } from '../audit/disclosure-audit.service';
import { todayInGermany } from '../common/calendar';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { OrganisationKind } from '../common/organisation-kind';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import type { Page } from '../common/pagination/page';
import { ACTIVE_STATES } from '../common/referral-states';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { referralScopeOf } from '../confidentiality/case-access';
import { CaseAccess } from '../confidentiality/case-access.service';
import { findClientIdentity, type ClientIdentityRow } from '../clients/clients.sql';
import { EventSubject, EventType } from '../events/event-types';
import { Outbox } from '../events/outbox.service';
import { findOrganisations } from '../identity/identity.sql';
import { findReferralForOnward } from '../referrals/referrals.sql';
import type { CreatePartnerAgreementDto } from './dto/partner-agreement.dto';
import { IDENTITY_STATES, OnwardReferralState, UptakeOutcome } from './onward-referral-state';
import {
  OnwardReferralNotConsented,
  OnwardReferralStateConflict,
  PartnerAgreementExists,
  PartnerCapacityExhausted,
} from './partners-errors';
import {
  PartnersRepository,
  type AgreementScope,
  type OnwardReferralRow,
  type PartnerAgreementRow,
} from './partners.repository';

/** An onward referral as one organisation may see it (ADR 0022). */
export type OnwardReferralView =
  | { as: 'party'; row: OnwardReferralRow; client: ClientIdentityRow | null; partner: boolean }
  | { as: 'jobcenter'; row: OnwardReferralRow };

const AGREEMENTS = 'partner-agreements';
const ONWARD = 'onward-referrals';

function pageOf<T extends { id: string }>(rows: T[], limit: number, list: string): Page<T> {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor(list, [items[items.length - 1].id]) : null,
  };
}

function afterOf(list: string, cursor: string | undefined): string | undefined {
  return cursor ? String(decodeCursor(list, cursor, 1)[0]) : undefined;
}

/** The provider and the partner read onward referrals whole; the jobcenter only as released. */
function isParty(actor: Actor): boolean {
  return (
    actor.organisationKind === OrganisationKind.Provider ||
    actor.organisationKind === OrganisationKind.Partner
  );
}

/** Events of an onward referral go to its provider and its partner, never to the jobcenter. */
function partiesOf(row: { providerId: string; partnerId: string }): string[] {
  return [row.providerId, row.partnerId];
}

/**
 * Partner organisations and onward referrals (ADR 0022). Who sees which onward referral is case
 * access's rule (`onwardReferralVisible`): the partner while the client's consent to it holds,
 * the referring provider those of its referrals, the jobcenter only as released to it.
 */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PartnersRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureAudit,
    private readonly outbox: Outbox,
  ) {}

  /** A jobcenter its own agreements, a partner its own, a provider every valid one. */
  async listAgreements(
    actor: Actor,
    page: { limit: number; cursor?: string },
  ): Promise<Page<PartnerAgreementRow>> {
    const scope: AgreementScope | null =
      actor.organisationKind === OrganisationKind.Jobcenter
        ? { jobcenterId: actor.organisationId }
        : actor.organisationKind === OrganisationKind.Partner
          ? { partnerId: actor.organisationId }
          : actor.organisationKind === OrganisationKind.Provider
            ? { validOn: todayInGermany() }
            : null;
    if (!scope) return { items: [], nextCursor: null };
    const rows = await this.repository.listAgreements(this.dataSource.manager, scope, {
      limit: page.limit,
      after: afterOf(AGREEMENTS, page.cursor),
    });
    return pageOf(rows, page.limit, AGREEMENTS);
  }

  /** An agreement of the caller's jobcenter with an active partner organisation. */
  async createAgreement(
    actor: Actor,
    dto: CreatePartnerAgreementDto,
  ): Promise<PartnerAgreementRow> {
    if (actor.organisationKind !== OrganisationKind.Jobcenter) {
      throw new ResourceNotFound('partner');
    }
    if (dto.validUntil != null && dto.validUntil < dto.validFrom) {
      throw new RequestValidationError([
        { field: 'validUntil', messages: ['validUntil must not be before validFrom'] },
      ]);
    }
    return this.dataSource
      .transaction(async (manager) => {
        const [partner] = await findOrganisations(manager, [dto.partnerId]);
        if (!partner || !partner.active || partner.kind !== OrganisationKind.Partner) {
          throw new ResourceNotFound('partner');
        }
        const id = await this.repository.insertAgreement(manager, {
          jobcenterId: actor.organisationId,
          partnerId: dto.partnerId,
          category: dto.category,
          reservedPlaces: dto.reservedPlaces,
          validFrom: dto.validFrom,
          validUntil: dto.validUntil ?? null,
        });
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.PartnerAgreementCreate,
          outcome: 'success',
          resourceType: 'partner_agreement',
          resourceId: id,
          details: { partnerId: dto.partnerId, reservedPlaces: dto.reservedPlaces },
        });
        return (await this.repository.findAgreement(manager, id))!;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'partner_agreements_jobcenter_id_partner_id_key')
          ? new PartnerAgreementExists()
          : error;
      });
  }

  /**
   * The provider refers the referral's client onward to the partner: the referral open and in
   * its scope (a worker: assigned to them), an agreement of the partner with the referral's
   * jobcenter valid today with a free place (the agreement row locked while counting), and the
   * client's consent for this referral, released by the provider, granting the partner the
   * agreement's category.
   */
  async refer(
    actor: UserActor,
    referralId: string,
    partnerId: string,
  ): Promise<OnwardReferralView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const referral = await findReferralForOnward(manager, referralId, referralScopeOf(actor));
      if (!referral || !ACTIVE_STATES.includes(referral.state)) {
        throw new ResourceNotFound('referral');
      }
      await this.access.refuseIfRestricted(manager, actor, referral.clientId, 'referral');
      const [partner] = await findOrganisations(manager, [partnerId]);
      if (!partner || !partner.active || partner.kind !== OrganisationKind.Partner) {
        throw new ResourceNotFound('partner');
      }
      const agreement = await this.repository.lockValidAgreement(
        manager,
        referral.jobcenterId,
        partnerId,
      );
      if (!agreement) throw new ResourceNotFound('partner');
      const released = await this.access.readable(manager, {
        readerOrganisationId: partnerId,
        authorOrganisationId: referral.providerId,
        clientId: referral.clientId,
        referralId: referral.id,
      });
      if (!released.has(agreement.category)) {
        throw new OnwardReferralNotConsented(agreement.category);
      }
      if (await this.repository.openExists(manager, referral.id, partnerId)) {
        throw new OnwardReferralStateConflict(
          'An onward referral of this referral to this partner is already asked or accepted.',
        );
      }
      if ((await this.repository.placesTaken(manager, agreement.id)) >= agreement.reservedPlaces) {
        throw new PartnerCapacityExhausted();
      }
      const created = await this.repository.insertOnward(manager, {
        referralId: referral.id,
        clientId: referral.clientId,
        jobcenterId: referral.jobcenterId,
        providerId: referral.providerId,
        partnerId,
        agreementId: agreement.id,
        category: agreement.category,
        createdBy: actor.userId,
      });
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.OnwardReferralCreate,
        outcome: 'success',
        resourceType: 'onward_referral',
        resourceId: created,
        clientId: referral.clientId,
        categories: [agreement.category],
        details: { referralId: referral.id, partnerId, agreementId: agreement.id },
      });
      await this.outbox.enqueue(manager, {
        type: EventType.OnwardReferralRequested,
        recipients: partiesOf({ providerId: referral.providerId, partnerId }),
        subject: { type: EventSubject.OnwardReferral, id: created },
        referralId: null,
      });
      return created;
    });
    return this.get(actor, id);
  }

  /** The onward referrals of one referral the caller sees (404 for a referral out of scope). */
  async listOfReferral(
    actor: Actor,
    referralId: string,
    page: { limit: number; cursor?: string },
    as: 'provider' | 'jobcenter',
  ): Promise<Page<OnwardReferralView>> {
    const kind = as === 'provider' ? OrganisationKind.Provider : OrganisationKind.Jobcenter;
    const scope = referralScopeOf(actor); // 404 for anybody but a jobcenter or provider
    return this.dataSource.transaction(async (manager) => {
      const referral = await findReferralForOnward(manager, referralId, scope);
      if (!referral) throw new ResourceNotFound('referral');
      // A party to the referral is told of its client's restriction (ADR 0020) before being
      // sent to its own view of the onward referrals.
      await this.access.refuseIfRestricted(manager, actor, referral.clientId, 'referral');
      if (actor.organisationKind !== kind) throw new ResourceNotFound('referral');
      return this.pageFor(manager, actor, { referralId, ...page });
    });
  }

  /** Every onward referral the caller sees: a partner's or a provider's (a jobcenter: none). */
  async list(
    actor: Actor,
    page: { limit: number; cursor?: string },
  ): Promise<Page<OnwardReferralView>> {
    if (!isParty(actor)) return { items: [], nextCursor: null };
    return this.dataSource.transaction((manager) => this.pageFor(manager, actor, page));
  }

  /** One onward referral of the caller's provider or partner (a jobcenter reads the released list). */
  async get(actor: Actor, id: string): Promise<OnwardReferralView> {
    if (!isParty(actor)) throw new ResourceNotFound('onward referral');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findVisible(manager, actor, id);
      if (!row) throw new ResourceNotFound('onward referral');
      await this.access.refuseIfRestricted(manager, actor, row.clientId, 'onward referral');
      const [view] = await this.viewsFor(manager, actor, [row]);
      return view;
    });
  }

  /** The partner accepts or declines an onward referral asked of it. */
  decide(actor: Actor, id: string, accept: boolean): Promise<OnwardReferralView> {
    return this.change(actor, id, {
      from: OnwardReferralState.Requested,
      to: accept ? OnwardReferralState.Accepted : OnwardReferralState.Declined,
      action: accept ? AuditAction.OnwardReferralAccept : AuditAction.OnwardReferralDecline,
      event: accept ? EventType.OnwardReferralAccepted : EventType.OnwardReferralDeclined,
    });
  }

  /** The partner records whether the client arrived, once, after accepting. */
  recordUptake(actor: Actor, id: string, outcome: UptakeOutcome): Promise<OnwardReferralView> {
    return this.change(actor, id, {
      from: OnwardReferralState.Accepted,
      to:
        outcome === UptakeOutcome.TookUp
          ? OnwardReferralState.TookUp
          : OnwardReferralState.DidNotTakeUp,
      action: AuditAction.OnwardReferralRecordUptake,
      event: EventType.OnwardReferralUptakeRecorded,
    });
  }

  private async change(
    actor: Actor,
    id: string,
    step: {
      from: OnwardReferralState;
      to: OnwardReferralState;
      action: AuditAction;
      event: EventType;
    },
  ): Promise<OnwardReferralView> {
    if (actor.organisationKind !== OrganisationKind.Partner) {
      throw new ResourceNotFound('onward referral');
    }
    await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findVisible(manager, actor, id, true);
      if (!row) throw new ResourceNotFound('onward referral');
      await this.access.refuseIfRestricted(manager, actor, row.clientId, 'onward referral');
      if (
        row.state !== step.from ||
        !(await this.repository.transition(manager, id, step.from, step.to))
      ) {
        throw new OnwardReferralStateConflict(
          `The onward referral is ${row.state}; this needs it ${step.from}.`,
        );
      }
      const identified = IDENTITY_STATES.includes(step.to);
      await this.audit.recordBy(manager, actor, {
        action: step.action,
        outcome: 'success',
        resourceType: 'onward_referral',
        resourceId: id,
        // The partner is told who the client is only from acceptance on (like a provider).
        ...(identified ? { clientId: row.clientId } : {}),
        details: { state: step.to },
      });
      await this.outbox.enqueue(manager, {
        type: step.event,
        recipients: partiesOf(row),
        subject: { type: EventSubject.OnwardReferral, id },
        referralId: null,
      });
    });
    return this.get(actor, id);
  }

  private async pageFor(
    manager: EntityManager,
    actor: Actor,
    filter: { referralId?: string; limit: number; cursor?: string },
  ): Promise<Page<OnwardReferralView>> {
    const rows = await this.repository.listVisible(manager, actor, {
      referralId: filter.referralId,
      limit: filter.limit,
      after: afterOf(ONWARD, filter.cursor),
    });
    const page = pageOf(rows, filter.limit, ONWARD);
    return { items: await this.viewsFor(manager, actor, page.items), nextCursor: page.nextCursor };
  }

  /**
   * The views of visible rows: the jobcenter's only the released fact (and its read is a
   * disclosure of the provider's content, recorded per referral); the partner's with the
   * client's identity once it accepted; the provider's with its own referral and client.
   */
  private async viewsFor(
    manager: EntityManager,
    actor: Actor,
    rows: OnwardReferralRow[],
  ): Promise<OnwardReferralView[]> {
    if (actor.organisationKind === OrganisationKind.Jobcenter) {
      const byReferral = new Map<string, OnwardReferralRow[]>();
      for (const row of rows)
        byReferral.set(row.referralId, [...(byReferral.get(row.referralId) ?? []), row]);
      for (const [referralId, of] of byReferral) {
        await this.disclosures.caseContent(
          manager,
          actor,
          { id: referralId, clientId: of[0].clientId, providerId: of[0].providerId },
          [...new Set(of.map((r) => r.category))],
          { onwardReferrals: of.length },
        );
      }
      return rows.map((row) => ({ as: 'jobcenter', row }));
    }
    const partner = actor.organisationKind === OrganisationKind.Partner;
    const views: OnwardReferralView[] = [];
    for (const row of rows) {
      const identified = !partner || IDENTITY_STATES.includes(row.state);
      const client = identified
        ? ((await findClientIdentity(manager, row.clientId)) ?? null)
        : null;
      if (partner && client) {
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.OnwardReferralClientShown,
          outcome: 'success',
          resourceType: 'onward_referral',
          resourceId: row.id,
          clientId: row.clientId,
          details: { providerId: row.providerId },
        });
      }
      views.push({ as: 'party', row, client, partner });
    }
    return views;
  }
}
