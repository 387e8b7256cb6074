import { Injectable } from '@nestjs/common';
import { grantInForceAt, releasedFor } from '../confidentiality/case-access';
import type { EntityManager } from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { OPEN_STATES, ReferralState } from '../referrals/referral-state';
import type { ServiceKind } from '../providers/service-kind';

/**
 * Whose referrals a statistic counts: a jobcenter's own, or those sent to a provider (all of
 * them, also those closed long ago: only aggregates leave, never a referral).
 */
export type StatisticsScope =
  { kind: 'jobcenter'; jobcenterId: string } | { kind: 'provider'; providerId: string };

/** Whole months `YYYY-MM`, both inclusive, in Europe/Berlin. */
export interface MonthRange {
  from: string;
  to: string;
}

export interface StateOutcomeCount {
  state: ReferralState;
  /** The outcome code, the end reason, `not_released`, or null (open, or none recorded). */
  code: string | null;
  n: number;
}

export interface CounterpartMonthCount {
  organisationId: string;
  organisationName: string;
  month: string;
  n: number;
}

export interface ServiceMonthCount {
  service: ServiceKind;
  month: string;
  n: number;
}

/** Counts and medians (in days) behind the rates; a median is null without any value. */
export interface DurationFigures {
  /** Accepted at some time (whatever the state now). */
  accepted: number;
  rejected: number;
  /** Cancelled after acceptance (part of `accepted`). */
  cancelledAfterAcceptance: number;
  acceptanceDays: number | null;
  firstContactBasis: number;
  firstContactDays: number | null;
  closureBasis: number;
  closureDays: number | null;
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

/** The code under which an ended referral counts when its reason may not be counted. */
export const NOT_RELEASED = 'not_released';

const TIME_ZONE = 'Europe/Berlin';
const OPEN = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const ENDED = `'${ReferralState.Ended}'`;
const DRAFT = `'${ReferralState.Draft}'`;
const PARTICIPATION = `'${DataCategory.Participation}'`;

/**
 * The referrals in scope sent within the months from `$2` to `$3` (their first days; drafts never
 * count), as CTE `sent` with the month (Europe/Berlin) each was sent in. `$1` is the scope's
 * organisation.
 */
function sentIn(scope: StatisticsScope): string {
  const column = scope.kind === 'jobcenter' ? 'jobcenter_id' : 'provider_id';
  return `
    WITH period AS (
      SELECT CAST($2 AS timestamp) AT TIME ZONE '${TIME_ZONE}' AS lo,
             (CAST($3 AS timestamp) + interval '1 month') AT TIME ZONE '${TIME_ZONE}' AS hi
    ), sent AS (
      SELECT r.id, r.jobcenter_id, r.provider_id, r.client_id, r.state, r.outcome,
             r.requested_services, r.sent_at, r.accepted_at, r.first_contact_at, r.closed_at,
             to_char(r.sent_at AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM') AS month
        FROM referrals r, period p
       WHERE r.${column} = $1 AND r.state <> ${DRAFT}
         AND r.sent_at >= p.lo AND r.sent_at < p.hi
    )`;
}

/**
 * Whether the client's consent for the referral releases `participation` of the author
 * organisation to the recipient now, by case access's own rules (`releasedFor`, purpose-bound,
 * and `grantInForceAt`), inside the one aggregate query; a provider reads all of its own
 * content, so for it every end reason counts.
 */
function participationReleased(
  scope: StatisticsScope,
  q: { client: string; referral: string; author: string; reader: string },
): string {
  if (scope.kind === 'provider') return 'TRUE';
  return `EXISTS (
      SELECT 1
        FROM consent_records cr
        JOIN consent_grants g ON g.consent_id = cr.id
       WHERE ${releasedFor('cr', 'g', q)}
         AND g.category = ${PARTICIPATION}
         AND ${grantInForceAt('cr', 'g', 'now()')})`;
}

/**
 * The (referral, author) pairs whose consent releases `participation` to the organisation `$1`
 * now, by case access's own rule (`grantInForceAt`; purpose-bound: a grant counts for the
 * referral its record serves only); each pair once.
 */
const PARTICIPATION_RELEASED_TO_$1 = `
  SELECT DISTINCT cr.referral_id, cr.client_id, cr.releasing_organisation_id AS author
    FROM consent_grants g
    JOIN consent_records cr ON cr.id = g.consent_id
   WHERE g.recipient_organisation_id = $1 AND g.category = ${PARTICIPATION}
     AND ${grantInForceAt('cr', 'g', 'now()')}`;

const DAYS = (from: string, to: string) => `EXTRACT(EPOCH FROM (${to} - ${from})) / 86400`;

/**
 * Aggregate reads of referrals for the statistics, each one query that returns counts, never a
 * referral. Reads the referrals, their history, consents, contracts and organisation names
 * read-only (ADR 0004, "Reads across module tables"). Every read takes the scope.
 */
@Injectable()
export class StatisticsRepository {
  /**
   * Referrals by state and outcome: the commissioning code of `referrals.outcome`, and for an
   * ended referral the reason of its `end` (history), or `not_released` when the client's
   * consent does not release participation of the provider that ended it to the jobcenter.
   */
  stateOutcomeCounts(
    manager: EntityManager,
    scope: StatisticsScope,
    months: MonthRange,
  ): Promise<StateOutcomeCount[]> {
    const released = participationReleased(scope, {
      client: 's.client_id',
      referral: 's.id',
      author: 'COALESCE(t.actor_organisation_id, s.provider_id)',
      reader: 's.jobcenter_id',
    });
    // The consent rule is evaluated inside the lateral, so only for the ended referrals (a few
    // percent of those sent) with one indexed probe each. As a condition of the outer CASE the
    // planner built it as a hashed subplan over the in-force grants of every client instead
    // (BENCHMARKS.md, statistics).
    return manager.query<StateOutcomeCount[]>(
      `${sentIn(scope)}
       SELECT s.state::text AS state,
              CASE WHEN s.state = ${ENDED}
                   THEN CASE WHEN e.released THEN e.reason ELSE '${NOT_RELEASED}' END
                   ELSE s.outcome END AS code,
              count(*)::int AS n
         FROM sent s
         LEFT JOIN LATERAL (
           SELECT t.reason, ${released} AS released
             FROM referral_transitions t
            WHERE t.referral_id = s.id AND s.state = ${ENDED} AND t.to_state = ${ENDED}
            ORDER BY t.occurred_at DESC, t.id DESC
            LIMIT 1) e ON TRUE
        GROUP BY 1, 2`,
      sentParameters(scope, months),
    );
  }

  /** Referrals by the other party (providers for a jobcenter, jobcenters for a provider) and month. */
  counterpartMonthCounts(
    manager: EntityManager,
    scope: StatisticsScope,
    months: MonthRange,
  ): Promise<CounterpartMonthCount[]> {
    const counterpart = scope.kind === 'jobcenter' ? 's.provider_id' : 's.jobcenter_id';
    return manager.query<CounterpartMonthCount[]>(
      `${sentIn(scope)}
       SELECT o.id AS "organisationId", o.name AS "organisationName", s.month, count(*)::int AS n
         FROM sent s
         JOIN organisations o ON o.id = ${counterpart}
        GROUP BY o.id, o.name, s.month
        ORDER BY o.name, o.id, s.month`,
      sentParameters(scope, months),
    );
  }

  /** Requested services by month: a referral counts once for each service it requests. */
  serviceMonthCounts(
    manager: EntityManager,
    scope: StatisticsScope,
    months: MonthRange,
  ): Promise<ServiceMonthCount[]> {
    return manager.query<ServiceMonthCount[]>(
      `${sentIn(scope)}
       SELECT v.service::text AS service, s.month, count(*)::int AS n
         FROM sent s
         CROSS JOIN LATERAL (SELECT DISTINCT u AS service FROM unnest(s.requested_services) u) v
        GROUP BY 1, 2`,
      sentParameters(scope, months),
    );
  }

  /**
   * The counts behind the acceptance rate, and the medians (`percentile_cont(0.5)`) of the
   * days from sending to acceptance, from acceptance to the first contact (for a jobcenter only
   * over clients who released participation of the provider to it), and from sending to the
   * closing of referrals that had been accepted.
   */
  async durationFigures(
    manager: EntityManager,
    scope: StatisticsScope,
    months: MonthRange,
  ): Promise<DurationFigures> {
    // For a jobcenter, the consent rule as one set: the (referral, provider) pairs whose consent
    // releases participation to it now, computed once and hash-joined. Probing it per referral
    // cost one indexed subquery for each of the tens of thousands accepted (BENCHMARKS.md).
    const jobcenter = scope.kind === 'jobcenter';
    const firstContact = `s.accepted_at IS NOT NULL AND s.first_contact_at IS NOT NULL${
      jobcenter ? ' AND p.client_id IS NOT NULL' : ''
    }`;
    const closure = 's.accepted_at IS NOT NULL AND s.closed_at IS NOT NULL';
    const median = (days: string, filter: string) =>
      `(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${filter}))::float8`;
    const [row] = await manager.query<DurationFigures[]>(
      `${sentIn(scope)}${jobcenter ? `, released AS MATERIALIZED (${PARTICIPATION_RELEASED_TO_$1})` : ''}
       SELECT count(*) FILTER (WHERE s.accepted_at IS NOT NULL)::int AS accepted,
              count(*) FILTER (WHERE s.state = '${ReferralState.Rejected}')::int AS rejected,
              count(*) FILTER (WHERE s.state = '${ReferralState.Cancelled}'
                                 AND s.accepted_at IS NOT NULL)::int AS "cancelledAfterAcceptance",
              ${median(DAYS('s.sent_at', 's.accepted_at'), 's.accepted_at IS NOT NULL')} AS "acceptanceDays",
              count(*) FILTER (WHERE ${firstContact})::int AS "firstContactBasis",
              ${median(DAYS('s.accepted_at', 's.first_contact_at'), firstContact)} AS "firstContactDays",
              count(*) FILTER (WHERE ${closure})::int AS "closureBasis",
              ${median(DAYS('s.sent_at', 's.closed_at'), closure)} AS "closureDays"
         FROM sent s${
           jobcenter
             ? `
         LEFT JOIN released p
           ON p.referral_id = s.id AND p.client_id = s.client_id AND p.author = s.provider_id`
             : ''
         }`,
      sentParameters(scope, months),
    );
    return row;
  }

  /**
   * The contracts in scope valid on `on` (YYYY-MM-DD) with their open referrals (sent and not
   * closed, whenever sent): capacity, not personal data.
   */
  capacityUse(
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

/** `$1` the scope's organisation, `$2` and `$3` the first days of the first and last month. */
function sentParameters(scope: StatisticsScope, months: MonthRange): string[] {
  return [scopeId(scope), `${months.from}-01`, `${months.to}-01`];
}

function scopeId(scope: StatisticsScope): string {
  return scope.kind === 'jobcenter' ? scope.jobcenterId : scope.providerId;
}
