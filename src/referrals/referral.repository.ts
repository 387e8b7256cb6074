import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import { Activity } from './activity.entity';
import { ReferralTransition } from './referral-transition.entity';
import { Referral } from './referral.entity';
import { ACTIVE_STATES, OPEN_STATES, ReferralState } from './referral-state';

/** How long after closing a provider still sees a referral (the final report, issue 6). */
export const PROVIDER_AFTERCARE_DAYS = 30;

/**
 * Whose referrals a caller sees. A jobcenter: its own. A provider: those sent to it (never
 * drafts), until 30 days after closing; a provider worker only those assigned to them.
 */
export type ReferralScope =
  | { kind: 'jobcenter'; jobcenterId: string }
  | { kind: 'provider'; providerId: string; workerId?: string };

export interface ReferralFilter {
  state?: ReferralState;
  providerId?: string;
  caseManagerId?: string;
  clientId?: string;
  overdue?: boolean;
  updatedSince?: string;
}

const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const ACTIVE = ACTIVE_STATES.map((s) => `'${s}'`).join(', ');

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The referral with the names its views show; only the columns needed, no password hashes. */
  private withNames(manager: EntityManager): SelectQueryBuilder<Referral> {
    return manager
      .createQueryBuilder(Referral, 'r')
      .innerJoin('r.jobcenter', 'jc')
      .addSelect(['jc.id', 'jc.name'])
      .innerJoin('r.provider', 'p')
      .addSelect(['p.id', 'p.name'])
      .innerJoin('r.caseManager', 'cm')
      .addSelect(['cm.id', 'cm.displayName'])
      .leftJoin('r.assignedWorker', 'w')
      .addSelect(['w.id', 'w.displayName']);
  }

  private scoped(
    qb: SelectQueryBuilder<Referral>,
    scope: ReferralScope,
  ): SelectQueryBuilder<Referral> {
    if (scope.kind === 'jobcenter') {
      return qb.andWhere('r.jobcenter_id = :scopeJobcenter', { scopeJobcenter: scope.jobcenterId });
    }
    qb.andWhere('r.provider_id = :scopeProvider', { scopeProvider: scope.providerId })
      .andWhere(`r.state <> '${ReferralState.Draft}'`)
      .andWhere(
        `(r.closed_at IS NULL OR r.closed_at > now() - interval '${PROVIDER_AFTERCARE_DAYS} days')`,
      );
    if (scope.workerId)
      qb.andWhere('r.assigned_worker_id = :scopeWorker', { scopeWorker: scope.workerId });
    return qb;
  }

  /** The referral if the scope may see it (else null: a foreign referral is a missing one). */
  findVisible(
    scope: ReferralScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Referral | null> {
    return this.scoped(this.withNames(manager).where('r.id = :id', { id }), scope).getOne();
  }

  list(
    scope: ReferralScope,
    filter: ReferralFilter,
    today: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Referral>> {
    const qb = this.scoped(this.withNames(this.dataSource.manager), scope);
    if (filter.state) qb.andWhere('r.state = :state', { state: filter.state });
    if (filter.providerId)
      qb.andWhere('r.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.caseManagerId) {
      qb.andWhere('r.case_manager_id = :caseManagerId', { caseManagerId: filter.caseManagerId });
    }
    if (filter.clientId) qb.andWhere('r.client_id = :clientId', { clientId: filter.clientId });
    if (filter.updatedSince) qb.andWhere('r.updated_at >= :since', { since: filter.updatedSince });
    if (filter.overdue !== undefined) {
      const overdue = `(r.first_contact_at IS NULL AND COALESCE(r.first_contact_due < :today, false) AND r.state IN (${ACTIVE}))`;
      qb.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { today });
    }
    return fetchKeysetPage(
      qb,
      {
        list: 'referrals-by-update',
        keys: [
          { column: 'r.updated_at', value: (r) => r.updatedAt.toISOString() },
          { column: 'r.id', value: (r) => r.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }

  insert(manager: EntityManager, referral: Partial<Referral>): Promise<Referral> {
    return manager.save(Referral, manager.create(Referral, referral));
  }

  updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: Partial<Omit<Referral, 'id' | 'version'>>,
  ): Promise<boolean> {
    return updateAtVersion(manager, Referral, id, version, patch);
  }

  /** Referrals sent and not closed under a contract: the places it has taken. */
  async countOpen(manager: EntityManager, contractId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals WHERE contract_id = $1 AND state IN (${OPEN})`,
      [contractId],
    );
    return row.n;
  }

  /** The same for many contracts in one query. */
  async countOpenByContract(contractIds: string[]): Promise<Map<string, number>> {
    if (contractIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ contractId: string; n: number }[]>(
      `SELECT contract_id AS "contractId", count(*)::int AS n FROM referrals
        WHERE contract_id = ANY($1::uuid[]) AND state IN (${OPEN}) GROUP BY contract_id`,
      [contractIds],
    );
    return new Map(rows.map((r) => [r.contractId, r.n]));
  }

  async insertTransition(manager: EntityManager, row: Partial<ReferralTransition>): Promise<void> {
    await manager.insert(ReferralTransition, row);
  }

  history(
    referralId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReferralTransition[]> {
    return manager.find(ReferralTransition, {
      where: { referralId },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  insertActivity(manager: EntityManager, activity: Partial<Activity>): Promise<Activity> {
    return manager.save(Activity, manager.create(Activity, activity));
  }

  /** Keeps the earliest reached contact; derived data, so the referral's version stays. */
  async noteContact(manager: EntityManager, referralId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE referrals SET first_contact_at = LEAST(COALESCE(first_contact_at, $2), $2) WHERE id = $1`,
      [referralId, at],
    );
  }

  /**
   * The referral's activities of the given categories only: what the reader may not read never
   * leaves the database.
   */
  listActivities(
    manager: EntityManager,
    referralId: string,
    categories: readonly DataCategory[],
    page: { limit: number; cursor?: string },
  ): Promise<Page<Activity>> {
    const qb = manager
      .createQueryBuilder(Activity, 'a')
      .where('a.referral_id = :referralId', { referralId })
      .andWhere('a.category = ANY(:categories::data_category[])', { categories });
    return fetchKeysetPage(
      qb,
      {
        list: 'activities-by-time',
        keys: [
          { column: 'a.occurred_at', value: (a) => a.occurredAt.toISOString() },
          { column: 'a.id', value: (a) => a.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }
}
