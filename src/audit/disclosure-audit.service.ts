import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditActorOf, type Actor } from '../auth/actor';
import type { DataCategory } from '../confidentiality/data-category';
import { AuditAction } from './audit-actions';
import type { AuditDetails } from './audit-event.entity';
import type { AuditInsertEntry } from './audit-insert.sql';
import { CLIENT_WITHHELD } from './audit-visibility';
import { AuditService } from './audit.service';
import { DisclosedData } from './disclosure-record';

/** The referral whose content or summary was shown: what a disclosure event names. */
export interface DisclosedReferral {
  id: string;
  clientId: string;
  /** The provider, author of the referral's case content. */
  providerId: string;
}

/**
 * Writes the disclosure events, the only writer of the catalogue's disclosure actions: the
 * client's disclosure record (Art. 15 GDPR, `disclosure-record.ts`) is read from what this
 * writes. Every module that shows a client's data to another organisation records it here.
 */
@Injectable()
export class DisclosureAudit {
  constructor(private readonly audit: AuditService) {}

  /**
   * A provider's case content of the referral shown to another organisation (the jobcenter),
   * in the reader's transaction: one event naming the categories actually shown, and small
   * counts (`{ reports: 2 }`). Nothing shown, nothing recorded.
   */
  async caseContent(
    manager: EntityManager,
    actor: Actor,
    referral: DisclosedReferral,
    categories: readonly DataCategory[],
    counts: Record<string, number> = {},
  ): Promise<void> {
    if (categories.length === 0) return;
    await this.audit.recordBy(manager, actor, {
      action: AuditAction.ContentDisclose,
      outcome: 'success',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: referral.clientId,
      categories: [...categories].sort(),
      details: { authorOrganisationId: referral.providerId, ...counts },
    });
  }

  /**
   * `caseContent` for a read that writes its event in its own statement (`auditInsertSql`,
   * docs/architecture/0024): the event's fixed part. The statement names the referral
   * (`resourceId`, `clientId`), the categories shown, sorted, and `{ authorOrganisationId,
   * ...counts }`, and writes it only when a category is shown, as `caseContent` does.
   */
  caseContentEntry(actor: Actor): AuditInsertEntry {
    return {
      ...auditActorOf(actor),
      requestId: actor.requestId,
      action: AuditAction.ContentDisclose,
      outcome: 'success',
      resourceType: 'referral',
    };
  }

  /** Counts a `caseContentEntry` event the statement wrote (its written categories, details). */
  wroteCaseContent(event: { categories: string[]; details: AuditDetails | null }): void {
    this.audit.wrote({
      action: AuditAction.ContentDisclose,
      outcome: 'success',
      categories: event.categories,
      details: event.details ?? undefined,
    });
  }

  /**
   * The jobcenter's data about the client shown to the provider, in a transaction of its own
   * (the reads it records take none). The summary is shown before the provider accepted, when
   * it is not told who the client is, so its own auditors read the event without the client's
   * id (`clientWithheld`).
   */
  clientData(
    actor: Actor,
    referral: DisclosedReferral,
    data: DisclosedData.ClientRecord | DisclosedData.ReferralSummary,
  ): Promise<void> {
    const summary = data === DisclosedData.ReferralSummary;
    return this.audit.recordAlone({
      ...auditActorOf(actor),
      requestId: actor.requestId,
      action: AuditAction.ClientDisclose,
      outcome: 'success',
      resourceType: summary ? 'referral' : 'client',
      resourceId: summary ? referral.id : referral.clientId,
      clientId: referral.clientId,
      details: { referralId: referral.id, data, ...(summary ? { [CLIENT_WITHHELD]: true } : {}) },
    });
  }
}
