import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { ApprovalRequest, ApprovalState, ApprovalStatus } from './approval-request.entity';

/** Whose requests a reader sees: all (an admin), or one organisation's (its lead). */
export type ApprovalScope = { kind: 'all' } | { kind: 'organisation'; id: string };

export interface ApprovalFilter {
  organisationId?: string;
  /** `expired` is a pending request past its expiry; `pending` excludes those. */
  status?: ApprovalState;
}

@Injectable()
export class ApprovalRequestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(manager: EntityManager, request: Partial<ApprovalRequest>): Promise<ApprovalRequest> {
    return manager.save(
      ApprovalRequest,
      manager.create(ApprovalRequest, {
        ...request,
        status: ApprovalStatus.Pending,
        openRank: 1,
      }),
    );
  }

  /** The request if it is in `scope`; `lock` takes its row for a decision. */
  findInScope(
    id: string,
    scope: ApprovalScope,
    lock?: EntityManager,
  ): Promise<ApprovalRequest | null> {
    const qb = (lock ?? this.dataSource.manager)
      .createQueryBuilder(ApprovalRequest, 'r')
      .where('r.id = :id', { id });
    if (scope.kind === 'organisation')
      qb.andWhere('r.organisation_id = :scopeId', { scopeId: scope.id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Closes a pending request; the caller holds its row lock. */
  async close(
    manager: EntityManager,
    id: string,
    decision: {
      status: Exclude<ApprovalStatus, ApprovalStatus.Pending>;
      decidedBy: string;
      resultId?: string | null;
    },
  ): Promise<ApprovalRequest> {
    await manager
      .createQueryBuilder()
      .update(ApprovalRequest)
      .set({
        status: decision.status,
        openRank: 0,
        decidedBy: decision.decidedBy,
        decidedAt: () => 'now()',
        resultId: decision.resultId ?? null,
        version: () => 'version + 1',
      })
      .where('id = :id', { id })
      .execute();
    return manager.findOneByOrFail(ApprovalRequest, { id });
  }

  /** Pending requests first, each group newest first. */
  list(
    scope: ApprovalScope,
    filter: ApprovalFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ApprovalRequest>> {
    const qb = this.dataSource.manager.createQueryBuilder(ApprovalRequest, 'r');
    if (scope.kind === 'organisation')
      qb.andWhere('r.organisation_id = :scopeId', { scopeId: scope.id });
    if (filter.organisationId) {
      qb.andWhere('r.organisation_id = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.status === ApprovalState.Expired) {
      qb.andWhere("r.status = 'pending' AND r.expires_at <= now()");
    } else if (filter.status === ApprovalState.Pending) {
      qb.andWhere("r.status = 'pending' AND r.expires_at > now()");
    } else if (filter.status) {
      qb.andWhere('r.status = :status', { status: filter.status });
    }
    return fetchKeysetPage(
      qb,
      {
        list: 'approval-requests',
        keys: [
          { column: 'r.open_rank', value: (r) => r.openRank },
          { column: 'r.created_at', value: (r) => r.createdAt.toISOString() },
          { column: 'r.id', value: (r) => r.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }
}
