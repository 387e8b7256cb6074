import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { grantInForceAt, releasedFor } from '../confidentiality/case-access';
import { DataCategory } from '../confidentiality/data-category';
import { OPEN_STATES, ReferralState } from '../common/referral-states';
import type { ServiceKind } from '../providers/service-kind';

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

/** Ended referrals by the reason of their end; `released`: whether the reader may count it. */
export interface EndReasonCount {
  year: number;
  reason: string | null;
  released: boolean;
  n: number;
}

export interface CapacityUseRow {
  contractId: string;
  contractNumber: string;
  providerId: string;
  providerName: string;
  jobcenterId: string;
  jobcenterName: string;
  services: ServiceKind[];
  capacity: number;
  openReferrals: number;
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
  capacity: CapacityUseRow[];
  /**
   * The next instant at which a consent that these figures depend on starts or stops being in
   * force by time alone (a validity starts or ends); null when there is none.
   */
  consentChangesAt: Date | null;
}

const TIME_ZONE = 'Europe/Berlin';
const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const PARTICIPATION = `'${DataCategory.Participation}'`;
const YEAR_SENT = (r: string) => `extract(year FROM ${r}.sent_at AT TIME ZONE '${TIME_ZONE}')::int`;

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
      const names = await manager.query<{ id: string; name: string }[]>(
        'SELECT id, name FROM organisations WHERE id = ANY($1)',
        [ids],
      );
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
   * The ended referrals of the scope by year and the reason of their end (history). For a
   * jobcenter, `released` says whether the client's consent for that referral releases
   * participation of the provider that ended it to the jobcenter now (`releasedFor`,
   * `grantInForceAt`); a provider reads all of its own reasons. The consent rule runs inside the
   * lateral lookup of the end, once per ended referral (BENCHMARKS.md, statistics).
   */
  private endReasons(manager: EntityManager, scope: StatisticsScope): Promise<EndReasonCount[]> {
    const own = scope.kind === 'jobcenter' ? 'jobcenter_id' : 'provider_id';
    const released =
      scope.kind === 'provider'
        ? 'TRUE'
        : `EXISTS (
            SELECT 1 FROM consent_records cr JOIN consent_grants g ON g.consent_id = cr.id
             WHERE ${releasedFor('cr', 'g', {
               client: 'r.client_id',
               referral: 'r.id',
               author: 'COALESCE(t.actor_organisation_id, r.provider_id)',
               reader: 'r.jobcenter_id',
             })}
               AND g.category = ${PARTICIPATION} AND ${grantInForceAt('cr', 'g', 'now()')})`;
    return manager.query<EndReasonCount[]>(
      `SELECT ${YEAR_SENT('r')} AS year, e.reason,
              ${scope.kind === 'provider' ? 'TRUE' : 'COALESCE(e.released, FALSE)'} AS released,
              count(*)::int AS n
         FROM referrals r
         LEFT JOIN LATERAL (
           SELECT t.reason, ${released} AS released
             FROM referral_transitions t
            WHERE t.referral_id = r.id AND t.to_state = '${ReferralState.Ended}'
            ORDER BY t.occurred_at DESC, t.id DESC
            LIMIT 1) e ON TRUE
        WHERE r.${own} = $1 AND r.state = '${ReferralState.Ended}' AND r.sent_at IS NOT NULL
        GROUP BY 1, 2, 3`,
      [scopeId(scope)],
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
    const firstContacts = await manager.query<DurationCount[]>(
      `WITH released AS MATERIALIZED (
         SELECT DISTINCT cr.referral_id, cr.client_id, cr.releasing_organisation_id AS author
           FROM consent_grants g JOIN consent_records cr ON cr.id = g.consent_id
          WHERE g.recipient_organisation_id = $1 AND g.category = ${PARTICIPATION}
            AND ${grantInForceAt('cr', 'g', 'now()')})
       SELECT ${YEAR_SENT('r')} AS year, 'first_contact' AS measure,
              floor(extract(epoch FROM r.first_contact_at - r.accepted_at) / 86400)::int AS days,
              count(*)::int AS n
         FROM referrals r
         JOIN released p ON p.referral_id = r.id AND p.client_id = r.client_id AND p.author = r.provider_id
        WHERE r.jobcenter_id = $1 AND r.state <> '${ReferralState.Draft}' AND r.sent_at IS NOT NULL
          AND r.accepted_at IS NOT NULL AND r.first_contact_at IS NOT NULL
        GROUP BY 1, 2, 3`,
      [scope.jobcenterId],
    );
    const [next] = await manager.query<{ at: Date | null }[]>(
      `SELECT min(v.at) AS at
         FROM consent_grants g
         JOIN consent_records cr ON cr.id = g.consent_id
        CROSS JOIN LATERAL (VALUES (cr.valid_from), (cr.valid_until), (cr.recorded_at), (g.revoked_at)) v(at)
        WHERE g.recipient_organisation_id = $1 AND g.category = ${PARTICIPATION} AND v.at > now()`,
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
  ): Promise<CapacityUseRow[]> {
    const column = scope.kind === 'jobcenter' ? 'jobcenter_id' : 'provider_id';
    return manager.query<CapacityUseRow[]>(
      `SELECT c.id AS "contractId", c.number AS "contractNumber",
              c.provider_id AS "providerId", p.name AS "providerName",
              c.jobcenter_id AS "jobcenterId", j.name AS "jobcenterName",
              c.services::text[] AS services, c.capacity,
              (SELECT count(*)::int FROM referrals r
                WHERE r.contract_id = c.id AND r.state IN (${OPEN})) AS "openReferrals"
         FROM contracts c
         JOIN organisations p ON p.id = c.provider_id
         JOIN organisations j ON j.id = c.jobcenter_id
        WHERE c.${column} = $1
          AND c.valid_from <= CAST($2 AS date)
          AND (c.valid_until IS NULL OR c.valid_until >= CAST($2 AS date))
        ORDER BY p.name, j.name, c.valid_from DESC, c.id`,
      [scopeId(scope), on],
    );
  }
}

export function scopeId(scope: StatisticsScope): string {
  return scope.kind === 'jobcenter' ? scope.jobcenterId : scope.providerId;
}
