import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReferralState } from '../common/referral-states';
import {
  categoryReleased,
  nextReleaseChangeTo,
  releasesInForceTo,
} from '../confidentiality/case-access';
import { DataCategory } from '../confidentiality/data-category';
import { findOrganisations } from '../identity/identity.sql';
import { listContractUse, type ContractUseRow } from '../providers/providers.sql';
import type { ServiceKind } from '../providers/service-kind';
import {
  countEndReasons,
  countFirstContacts,
  openReferralsOf,
  type EndReasonCount,
} from '../referrals/referrals.sql';

/**
 * Whose referrals a statistic counts: a jobcenter's own, or those sent to a provider (all of
 * them, also those closed long ago: only aggregates leave, never a referral).
 */
export type StatisticsScope =
  { kind: 'jobcenter'; jobcenterId: string } | { kind: 'provider'; providerId: string };

/** Sent referrals of one counterpart and year by state, outcome code and acceptance. */
export interface StateCount {
  counterpartId: string;
  year: number;
  state: ReferralState;
  /** The commissioning outcome code of a closed referral ('' when none; end reasons apart). */
  outcome: string;
  /** Whether the referral was accepted at some time. */
  accepted: boolean;
  n: number;
}

export interface CounterpartMonthCount {
  counterpartId: string;
  /** `YYYY-MM` (Europe/Berlin). */
  month: string;
  n: number;
}

export interface ServiceMonthCount {
  service: ServiceKind;
  month: string;
  n: number;
}

export type DurationMeasure = 'acceptance' | 'closure' | 'first_contact';

/** How many durations of a measure took `days` whole days, by the year the referral was sent. */
export interface DurationCount {
  year: number;
  measure: DurationMeasure;
  days: number;
  n: number;
}

/** Everything one scope's statistics are made of, read in one snapshot. */
export interface StatisticsFigures {
  /** The version of the scope's statistics these figures are of (`statistics_versions`). */
  version: string;
  /** The names of the counterparts that occur, by id. */
  counterparts: Map<string, string>;
  states: StateCount[];
  months: CounterpartMonthCount[];
  services: ServiceMonthCount[];
  /** Acceptance and closure, and the first contacts the reader may count. */
  durations: DurationCount[];
  endReasons: EndReasonCount[];
  capacity: ContractUseRow[];
  /**
   * The next instant at which a consent that these figures depend on starts or stops being in
   * force by time alone (a validity starts or ends); null when there is none.
   */
  consentChangesAt: Date | null;
}

/**
 * Aggregate reads for the statistics (docs/architecture/0012): the counts maintained by the
 * triggers of migration StatisticsAggregates, and, live, what depends on consent now (the end
 * reasons and a jobcenter's first contacts, by case access's own rules), the contracts' use and
 * the version of the figures. Every read takes the scope; none returns a referral.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The version of the scope's statistics now: one indexed row. */
  async version(scope: StatisticsScope, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query<{ version: string }[]>(
      'SELECT version::text AS version FROM statistics_versions WHERE organisation_id = $1',
      [scopeId(scope)],
    );
    return row?.version ?? '0';
  }

  /** All figures of the scope (every year) in one read-only snapshot. */
  figures(scope: StatisticsScope, today: string): Promise<StatisticsFigures> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // JIT off: over a jobcenter's referrals, compiling took longer than running (BENCHMARKS.md).
      await manager.query('SET TRANSACTION READ ONLY; SET LOCAL jit = off');
      const version = await this.version(scope, manager);
      const states = await this.stateCounts(manager, scope);
      const months = await this.monthCounts(manager, scope);
      const capacity = await this.capacityUse(manager, scope, today);
      const ids = [...new Set([...states, ...months].map((r) => r.counterpartId))];
      const names = await findOrganisations(manager, ids);
      const released =
        scope.kind === 'jobcenter' ? await this.releasedToJobcenter(manager, scope) : null;
      return {
        version,
        counterparts: new Map(names.map((o) => [o.id, o.name])),
        states,
        months,
        services: await manager.query<ServiceMonthCount[]>(
          `SELECT to_char(month, 'YYYY-MM') AS month, service::text AS service, n
             FROM statistics_service_counts WHERE organisation_id = $1 AND n <> 0`,
          [scopeId(scope)],
        ),
        durations: [
          ...(await manager.query<DurationCount[]>(
            `SELECT year::int AS year, measure, days, n FROM statistics_durations
              WHERE organisation_id = $1 AND n <> 0
                ${scope.kind === 'jobcenter' ? "AND measure <> 'first_contact'" : ''}`,
            [scopeId(scope)],
          )),
          ...(released?.firstContacts ?? []),
        ],
        endReasons: await this.endReasons(manager, scope),
        capacity,
        consentChangesAt: released?.changesAt ?? null,
      };
    });
  }

  private stateCounts(manager: EntityManager, scope: StatisticsScope): Promise<StateCount[]> {
    const [own, other] =
      scope.kind === 'jobcenter'
        ? ['jobcenter_id', 'provider_id']
        : ['provider_id', 'jobcenter_id'];
    return manager.query<StateCount[]>(
      `SELECT ${other} AS "counterpartId", year::int AS year, state::text AS state, outcome,
              accepted, sum(n)::int AS n
         FROM statistics_state_counts WHERE ${own} = $1
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`,
      [scopeId(scope)],
    );
  }

  private monthCounts(
    manager: EntityManager,
    scope: StatisticsScope,
  ): Promise<CounterpartMonthCount[]> {
    const [own, other] =
      scope.kind === 'jobcenter'
        ? ['jobcenter_id', 'provider_id']
        : ['provider_id', 'jobcenter_id'];
    return manager.query<CounterpartMonthCount[]>(
      `SELECT ${other} AS "counterpartId", to_char(month, 'YYYY-MM') AS month, n
         FROM statistics_month_counts WHERE ${own} = $1 AND n <> 0`,
      [scopeId(scope)],
    );
  }

  /**
   * The ended referrals of the scope by year and the reason of their end (the referrals
   * module's count). For a jobcenter, `released` says whether the client's consent for that
   * referral releases participation of the provider that ended it to the jobcenter now (case
   * access's `categoryReleased`); a provider reads all of its own reasons.
   */
  private endReasons(manager: EntityManager, scope: StatisticsScope): Promise<EndReasonCount[]> {
    if (scope.kind === 'provider') return countEndReasons(manager, scope, null);
    return countEndReasons(manager, scope, (end) =>
      categoryReleased(DataCategory.Participation, end, 'now()'),
    );
  }

  /**
   * For a jobcenter: the first contacts it may count (of referrals whose client's consent for
   * that referral releases participation of the provider to it now), as whole days from
   * acceptance by year; and the next instant at which one of the consents naming it as the
   * recipient of participation starts or stops by time alone. The released (referral, author)
   * pairs are computed once and hash-joined: probing per referral cost one subquery for each of
   * the tens of thousands accepted (BENCHMARKS.md).
   */
  private async releasedToJobcenter(
    manager: EntityManager,
    scope: { kind: 'jobcenter'; jobcenterId: string },
  ): Promise<{ firstContacts: DurationCount[]; changesAt: Date | null }> {
    const firstContacts = await countFirstContacts(manager, scope.jobcenterId, (reader) =>
      releasesInForceTo(reader, DataCategory.Participation),
    );
    const [next] = await manager.query<{ at: Date | null }[]>(
      nextReleaseChangeTo('$1', DataCategory.Participation),
      [scope.jobcenterId],
    );
    return { firstContacts, changesAt: next?.at ? new Date(next.at) : null };
  }

  /**
   * The contracts in scope valid on `on` (YYYY-MM-DD) with their open referrals (sent and not
   * closed, whenever sent): capacity, as the availability answer shows it.
   */
  private capacityUse(
    manager: EntityManager,
    scope: StatisticsScope,
    on: string,
  ): Promise<ContractUseRow[]> {
    return listContractUse(manager, scope, on, openReferralsOf);
  }
}

export function scopeId(scope: StatisticsScope): string {
  return scope.kind === 'jobcenter' ? scope.jobcenterId : scope.providerId;
}
