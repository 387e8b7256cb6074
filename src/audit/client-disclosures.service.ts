import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { CaseAccess } from '../confidentiality/case-access.service';
import { AuditAction } from './audit-actions';
import { AuditService } from './audit.service';
import {
  ClientDisclosuresRepository,
  type DisclosureFilter,
  type DisclosureRow,
} from './client-disclosures.repository';

export type DisclosureRecordQuery = DisclosureFilter & { limit: number; cursor?: string };

/**
 * A client's disclosure record (Art. 15 GDPR, § 83 SGB X): which organisation received which
 * of the client's data, when. Who reads which part of it is case access's answer
 * (`CaseAccess.disclosureRecordScope`): the client's jobcenter, the controller that answers the
 * client's request, all of it; a provider the disclosures its organisation is a party to
 * (received, or of its own data), while it works the case or its consent records about the
 * client exist, and its auditors once a referral of the client was sent to it; the operator's
 * auditors all of it without the categories. Anyone else gets 404 for the client.
 */
@Injectable()
export class ClientDisclosuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly records: ClientDisclosuresRepository,
    private readonly audit: AuditService,
  ) {}

  /** The record newest first; the read itself is audited in the same transaction. */
  list(actor: Actor, clientId: string, query: DisclosureRecordQuery): Promise<Page<DisclosureRow>> {
    const { limit, cursor, ...filter } = query;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.access.disclosureRecordScope(manager, actor, clientId);
      if (!scope) throw new ResourceNotFound('client');
      const page = await this.records.list(manager, scope, clientId, filter, { limit, cursor });
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.DisclosureRecordRead,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
        details: { scope: scope.kind, entries: page.items.length },
      });
      if (scope.kind === 'all' && !scope.categories) {
        return { ...page, items: page.items.map((row) => ({ ...row, categories: [] })) };
      }
      return page;
    });
  }
}
