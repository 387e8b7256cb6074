import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { ClientDisclosuresService } from '../audit/client-disclosures.service';
import { ResourceNotFound } from '../common/problem/domain-error';
import { isDataProtectionOfficerOf } from '../confidentiality/restriction';
import type { DataCopy, Row } from './data-copy';
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
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ClientDataCopy,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
      });
      return rows;
    });
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
    return { ...held, disclosures, createdAt: new Date() };
  }
}
