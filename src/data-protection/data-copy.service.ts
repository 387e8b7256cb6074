import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { ClientDisclosuresService } from '../audit/client-disclosures.service';
import { OrganisationKind } from '../common/organisation-kind';
import { ResourceNotFound } from '../common/problem/domain-error';
import { CaseAccess } from '../confidentiality/case-access.service';
import { isDataProtectionOfficerOf } from '../confidentiality/restriction';
import type { DataCopy, ProviderDataCopy, Row } from './data-copy';
import { DataCopyRepository } from './data-copy.repository';

/** Disclosure record entries per page read for the copy. */
const DISCLOSURE_PAGE = 100;

/**
 * The Art. 15 copy for one client (ADR 0020), produced by the owning jobcenter's auditor (data
 * protection officer), also under restriction: every row Lotse holds about the client and the
 * disclosure record. Audited as `client.data_copy` (ids only).
 */
@Injectable()
export class DataCopyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly copies: DataCopyRepository,
    private readonly disclosures: ClientDisclosuresService,
    private readonly audit: AuditService,
    private readonly access: CaseAccess,
  ) {}

  async copy(actor: Actor, clientId: string): Promise<DataCopy> {
    const held = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [owner] = await manager.query<{ jobcenterId: string }[]>(
        'SELECT jobcenter_id AS "jobcenterId" FROM clients WHERE id = $1',
        [clientId],
      );
      if (!owner || !isDataProtectionOfficerOf(actor, owner.jobcenterId)) {
        throw new ResourceNotFound('client');
      }
      const rows = await this.copies.read(manager, clientId, owner.jobcenterId);
      await this.recordCopy(manager, actor, clientId);
      return rows;
    });
    return {
      ...held,
      disclosures: await this.disclosureRecord(actor, clientId),
      createdAt: new Date(),
    };
  }

  /**
   * The provider's part of the Art. 15 copy (ADR 0020), produced by the provider's auditor (its
   * data protection officer) for a client of whom a referral was sent to the provider: what the
   * provider itself holds (`DataCopyRepository.readProvider`) and the disclosures it was a party
   * to. Nothing of another organisation. Refused while the client's processing is restricted
   * (only the owning jobcenter's auditor reads then). Audited as `client.data_copy`.
   */
  async providerCopy(actor: Actor, clientId: string): Promise<ProviderDataCopy> {
    const held = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const provider = actor.organisationKind === OrganisationKind.Provider;
      if (
        !provider ||
        !(await this.access.wasReferredTo(manager, actor.organisationId, clientId))
      ) {
        throw new ResourceNotFound('client');
      }
      await this.access.refuseIfRestricted(manager, actor, clientId, 'client');
      const rows = await this.copies.readProvider(manager, clientId, actor.organisationId);
      await this.recordCopy(manager, actor, clientId, { part: 'provider' });
      return rows;
    });
    return {
      ...held,
      disclosures: await this.disclosureRecord(actor, clientId),
      createdAt: new Date(),
    };
  }

  /** The audit event `client.data_copy` (ids only), in the copy's transaction. */
  private recordCopy(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    details?: { part: 'provider' },
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action: AuditAction.ClientDataCopy,
      outcome: 'success',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      ...(details ? { details } : {}),
    });
  }

  /** The part of the client's disclosure record the actor reads, every page. */
  private async disclosureRecord(actor: Actor, clientId: string): Promise<Row[]> {
    const disclosures: Row[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.disclosures.list(actor, clientId, {
        limit: DISCLOSURE_PAGE,
        cursor,
      });
      disclosures.push(...page.items.map((item) => ({ ...item })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return disclosures;
  }
}
