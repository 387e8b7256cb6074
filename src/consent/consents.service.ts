import { Outbox } from '../events/outbox.service';
import { ANNOUNCE_LOCK_SQL, eventAnnounced } from '../events/events.sql';
import { enumLiteral, paramsAdder } from '../common/sql/sql';
import { EventInstruction, EventSubject, EventType } from '../events/event-types';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { todayInGermany } from '../common/calendar';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import type { DataCategory } from '../confidentiality/data-category';
import { assignedWorkerOf } from '../confidentiality/case-access';
import { CaseAccess, type EffectiveGrant } from '../confidentiality/case-access.service';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { OrganisationKind } from '../common/organisation-kind';
import { findOrganisations, joinOrganisation } from '../identity/identity.sql';
import {
  findReferralOfClient,
  findReferralPurpose,
  lockReferral,
} from '../referrals/referrals.sql';
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
import type { RevokeClientConsentsDto, RevokeConsentDto } from './dto/revoke-consent.dto';

/** The indexes that keep one linear chain per client, releasing organisation and referral. */
const CHAIN_KEYS = ['consent_records_supersedes_id_key', 'consent_records_first_key'];

/**
 * A record as one organisation sees it: the releasing one all grants, a recipient only its own,
 * with the status computed from those (DESIGN "Consent": a recipient learns nothing beyond its
 * own grants).
 */
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

/** Of a record the viewer may read, the grants it sees: all if it released it, else its own. */
function grantsSeenBy(viewerOrganisationId: string, record: ConsentRecordRow) {
  return <G extends { recipientOrganisationId: string }>(grants: G[]): G[] =>
    record.releasingOrganisationId === viewerOrganisationId
      ? grants
      : grants.filter((g) => g.recipientOrganisationId === viewerOrganisationId);
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
 * in force is `CaseAccess.effectiveGrants`, never computed here, and which records a caller
 * may read or revoke in is case access's rule (docs/architecture/0009): its own releases for
 * as long as they exist, records granting something to it while it may touch the client, and
 * for the client's jobcenter a revocation in any record about its client.
 */
/** A consent is announced as expiring this many days before its end (ADR 0019). */
export const EXPIRING_SOON_DAYS = 14;
/** An expiry is announced if the job sees it within this many days (less than the retention). */
const EXPIRED_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;

@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consents: ConsentRepository,
    private readonly templates: ConsentTemplateRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Announces consents whose validity ends within `EXPIRING_SOON_DAYS` (`consent.expiring_soon`)
   * or ended in the last `EXPIRED_LOOKBACK_DAYS` (`consent.expired`), once each, to the
   * releasing organisation and the recipients of grants still in force (a job, ADR 0019). Only
   * records in force (not replaced). Returns how many records were announced.
   */
  async announceExpiry(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(ANNOUNCE_LOCK_SQL);
      let announced = 0;
      for (const [type, from, until] of [
        [EventType.ConsentExpiringSoon, now, new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS)],
        [EventType.ConsentExpired, new Date(now.getTime() - EXPIRED_LOOKBACK_DAYS * DAY_MS), now],
      ] as const) {
        const params: unknown[] = [from, until];
        const add = paramsAdder(params);
        const rows = await manager.query<
          { id: string; referralId: string; recipients: string[]; partners: string[] }[]
        >(
          `SELECT r.id, r.referral_id AS "referralId",
                  array_append(array(SELECT DISTINCT g.recipient_organisation_id
                                       FROM consent_grants g
                                       ${joinOrganisation('o', 'g.recipient_organisation_id')}
                                      WHERE g.consent_id = r.id AND g.revoked_at IS NULL
                                        AND o.kind <> ${enumLiteral(OrganisationKind.Partner)}),
                               r.releasing_organisation_id) AS recipients,
                  array(SELECT DISTINCT g.recipient_organisation_id
                          FROM consent_grants g
                          ${joinOrganisation('o', 'g.recipient_organisation_id')}
                         WHERE g.consent_id = r.id AND g.revoked_at IS NULL
                           AND o.kind = ${enumLiteral(OrganisationKind.Partner)}) AS partners
             FROM consent_records r
            WHERE r.valid_until > $1 AND r.valid_until <= $2
              AND NOT EXISTS (SELECT 1 FROM consent_records s WHERE s.supersedes_id = r.id)
              AND EXISTS (SELECT 1 FROM consent_grants g
                           WHERE g.consent_id = r.id AND g.revoked_at IS NULL)
              AND NOT ${eventAnnounced(type, 'r.id', add)}
            ORDER BY r.valid_until LIMIT 500`,
          params,
        );
        for (const row of rows) {
          // A partner is never told the referral an onward referral was made from (ADR 0022).
          for (const [recipients, referralId] of [
            [row.recipients, row.referralId],
            [row.partners, null],
          ] as const) {
            if (recipients.length === 0) continue;
            await this.outbox.enqueue(manager, {
              type,
              recipients,
              subject: { type: EventSubject.Consent, id: row.id },
              referralId,
              occurredAt: now,
            });
          }
        }
        announced += rows.length;
      }
      return announced;
    });
  }

  /** A `consent.revoked` (purge) per record to each recipient whose grant went (ADR 0019). */
  private async announceRevoked(
    manager: EntityManager,
    revoked: readonly { consentId: string; recipientOrganisationId: string }[],
  ): Promise<void> {
    const byConsent = new Map<string, string[]>();
    for (const g of revoked) {
      byConsent.set(g.consentId, [
        ...(byConsent.get(g.consentId) ?? []),
        g.recipientOrganisationId,
      ]);
    }
    for (const [consentId, recipients] of byConsent) {
      await this.outbox.enqueue(manager, {
        type: EventType.ConsentRevoked,
        recipients,
        subject: { type: EventSubject.Consent, id: consentId },
        instruction: EventInstruction.Purge,
      });
    }
  }

  async record(actor: UserActor, clientId: string, dto: RecordConsentDto): Promise<ConsentView> {
    const { validFrom, validUntil } = validityOf(dto);
    const releasingOrganisationId = actor.organisationId;
    const id = await this.dataSource
      .transaction(async (manager) => {
        const access = await this.access.clientAccess(manager, actor, clientId);
        if (!access) throw new ResourceNotFound('client');
        const referral = await findReferralOfClient(
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
        const partners = await this.checkRecipients(manager, releasingOrganisationId, dto.grants);

        // The new record replaces the current one. A change that committed while this request
        // ran (seen after the referral's lock, or by the unique index) is a 409, not a silent
        // replacement of a record the caller never saw.
        const key = { clientId, releasingOrganisationId, referralId: referral.id };
        const current = await this.consents.findCurrent(manager, key);
        await lockReferral(manager, referral.id);
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
          action: AuditAction.ConsentRecord,
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
        await this.outbox.enqueue(manager, {
          type: EventType.ConsentRecorded,
          // A partner organisation hears of its onward referrals only (ADR 0022), not of the
          // consent that allows one.
          recipients: dto.grants
            .map((g) => g.recipientOrganisationId)
            .filter((id) => !partners.has(id)),
          subject: { type: EventSubject.Consent, id: consentId },
          referralId: referral.id,
        });
        return consentId;
      })
      .catch((error: unknown) => {
        throw CHAIN_KEYS.some((key) => isUniqueViolation(error, key))
          ? new ConsentChanged()
          : error;
      });
    return this.viewOrFail(this.dataSource.manager, actor, id);
  }

  /** Every record of the client the caller's organisation may read, oldest first. */
  async history(actor: Actor, clientId: string): Promise<ConsentView[]> {
    const manager = this.dataSource.manager;
    await this.consentsReachableOrFail(manager, actor, clientId);
    const rows = await this.consents.listVisibleForClient(manager, actor, clientId);
    return this.viewsOf(manager, actor.organisationId, rows);
  }

  /**
   * The grants in force now that the caller may read (released by its organisation, or to it
   * while it may touch the client), each with the referral whose content it releases, straight
   * from case access.
   */
  async effective(actor: Actor, clientId: string): Promise<EffectiveConsent> {
    const manager = this.dataSource.manager;
    await this.consentsReachableOrFail(manager, actor, clientId);
    const grants = await this.access.effectiveGrants(manager, clientId, { visibleTo: actor });
    const ids = grants.flatMap((g) => [g.releasingOrganisationId, g.recipientOrganisationId]);
    const names = new Map(
      (await findOrganisations(manager, [...new Set(ids)])).map((o) => [o.id, o.name]),
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
   * Revokes grants on the client's behalf, from now on; no reason is asked. The releasing
   * organisation any of its record's grants, whatever became of the referral; the client's
   * jobcenter any grant of any record about its client (naming single grants only among those
   * it sees), without learning of the others.
   */
  async revoke(actor: UserActor, id: string, dto: RevokeConsentDto): Promise<ConsentView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const record = await this.consents.findRevocable(manager, actor, id);
      if (!record) throw new ResourceNotFound('consent');
      // Its answer shows the record, so it is refused under restriction (ADR 0020).
      await this.access.refuseIfRestricted(manager, actor, record.clientId, 'consent');
      const all = await this.consents.grantsOf(manager, [id]);
      const seen = grantsSeenBy(actor.organisationId, record)(all);
      if (record.superseded) throw new ConsentSuperseded();
      let targets = all;
      if (dto.grantIds) {
        const named = new Set(dto.grantIds);
        const known = new Set(seen.map((g) => g.id));
        const unknown = dto.grantIds.filter((g) => !known.has(g));
        if (unknown.length > 0) throw new GrantsNotInConsent(unknown);
        targets = seen.filter((g) => named.has(g.id));
      }
      const open = targets.filter((g) => g.revokedAt === null).map((g) => g.id);
      // The conditional UPDATE decides between two revocations at once, not the read above.
      const revoked =
        open.length > 0 ? await this.consents.revoke(manager, id, open, actor.userId) : [];
      if (revoked.length === 0) throw new AlreadyRevoked();
      const seenIds = new Set(seen.map((g) => g.id));
      const shown = revoked.filter((g) => seenIds.has(g.id));
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ConsentRevoke,
        outcome: 'success',
        resourceType: 'consent',
        resourceId: id,
        clientId: record.clientId,
        // Only what the actor's organisation may see of the record: a jobcenter recording the
        // client's revocation learns nothing of grants to others from its own audit trail.
        categories: [...new Set(shown.map((g) => g.category))],
        details: {
          referralId: record.referralId,
          grantIds: shown.map((g) => g.id),
          ...(shown.length < revoked.length ? { othersRevoked: true } : {}),
        },
      });
      // Each recipient whose grant went is told to drop its copies (ADR 0019).
      const revokedIds = new Set(revoked.map((g) => g.id));
      const told = all.filter((g) => revokedIds.has(g.id));
      const partner = (g: ConsentGrantRow) => g.recipientKind === OrganisationKind.Partner;
      for (const [group, referralId] of [
        [told.filter((g) => !partner(g)), record.referralId],
        // A partner is never told the referral an onward referral was made from (ADR 0022).
        [told.filter(partner), null],
      ] as const) {
        await this.outbox.enqueue(manager, {
          type: EventType.ConsentRevoked,
          recipients: group.map((g) => g.recipientOrganisationId),
          subject: { type: EventSubject.Consent, id },
          referralId,
          instruction: EventInstruction.Purge,
        });
      }
      const [after] = await this.viewsOf(manager, actor.organisationId, [record]);
      return after;
    });
    return view;
  }

  /**
   * The client takes back what it released, told to the caller: every grant in force (of the
   * categories, if given) of the records the caller may revoke in. For the client's jobcenter
   * that is every record about its client, also those that grant it nothing; the answer says
   * nothing of what there was, so that a recipient learns nothing beyond its own grants.
   */
  async revokeAllForClient(
    actor: UserActor,
    clientId: string,
    dto: RevokeClientConsentsDto,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.consentsReachableOrFail(manager, actor, clientId, 'revocation');
      const categories = dto.categories ?? null;
      const revoked = await this.consents.revokeAllAbout(
        manager,
        actor,
        clientId,
        categories,
        actor.userId,
      );
      await this.announceRevoked(manager, revoked);
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ConsentRevokeAll,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
        // What the client said, not what there was.
        categories: categories ?? [],
        details: { scope: categories ? 'categories' : 'all' },
      });
    });
  }

  /** The plain-language receipt of one record, as the caller's organisation may see it. */
  async receipt(actor: Actor, id: string): Promise<string> {
    const manager = this.dataSource.manager;
    const view = await this.viewOrFail(manager, actor, id);
    const purpose = await findReferralPurpose(manager, view.record.referralId);
    if (!purpose) throw new ResourceNotFound('consent');
    const { record } = view;
    const releasing = record.releasingOrganisationId === actor.organisationId;
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
          documentReference: releasing ? record.documentReference : null,
        },
        // Another organisation's template title can name the kind of help: the releasing
        // organisation's own; a recipient, the version that makes its grants valid.
        template: releasing
          ? {
              title: record.templateTitle,
              key: record.templateKey,
              version: record.templateVersion,
            }
          : { version: record.templateVersion, id: record.templateId },
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
      scope = {
        releasingOrganisationId: actor.organisationId,
        provider: { workerId: assignedWorkerOf(actor) },
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

  /**
   * Whether the caller may see anything of the client's consents: it may touch the client now,
   * or its organisation released a record about the client it may still read (revocation
   * stays possible after the case closed). Else the client is a missing one.
   */
  private async consentsReachableOrFail(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    purpose: 'read' | 'revocation' = 'read',
  ): Promise<void> {
    const reachable =
      (await this.access.clientAccessWhateverTheRestriction(manager, actor, clientId)) ??
      (await this.access.releasedConsentAbout(manager, actor, clientId));
    if (!reachable) throw new ResourceNotFound('client');
    // A revocation of everything answers nothing, so it stays possible under restriction
    // (Art. 7(3) GDPR); every other consent route is refused then (ADR 0020).
    if (purpose === 'read') {
      await this.access.refuseIfRestricted(manager, actor, clientId, 'client');
    }
  }

  /** The record as the caller may read it, or 404. */
  private async viewOrFail(manager: EntityManager, actor: Actor, id: string): Promise<ConsentView> {
    const record = await this.consents.findVisible(manager, actor, id);
    if (!record) throw new ResourceNotFound('consent');
    await this.access.refuseIfRestricted(manager, actor, record.clientId, 'consent');
    const [view] = await this.viewsOf(manager, actor.organisationId, [record]);
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
      const seen = grantsSeenBy(viewerOrganisationId, record)(all);
      return {
        record,
        grants: seen,
        // From the grants the viewer sees; a jobcenter that recorded the client's revocation
        // in a record granting it nothing sees none, and the record's status as a whole.
        status: consentStatusOf({
          grants: seen.length > 0 ? seen : all,
          superseded: record.superseded,
          expired: record.expired,
        }),
        viewerOrganisationId,
      };
    });
  }

  /** Refuses recipients that may not receive grants; answers which of them are partners. */
  private async checkRecipients(
    manager: EntityManager,
    releasingOrganisationId: string,
    grants: { recipientOrganisationId: string }[],
  ): Promise<Set<string>> {
    const ids = [...new Set(grants.map((g) => g.recipientOrganisationId))];
    const found = new Map((await findOrganisations(manager, ids)).map((o) => [o.id, o]));
    const refused = ids.filter((id) => {
      const o = found.get(id);
      return (
        !o || !o.active || o.id === releasingOrganisationId || o.kind === OrganisationKind.Operator
      );
    });
    if (refused.length > 0) throw new RecipientNotAllowed(refused);
    return new Set(ids.filter((id) => found.get(id)?.kind === OrganisationKind.Partner));
  }
}
