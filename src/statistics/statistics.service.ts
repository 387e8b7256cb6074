import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { todayInGermany } from '../common/calendar';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { OrganisationKind } from '../identity/organisation.entity';
import { ServiceKind } from '../providers/service-kind';
import {
  CancelReason,
  CompletionOutcome,
  EndReason,
  RejectReason,
} from '../referrals/referral-codes';
import { ReferralState, SENT_STATES } from '../referrals/referral-state';
import type {
  CountCellDto,
  MedianDto,
  OrganisationMonthTableDto,
  OutcomeGroupDto,
  RateDto,
  ReferralStatisticsDto,
  ServiceMonthTableDto,
} from './dto/referral-statistics.dto';
import {
  StatisticsTable,
  type ReferralStatisticsQueryDto,
} from './dto/referral-statistics-query.dto';
import { statisticsCsv } from './statistics-csv';
import {
  NOT_RELEASED,
  StatisticsRepository,
  type CapacityUseRow,
  type CounterpartMonthCount,
  type DurationFigures,
  type MonthRange,
  type ServiceMonthCount,
  type StateOutcomeCount,
  type StatisticsScope,
} from './statistics.repository';
import {
  isSmallCount,
  MIN_PUBLISHED_COUNT,
  staysProtected,
  suppressNestedList,
  suppressTable,
  type CountCell,
  type SuppressionProblem,
} from './suppression';
import { MAX_MONTHS } from './dto/referral-statistics-query.dto';

/** The default period: the current month and the eleven before it. */
const DEFAULT_MONTHS = 12;

/** The code of a closed referral without one (or with one outside today's vocabulary). */
const UNSPECIFIED = 'unspecified';

/** The outcome codes of each closed state (the end reasons are participation content). */
const OUTCOME_CODES: ReadonlyMap<ReferralState, readonly string[]> = new Map<
  ReferralState,
  readonly string[]
>([
  [ReferralState.Completed, Object.values(CompletionOutcome)],
  [ReferralState.Ended, Object.values(EndReason)],
  [ReferralState.Rejected, Object.values(RejectReason)],
  [ReferralState.Cancelled, Object.values(CancelReason)],
]);

/** Everything the statistics are made of, read in one snapshot. */
interface Figures {
  stateOutcomes: StateOutcomeCount[];
  counterparts: CounterpartMonthCount[];
  services: ServiceMonthCount[];
  durations: DurationFigures;
  capacity: CapacityUseRow[];
}

/**
 * Aggregate statistics of referrals for a jobcenter's lead (its own referrals) and a provider's
 * lead (the referrals sent to it). Counted in SQL, suppressed here: counts of 1 to 4 and the
 * cells that would give them back are never published (`suppression.ts`).
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
  ) {}

  async referralStatistics(
    actor: Actor,
    query: ReferralStatisticsQueryDto,
    now: Date = new Date(),
  ): Promise<ReferralStatisticsDto> {
    const scope = scopeOf(actor);
    const months = periodOf(query, todayInGermany(now).slice(0, 7));
    const figures = await this.read(scope, months, todayInGermany(now));
    return toStatistics(scope, months, figures);
  }

  /** One table of the statistics as CSV, and a file name for it. */
  async referralStatisticsCsv(
    actor: Actor,
    query: ReferralStatisticsQueryDto,
    now: Date = new Date(),
  ): Promise<{ filename: string; body: string }> {
    const scope = scopeOf(actor);
    const ownTable =
      scope.kind === 'jobcenter'
        ? StatisticsTable.ByProviderAndMonth
        : StatisticsTable.ByJobcenterAndMonth;
    const otherTable =
      scope.kind === 'jobcenter'
        ? StatisticsTable.ByJobcenterAndMonth
        : StatisticsTable.ByProviderAndMonth;
    const table = query.table ?? ownTable;
    if (table === otherTable) {
      throw new RequestValidationError([
        { field: 'table', messages: [`table ${table} is not available to a ${scope.kind}`] },
      ]);
    }
    const statistics = await this.referralStatistics(actor, query, now);
    return {
      filename: `referrals-${table}-${statistics.from}-${statistics.to}.csv`,
      body: statisticsCsv(statistics, table),
    };
  }

  /** All figures in one read-only snapshot, so that the tables agree with each other. */
  private read(scope: StatisticsScope, months: MonthRange, today: string): Promise<Figures> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // JIT off for these aggregates: over a jobcenter's year (≈ 45,000 referrals) PostgreSQL's
      // JIT compilation took longer than the query it compiled (1.9 s against 0.5 s for the
      // state/outcome counts, EXPLAIN ANALYZE in BENCHMARKS.md). One round trip for both.
      await manager.query('SET TRANSACTION READ ONLY; SET LOCAL jit = off');
      return {
        stateOutcomes: await this.repository.stateOutcomeCounts(manager, scope, months),
        counterparts: await this.repository.counterpartMonthCounts(manager, scope, months),
        services: await this.repository.serviceMonthCounts(manager, scope, months),
        durations: await this.repository.durationFigures(manager, scope, months),
        capacity: await this.repository.capacityUse(manager, scope, today),
      };
    });
  }
}

/** Statistics are for the two sides of the referrals; nobody else has any. */
function scopeOf(actor: Actor): StatisticsScope {
  if (actor.organisationKind === OrganisationKind.Jobcenter) {
    return { kind: 'jobcenter', jobcenterId: actor.organisationId };
  }
  if (actor.organisationKind === OrganisationKind.Provider) {
    return { kind: 'provider', providerId: actor.organisationId };
  }
  throw new ResourceNotFound('statistics');
}

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return year * 12 + number - 1;
};
const monthAt = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The months asked for: `to` defaults to the current month, `from` to eleven months before
 * `to`; `from` must not be after `to`, and the period holds at most 36 months.
 */
export function periodOf(
  query: Pick<ReferralStatisticsQueryDto, 'from' | 'to'>,
  currentMonth: string,
): MonthRange {
  const to = query.to ?? currentMonth;
  const from = query.from ?? monthAt(monthIndex(to) - (DEFAULT_MONTHS - 1));
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1) {
    throw new RequestValidationError([{ field: 'to', messages: ['to must not be before from'] }]);
  }
  if (span > MAX_MONTHS) {
    throw new RequestValidationError([
      {
        field: 'to',
        messages: [`the period from from to to must not hold more than ${MAX_MONTHS} months`],
      },
    ]);
  }
  return { from, to };
}

function monthsOf(range: MonthRange): string[] {
  const first = monthIndex(range.from);
  return Array.from({ length: monthIndex(range.to) - first + 1 }, (_, i) => monthAt(first + i));
}

const cell = (c: CountCell): CountCellDto => ({ count: c.count, suppressed: c.suppressed });

function toStatistics(
  scope: StatisticsScope,
  range: MonthRange,
  figures: Figures,
): ReferralStatisticsDto {
  const months = monthsOf(range);
  const { byState, byOutcome, suppression } = stateAndOutcome(scope, figures.stateOutcomes);
  const counterparts = counterpartTable(months, figures.counterparts);
  return {
    perspective:
      scope.kind === 'jobcenter' ? OrganisationKind.Jobcenter : OrganisationKind.Provider,
    from: range.from,
    to: range.to,
    months,
    minimumCount: MIN_PUBLISHED_COUNT,
    byState,
    byOutcome,
    ...(scope.kind === 'jobcenter'
      ? { byProviderAndMonth: counterparts }
      : { byJobcenterAndMonth: counterparts }),
    byServiceAndMonth: serviceTable(months, figures.services),
    acceptanceRate: acceptanceRate(suppression, figures.durations),
    ...medians(figures.durations),
    capacityUse: figures.capacity.map((c) => ({
      contractId: c.contractId,
      contractNumber: c.contractNumber,
      providerId: c.providerId,
      providerName: c.providerName,
      jobcenterId: c.jobcenterId,
      jobcenterName: c.jobcenterName,
      services: c.services,
      capacity: c.capacity,
      openReferrals: c.openReferrals,
      share: Math.round((c.openReferrals / c.capacity) * 1000) / 1000,
    })),
  };
}

/**
 * Referrals by state, and the closed ones by outcome, suppressed together: each closed state's
 * outcomes add up to its count in `byState`.
 */
function stateAndOutcome(
  scope: StatisticsScope,
  rows: StateOutcomeCount[],
): Pick<ReferralStatisticsDto, 'byState' | 'byOutcome'> & { suppression: SuppressionProblem } {
  const stateCounts = SENT_STATES.map((state) =>
    rows.filter((r) => r.state === state).reduce((s, r) => s + r.n, 0),
  );
  const groups = new Map<number, { state: ReferralState; codes: string[]; counts: number[] }>();
  SENT_STATES.forEach((state, index) => {
    const known = OUTCOME_CODES.get(state);
    if (!known) return;
    const codes = [
      ...known,
      ...(state === ReferralState.Ended && scope.kind === 'jobcenter' ? [NOT_RELEASED] : []),
    ];
    const counts = codes.map(() => 0);
    let unspecified = 0;
    for (const row of rows.filter((r) => r.state === state)) {
      const at = row.code === null ? -1 : codes.indexOf(row.code);
      if (at >= 0) counts[at] += row.n;
      else unspecified += row.n;
    }
    if (unspecified > 0) {
      codes.push(UNSPECIFIED);
      counts.push(unspecified);
    }
    groups.set(index, { state, codes, counts });
  });
  const suppressed = suppressNestedList(
    stateCounts,
    new Map([...groups].map(([index, group]) => [index, group.counts])),
  );
  const byOutcome: OutcomeGroupDto[] = [...groups].map(([index, group]) => {
    const result = suppressed.groups.get(index)!;
    return {
      state: group.state,
      total: cell(result.total),
      outcomes: group.codes.map((outcome, k) => ({ outcome, ...cell(result.parts[k]) })),
    };
  });
  return {
    byState: {
      items: SENT_STATES.map((state, i) => ({ state, ...cell(suppressed.list.items[i]) })),
      total: cell(suppressed.list.total),
    },
    byOutcome,
    suppression: suppressed.problem,
  };
}

function counterpartTable(
  months: string[],
  rows: CounterpartMonthCount[],
): OrganisationMonthTableDto {
  const organisations: { id: string; name: string }[] = [];
  for (const row of rows) {
    if (!organisations.some((o) => o.id === row.organisationId)) {
      organisations.push({ id: row.organisationId, name: row.organisationName });
    }
  }
  const counts = organisations.map((o) =>
    months.map((m) =>
      rows.filter((r) => r.organisationId === o.id && r.month === m).reduce((s, r) => s + r.n, 0),
    ),
  );
  const table = suppressTable(counts, months.length);
  return {
    rows: organisations.map((o, r) => ({
      organisationId: o.id,
      organisationName: o.name,
      cells: table.cells[r].map(cell),
      total: cell(table.rowTotals[r]),
    })),
    columnTotals: table.columnTotals.map(cell),
    total: cell(table.total),
  };
}

function serviceTable(months: string[], rows: ServiceMonthCount[]): ServiceMonthTableDto {
  const services = Object.values(ServiceKind);
  const counts = services.map((service) =>
    months.map((m) =>
      rows.filter((r) => r.service === service && r.month === m).reduce((s, r) => s + r.n, 0),
    ),
  );
  const table = suppressTable(counts, months.length);
  return {
    rows: services.map((service, r) => ({
      service,
      cells: table.cells[r].map(cell),
      total: cell(table.rowTotals[r]),
    })),
    columnTotals: table.columnTotals.map(cell),
    total: cell(table.total),
  };
}

const SUPPRESSED_MEDIAN: MedianDto = { days: null, suppressed: true };

function median(days: number | null, basis: number): MedianDto {
  if (basis < MIN_PUBLISHED_COUNT || days === null) return SUPPRESSED_MEDIAN;
  return { days: Math.round(days * 10) / 10, suppressed: false };
}

/** The medians, each only over at least 5 referrals. */
function medians(
  figures: DurationFigures,
): Pick<
  ReferralStatisticsDto,
  'medianDaysToAcceptance' | 'medianDaysToFirstContact' | 'medianDaysToClosure'
> {
  return {
    medianDaysToAcceptance: median(figures.acceptanceDays, figures.accepted),
    medianDaysToFirstContact: median(figures.firstContactDays, figures.firstContactBasis),
    medianDaysToClosure: median(figures.closureDays, figures.closureBasis),
  };
}

/** The states a referral is in once accepted, unless cancelled since. */
const ACCEPTED_STATES: readonly ReferralState[] = [
  ReferralState.Accepted,
  ReferralState.InProgress,
  ReferralState.OnHold,
  ReferralState.Completed,
  ReferralState.Ended,
];

/**
 * Accepted among decided (accepted or rejected), over at least 5. A rate is a ratio of counts,
 * so together with the rejected count of `byState` it gives away the accepted count, and with
 * it how many cancellations came before and after acceptance and, by subtraction from the state
 * counts, possibly a suppressed one. So it is published only when the rejected count is
 * published, the accepted count and both kinds of cancellation are 0 or at least 5, and adding
 * these counts to what `byState` publishes pins no suppressed value.
 */
function acceptanceRate(problem: SuppressionProblem, figures: DurationFigures): RateDto {
  const suppressed: RateDto = { rate: null, suppressed: true };
  const { accepted, rejected, cancelledAfterAcceptance: after } = figures;
  const decided = accepted + rejected;
  const index = (state: ReferralState) => SENT_STATES.indexOf(state);
  const cancelled = problem.values[index(ReferralState.Cancelled)];
  const before = cancelled - after;
  if (
    decided < MIN_PUBLISHED_COUNT ||
    problem.hidden[index(ReferralState.Rejected)] ||
    [accepted, after, before].some((count) => count < 0 || isSmallCount(count))
  ) {
    return suppressed;
  }
  const base = problem.values.length;
  const safe = staysProtected(
    problem,
    [accepted, after, before],
    [
      { total: base, parts: [...ACCEPTED_STATES.map(index), base + 1] },
      { total: index(ReferralState.Cancelled), parts: [base + 1, base + 2] },
    ],
  );
  if (!safe) return suppressed;
  return { rate: Math.round((accepted / decided) * 1000) / 1000, suppressed: false };
}
