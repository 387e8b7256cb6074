import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { todayInGermany } from '../common/calendar';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import type { DataCategory } from '../confidentiality/data-category';
import { DisclosurePolicy, type EffectiveGrant } from '../confidentiality/disclosure-policy';
import { isUniqueViolation } from '../database/postgres-errors';
import { OrganisationKind } from '../identity/organisation.entity';
import {
  AlreadyRevoked,
  ConsentChanged,
  ConsentSuperseded,
  GrantsNotInConsent,
  OutsideTemplate,
  RecipientNotAllowed,
  TemplateNotApproved,
} from './consent-errors';
import { renderConsentReceipt } from './consent-receipt';
import type { ConsentRecord } from './consent-record.entity';
import { consentStatusOf, type ConsentStatus } from './consent-status';
import { ConsentTemplateRepository } from './consent-template.repository';
import {
  ConsentRepository,
  type ConsentGrantRow,
  type ConsentRecordRow,
  type ExpiringScope,
} from './consent.repository';
import type { RecordConsentDto } from './dto/record-consent.dto';
import type { RevokeConsentDto } from './dto/revoke-consent.dto';

/** The indexes that keep one linear chain per client, releasing organisation and referral. */
const CHAIN_KEYS = ['consent_records_supersedes_id_key', 'consent_records_first_key'];

/** A record as one organisation sees it: the releasing one all grants, a recipient its own. */
export interface ConsentView {
  record: ConsentRecordRow;
  grants: ConsentGrantRow[];
  status: ConsentStatus;
  viewerOrganisationId: string;
}

export interface EffectiveConsent {
  nothingReleased: boolean;
  grants: (EffectiveGrant & { recipientName: string; releasingName: string })[];
}

export interface ExpiringConsent {
  record: ConsentRecord;
  categories: DataCategory[];
}

function invalid(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field, messages: [message] }]);
}

/** What `viewer` may see of an effective grant or a record: its own releases, releases to it. */
function concerns(
  viewerOrganisationId: string,
  g: { releasingOrganisationId: string; recipientOrganisationId: string },
): boolean {
  return (
    g.releasingOrganisationId === viewerOrganisationId ||
    g.recipientOrganisationId === viewerOrganisationId
  );
}

/** The validity period of a new record, checked against the day it was given. */
function validityOf(dto: RecordConsentDto): { validFrom: Date | null; validUntil: Date | null } {
  if (dto.evidence.givenOn > todayInGermany()) {
    throw invalid('evidence.givenOn', 'evidence.givenOn must not be in the future');
  }
  const validFrom = dto.validFrom ? new Date(dto.validFrom) : null;
  if (validFrom && todayInGermany(validFrom) < dto.evidence.givenOn) {
    throw invalid('validFrom', 'validFrom must not be before the day the consent was given');
  }
  const validUntil = dto.validUntil ? new Date(dto.validUntil) : null;
  const start = Math.max(validFrom?.getTime() ?? 0, Date.now());
  if (validUntil && validUntil.getTime() <= start) {
    throw invalid('validUntil', 'validUntil must be after validFrom and in the future');
  }
  return { validFrom, validUntil };
}

/**
 * Consent records (ISO/IEC TS 27560 style): recorded as given and never changed; a change of
 * mind is a new record that supersedes the current one; grants are revoked one by one. What is
 * in force is `DisclosurePolicy.effectiveGrants`, never computed here. Every read first asks
 * whether the caller may touch the client at all (`clientAccess`), and then shows only records
 * its organisation released or that grant something to it.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentRepository,
    private readonly templates: ConsentTemplateRepository,
    private readonly policy: DisclosurePolicy,
    private readonly audit: AuditService,
  ) {}

  async record(actor: UserActor, clientId: string, dto: RecordConsentDto): Promise<ConsentView> {
    const { validFrom, validUntil } = validityOf(dto);
    const releasingOrganisationId = actor.organisationId;
    const id = await this.dataSource
      .transaction(async (manager) => {
        const access = await this.policy.clientAccess(manager, actor, clientId);
        if (!access) throw new ResourceNotFound('client');
        const referral = await this.consents.findReferralOfClient(
          manager,
          clientId,
          dto.referralId,
          access.kind === 'owner'
            ? { jobcenterId: actor.organisationId }
            : { referralIds: access.referralIds },
        );
        if (!referral) throw new ResourceNotFound('referral');
        const template = await this.templates.findOwned(
          releasingOrganisationId,
          dto.templateId,
          manager,
        );
        if (!template) throw new ResourceNotFound('consent template');
        if (!template.approvedAt) throw new TemplateNotApproved();
        const categories = [...new Set(dto.grants.map((g) => g.category))];
        const outside = categories.filter((c) => !template.categories.includes(c));
        if (outside.length > 0) throw new OutsideTemplate(outside);
        await this.checkRecipients(manager, releasingOrganisationId, dto.grants);

        // The new record replaces the current one. A change that committed while this request
        // ran (seen after the referral's lock, or by the unique index) is a 409, not a silent
        // replacement of a record the caller never saw.
        const key = { clientId, releasingOrganisationId, referralId: referral.id };
        const current = await this.consents.findCurrent(manager, key);
        await this.consents.lockReferral(manager, referral.id);
        if ((await this.consents.findCurrent(manager, key)) !== current) {
          throw new ConsentChanged();
        }
        const consentId = await this.consents.insert(
          manager,
          {
            clientId,
            releasingOrganisationId,
            referralId: referral.id,
            templateId: template.id,
            validFrom,
            validUntil,
            evidenceForm: dto.evidence.form,
            givenOn: dto.evidence.givenOn,
            documentReference: dto.evidence.documentReference ?? null,
            recordedBy: actor.userId,
            supersedesId: current,
          },
          dto.grants.map((g) => ({
            category: g.category,
            recipientOrganisationId: g.recipientOrganisationId,
          })),
        );
        await this.audit.recordBy(manager, actor, {
          action: 'consent.record',
          outcome: 'success',
          resourceType: 'consent',
          resourceId: consentId,
          clientId,
          categories,
          details: {
            referralId: referral.id,
            templateId: template.id,
            supersedesId: current,
            recipientOrganisationIds: [
              ...new Set(dto.grants.map((g) => g.recipientOrganisationId)),
            ],
          },
        });
        return consentId;
      })
      .catch((error: unknown) => {
        throw CHAIN_KEYS.some((key) => isUniqueViolation(error, key))
          ? new ConsentChanged()
          : error;
      });
    return this.viewOrFail(this.dataSource.manager, actor.organisationId, id);
  }

  /** Every record of the client the caller's organisation may see, oldest first. */
  async history(actor: Actor, clientId: string): Promise<ConsentView[]> {
    const manager = this.dataSource.manager;
    await this.accessOrFail(manager, actor, clientId, 'client');
    const rows = await this.consents.listVisibleForClient(manager, actor.organisationId, clientId);
    return this.viewsOf(manager, actor.organisationId, rows);
  }

  /**
   * The grants in force now, as far as they concern the caller's organisation (released by it
   * or to it), straight from the disclosure policy.
   */
  async effective(actor: Actor, clientId: string): Promise<EffectiveConsent> {
    const manager = this.dataSource.manager;
    await this.accessOrFail(manager, actor, clientId, 'client');
    const grants = (await this.policy.effectiveGrants(manager, clientId)).filter((g) =>
      concerns(actor.organisationId, g),
    );
    const ids = grants.flatMap((g) => [g.releasingOrganisationId, g.recipientOrganisationId]);
    const names = new Map(
      (await this.consents.organisations(manager, [...new Set(ids)])).map((o) => [o.id, o.name]),
    );
    return {
      nothingReleased: grants.length === 0,
      grants: grants.map((g) => ({
        ...g,
        recipientName: names.get(g.recipientOrganisationId) ?? '',
        releasingName: names.get(g.releasingOrganisationId) ?? '',
      })),
    };
  }

  /**
   * Revokes grants on the client's behalf, from now on: the releasing organisation any of the
   * record's grants, a case manager those to their jobcenter. No reason is asked.
   */
  async revoke(actor: UserActor, id: string, dto: RevokeConsentDto): Promise<ConsentView> {
    await this.dataSource.transaction(async (manager) => {
      const record = await this.consents.findVisible(manager, actor.organisationId, id);
      if (!record) throw new ResourceNotFound('consent');
      const access = await this.policy.clientAccess(manager, actor, record.clientId);
      if (!access) throw new ResourceNotFound('consent');
      const grants = await this.consents.grantsOf(manager, [id]);
      const revocable =
        record.releasingOrganisationId === actor.organisationId
          ? grants
          : access.kind === 'owner'
            ? grants.filter((g) => g.recipientOrganisationId === actor.organisationId)
            : [];
      if (revocable.length === 0) throw new ResourceNotFound('consent');
      if (record.superseded) throw new ConsentSuperseded();
      let targets = revocable;
      if (dto.grantIds) {
        const named = new Set(dto.grantIds);
        const known = new Set(revocable.map((g) => g.id));
        const unknown = dto.grantIds.filter((g) => !known.has(g));
        if (unknown.length > 0) throw new GrantsNotInConsent(unknown);
        targets = revocable.filter((g) => named.has(g.id));
      }
      const open = targets.filter((g) => g.revokedAt === null).map((g) => g.id);
      // The conditional UPDATE decides between two revocations at once, not the read above.
      const revoked =
        open.length > 0 ? await this.consents.revoke(manager, id, open, actor.userId) : [];
      if (revoked.length === 0) throw new AlreadyRevoked();
      await this.audit.recordBy(manager, actor, {
        action: 'consent.revoke',
        outcome: 'success',
        resourceType: 'consent',
        resourceId: id,
        clientId: record.clientId,
        categories: [...new Set(revoked.map((g) => g.category))],
        details: { referralId: record.referralId, grantIds: revoked.map((g) => g.id) },
      });
    });
    return this.viewOrFail(this.dataSource.manager, actor.organisationId, id);
  }

  /** The plain-language receipt of one record, as the caller's organisation may see it. */
  async receipt(actor: Actor, id: string): Promise<string> {
    const manager = this.dataSource.manager;
    const view = await this.visibleOrFail(manager, actor, id);
    const purpose = await this.consents.referralPurpose(manager, view.record.referralId);
    if (!purpose) throw new ResourceNotFound('consent');
    const { record } = view;
    return renderConsentReceipt(
      {
        consentId: record.id,
        releasingName: record.releasingName,
        purpose,
        grants: view.grants.map((g) => ({
          category: g.category,
          recipientName: g.recipientName,
          recipientKind: g.recipientKind,
          revokedAt: g.revokedAt,
        })),
        validFrom: record.validFrom,
        validUntil: record.validUntil,
        status: view.status,
        evidence: {
          form: record.evidenceForm,
          givenOn: record.givenOn,
          documentReference:
            record.releasingOrganisationId === actor.organisationId
              ? record.documentReference
              : null,
        },
        template: {
          title: record.templateTitle,
          key: record.templateKey,
          version: record.templateVersion,
        },
        recordedAt: record.recordedAt,
      },
      new Date(),
    );
  }

  /**
   * The worklist of consents the caller's organisation released that run out within the days
   * and are still in force. A provider lists only clients it works an open referral of (a
   * worker: their own), as those are the consents it can renew.
   */
  async expiring(
    actor: Actor,
    withinDays: number,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ExpiringConsent>> {
    let scope: ExpiringScope;
    if (actor.organisationKind === OrganisationKind.Jobcenter) {
      scope = { releasingOrganisationId: actor.organisationId };
    } else if (actor.organisationKind === OrganisationKind.Provider) {
      const worker = actor.kind === 'user' && !actor.roles.includes(Role.ProviderLead);
      scope = {
        releasingOrganisationId: actor.organisationId,
        provider: { workerId: worker && actor.kind === 'user' ? actor.userId : null },
      };
    } else {
      return { items: [], nextCursor: null };
    }
    const records = await this.consents.listExpiring(scope, withinDays, page);
    const grants = await this.consents.grantsInForce(
      this.dataSource.manager,
      records.items.map((r) => r.id),
    );
    return {
      items: records.items.map((record) => ({
        record,
        categories: [
          ...new Set(grants.filter((g) => g.consentId === record.id).map((g) => g.category)),
        ],
      })),
      nextCursor: records.nextCursor,
    };
  }

  private async accessOrFail(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    resource: string,
  ): Promise<void> {
    if (!(await this.policy.clientAccess(manager, actor, clientId))) {
      throw new ResourceNotFound(resource);
    }
  }

  /** The record if the caller may touch its client and its organisation may see it. */
  private async visibleOrFail(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ConsentView> {
    const record = await this.consents.findVisible(manager, actor.organisationId, id);
    if (!record) throw new ResourceNotFound('consent');
    await this.accessOrFail(manager, actor, record.clientId, 'consent');
    const [view] = await this.viewsOf(manager, actor.organisationId, [record]);
    return view;
  }

  private async viewOrFail(
    manager: EntityManager,
    viewerOrganisationId: string,
    id: string,
  ): Promise<ConsentView> {
    const record = await this.consents.findVisible(manager, viewerOrganisationId, id);
    if (!record) throw new ResourceNotFound('consent');
    const [view] = await this.viewsOf(manager, viewerOrganisationId, [record]);
    return view;
  }

  private async viewsOf(
    manager: EntityManager,
    viewerOrganisationId: string,
    records: ConsentRecordRow[],
  ): Promise<ConsentView[]> {
    const grants = await this.consents.grantsOf(
      manager,
      records.map((r) => r.id),
    );
    return records.map((record) => {
      const all = grants.filter((g) => g.consentId === record.id);
      return {
        record,
        grants:
          record.releasingOrganisationId === viewerOrganisationId
            ? all
            : all.filter((g) => g.recipientOrganisationId === viewerOrganisationId),
        status: consentStatusOf({
          grants: all,
          superseded: record.superseded,
          expired: record.expired,
        }),
        viewerOrganisationId,
      };
    });
  }

  private async checkRecipients(
    manager: EntityManager,
    releasingOrganisationId: string,
    grants: { recipientOrganisationId: string }[],
  ): Promise<void> {
    const ids = [...new Set(grants.map((g) => g.recipientOrganisationId))];
    const found = new Map((await this.consents.organisations(manager, ids)).map((o) => [o.id, o]));
    const refused = ids.filter((id) => {
      const o = found.get(id);
      return (
        !o || !o.active || o.id === releasingOrganisationId || o.kind === OrganisationKind.Operator
      );
    });
    if (refused.length > 0) throw new RecipientNotAllowed(refused);
  }
}
