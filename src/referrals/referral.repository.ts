import { Injectable } from '@nestjs/common';
import { pooledQueryOf } from '../common/database/pooled-query';
import { anyOf, paramsAdder } from '../common/sql/sql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import { Activity } from './activity.entity';
import { ReferralTransition } from './referral-transition.entity';
import { Referral } from './referral.entity';
import { referralVisible, type ReferralScope } from '../confidentiality/case-access';
import { clientRestricted, ProcessingRestricted } from '../confidentiality/restriction';
import {
  fieldsFromRow,
  REFERRAL_WITH_NAMES,
  REFERRALS_WITH_NAMES_AS_TEXT,
  referralFromRow,
  type ReferralFields,
  type ReferralRow,
} from './referral-rows';
import { ACTIVE_STATES, OPEN_STATES, type ReferralState } from '../common/referral-states';
import { namedStatement } from '../common/database/statement-names';

export interface ReferralFilter {
  state?: ReferralState;
  providerId?: string;
  caseManagerId?: string;
  clientId?: string;
  overdue?: boolean;
  updatedSince?: string;
}

/** Names the list's cursors, so that a cursor of another list is refused. */
const LIST = 'referrals-by-update';

/** The three shapes of `referralVisible`'s condition, for naming each one's statements. */
function scopeShape(scope: ReferralScope): 'jobcenter' | 'provider' | 'worker' {
  if (scope.kind === 'jobcenter') return 'jobcenter';
  return scope.workerId ? 'worker' : 'provider';
}

@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The referral if the scope may see it (else null: a foreign referral is a missing one). The
   * single loader of every read and change of one referral and what hangs on it (history,
   * client, activities, reports): a referral of a client under restriction of processing is
   * refused here (`ProcessingRestricted`, ADR 0020), in the same query.
   */
  async findVisible(
    scope: ReferralScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Referral | null> {
    const params: unknown[] = [id];
    // One text per shape of the scope's condition (the ids are parameters): a named statement.
    const sql = namedStatement(
      `referral_visible_${scopeShape(scope)}`,
      `SELECT v.*, ${clientRestricted('v.client_id')} AS client_restricted
         FROM (${REFERRAL_WITH_NAMES}
                WHERE r.id = $1 AND ${referralVisible(scope, 'r', paramsAdder(params))}) v`,
    );
    // Outside a transaction (the default manager): straight to the pool (pooledQueryOf).
    const query =
      manager === this.dataSource.manager
        ? pooledQueryOf(this.dataSource)
        : manager.query.bind(manager);
    const rows = await query<(ReferralRow & { client_restricted: boolean })[]>(sql, params);
    if (rows.length === 0) return null;
    if (rows[0].client_restricted) throw new ProcessingRestricted('referral');
    return referralFromRow(rows[0]);
  }

  /**
   * A page of the scope's referrals, most recently updated first (keyset on the time of change
   * the scope sees, and id): the jobcenter's own time of change, the provider's the row's. The
   * items are plain rows with their instants as ISO text: what the page writes, as it is.
   */
  async list(
    scope: ReferralScope,
    filter: ReferralFilter,
    today: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ReferralFields<string>>> {
    const params: unknown[] = [];
    const add = paramsAdder(params);
    const changed = scope.kind === 'jobcenter' ? 'r.jobcenter_updated_at' : 'r.updated_at';
    // A restricted client's referrals are left out of every list (ADR 0020).
    const where = [referralVisible(scope, 'r', add), `NOT ${clientRestricted('r.client_id')}`];
    if (filter.state) where.push(`r.state = ${add(filter.state)}`);
    if (filter.providerId) where.push(`r.provider_id = ${add(filter.providerId)}`);
    if (filter.caseManagerId) where.push(`r.case_manager_id = ${add(filter.caseManagerId)}`);
    if (filter.clientId) where.push(`r.client_id = ${add(filter.clientId)}`);
    if (filter.updatedSince) where.push(`${changed} >= ${add(filter.updatedSince)}`);
    if (filter.overdue !== undefined) {
      const overdue = `(r.first_contact_at IS NULL AND COALESCE(r.first_contact_due < ${add(today)}, false) AND r.state ${anyOf(add, ACTIVE_STATES, 'referral_state')})`;
      where.push(filter.overdue ? overdue : `NOT ${overdue}`);
    }
    if (page.cursor) {
      const [updatedAt, id] = decodeCursor(LIST, page.cursor, 2);
      where.push(`(${changed}, r.id) < (${add(updatedAt)}, ${add(id)})`);
    }
    const sql = `${REFERRALS_WITH_NAMES_AS_TEXT}
        WHERE ${where.join(' AND ')}
        ORDER BY ${changed} DESC, r.id DESC
        LIMIT ${add(page.limit + 1)}`;
    // The pages of the work lists (by scope, state or none, first or later page) are a small,
    // fixed set of texts and go out as named statements; other filter combinations, unnamed.
    const onlyStateFilter = Object.entries(filter).every(
      ([key, value]) => key === 'state' || value === undefined,
    );
    const rows = await pooledQueryOf(this.dataSource)<ReferralRow<string>[]>(
      onlyStateFilter
        ? namedStatement(
            `referral_page_${scopeShape(scope)}${filter.state ? '_state' : ''}${page.cursor ? '_after' : ''}`,
            sql,
          )
        : sql,
      params,
    );
    const items = rows.slice(0, page.limit).map(fieldsFromRow);
    const last = items[items.length - 1];
    const lastChanged = scope.kind === 'jobcenter' ? last?.jobcenterUpdatedAt : last?.updatedAt;
    const nextCursor =
      rows.length > page.limit && last && lastChanged
        ? encodeCursor(LIST, [lastChanged, last.id])
        : null;
    return { items, nextCursor };
  }

  insert(manager: EntityManager, referral: Partial<Referral>): Promise<Referral> {
    return manager.save(Referral, manager.create(Referral, referral));
  }

  /**
   * Applies `patch` if the referral is still at the version the side read (the jobcenter's own
   * version, or the row's for the provider), in one statement. Every change moves the row's
   * version; a change the jobcenter can see (all but the provider's internal ones) moves the
   * jobcenter's version and time of change too.
   */
  async updateAtVersion(
    manager: EntityManager,
    id: string,
    read: { side: ReferralScope['kind']; version: number; jobcenterSees?: boolean },
    patch: Partial<Omit<Referral, 'id' | 'version' | 'jobcenterVersion' | 'jobcenterUpdatedAt'>>,
  ): Promise<boolean> {
    const versionColumn = read.side === 'jobcenter' ? 'jobcenter_version' : 'version';
    const result = await manager
      .createQueryBuilder()
      .update(Referral)
      .set({
        ...patch,
        version: () => 'version + 1',
        ...(read.jobcenterSees === false
          ? {}
          : {
              jobcenterVersion: () => 'jobcenter_version + 1',
              jobcenterUpdatedAt: () => 'now()',
            }),
      })
      .where(`id = :id AND ${versionColumn} = :version`, { id, version: read.version })
      .execute();
    return result.affected === 1;
  }

  /** Referrals sent and not closed under a contract: the places it has taken. */
  async countOpen(manager: EntityManager, contractId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals
        WHERE contract_id = $1 AND state = ANY($2::referral_state[])`,
      [contractId, OPEN_STATES],
    );
    return row.n;
  }

  /** The same for many contracts in one query. */
  async countOpenByContract(contractIds: string[]): Promise<Map<string, number>> {
    if (contractIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ contractId: string; n: number }[]>(
      `SELECT contract_id AS "contractId", count(*)::int AS n FROM referrals
        WHERE contract_id = ANY($1::uuid[]) AND state = ANY($2::referral_state[])
        GROUP BY contract_id`,
      [contractIds, OPEN_STATES],
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
