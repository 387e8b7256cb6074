import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { DisclosurePolicy } from '../confidentiality/disclosure-policy';
import { OrganisationKind } from '../identity/organisation.entity';
import { AuditService } from './audit.service';
import {
  ClientDisclosuresRepository,
  type ClientRelation,
  type DisclosureFilter,
  type DisclosureRecordScope,
  type DisclosureRow,
} from './client-disclosures.repository';
import { DISCLOSURE_RECORD_READ_ACTION } from './disclosure-record';

export type DisclosureRecordQuery = DisclosureFilter & { limit: number; cursor?: string };

/**
 * A client's disclosure record (Art. 15 GDPR, § 83 SGB X): which organisation received which
 * of the client's data, when. Readers:
 *
 * - a provider working the client's case (`DisclosurePolicy.clientAccess`, a worker only on a
 *   case assigned to them), to show the client;
 * - an auditor of the client's jobcenter, of a provider that was ever sent a referral of the
 *   client, or of the operator.
 *
 * The operator's auditors see the whole record; everybody else the disclosures their
 * organisation is a party to (received, or of its own data): an organisation's answer to
 * Art. 15 covers what it disclosed and what it received, and a provider must not learn from
 * the record which other providers worked with the client. Anyone else gets 404 for the client.
 */
@Injectable()
export class ClientDisclosuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: DisclosurePolicy,
    private readonly records: ClientDisclosuresRepository,
    private readonly audit: AuditService,
  ) {}

  /** The record newest first; the read itself is audited in the same transaction. */
  list(actor: Actor, clientId: string, query: DisclosureRecordQuery): Promise<Page<DisclosureRow>> {
    const { limit, cursor, ...filter } = query;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const scope = await this.scopeOf(manager, actor, clientId);
      if (!scope) throw new ResourceNotFound('client');
      const page = await this.records.list(manager, scope, clientId, filter, { limit, cursor });
      await this.audit.recordBy(manager, actor, {
        action: DISCLOSURE_RECORD_READ_ACTION,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
        details: { scope: scope.kind, entries: page.items.length },
      });
      return page;
    });
  }

  private async scopeOf(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<DisclosureRecordScope | undefined> {
    const party: DisclosureRecordScope = { kind: 'party', organisationId: actor.organisationId };
    if (actor.kind === 'user' && actor.roles.includes(Role.Auditor)) {
      const relation = await this.records.clientRelation(manager, actor.organisationId, clientId);
      if (relation && auditorReaches(actor.organisationKind, actor.organisationId, relation)) {
        return actor.organisationKind === OrganisationKind.Operator ? { kind: 'all' } : party;
      }
    }
    const access = await this.policy.clientAccess(manager, actor, clientId);
    return access?.kind === 'provider' ? party : undefined;
  }
}

/** An auditor of the operator, of the client's jobcenter, or of a provider once referred to. */
function auditorReaches(
  kind: OrganisationKind,
  organisationId: string,
  relation: ClientRelation,
): boolean {
  switch (kind) {
    case OrganisationKind.Operator:
      return true;
    case OrganisationKind.Jobcenter:
      return relation.jobcenterId === organisationId;
    case OrganisationKind.Provider:
      return relation.referred;
  }
}
