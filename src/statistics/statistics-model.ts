import { OrganisationKind } from '../common/organisation-kind';
import { ServiceKind } from '../providers/service-kind';
import {
  CancelReason,
  CompletionOutcome,
  EndReason,
  RejectReason,
} from '../referrals/referral-codes';
import { OPEN_STATES, ReferralState, SENT_STATES } from '../common/referral-states';
import type {
  CapacityUseDto,
  CountCellDto,
  MedianDto,
  OrganisationMonthTableDto,
  OutcomeGroupDto,
  RateDto,
  ReferralStatisticsDto,
  ServiceMonthTableDto,
} from './dto/referral-statistics.dto';
import { DisclosureCheck } from './dto/referral-statistics.dto';
import type {
  DurationCount,
  DurationMeasure,
  StatisticsFigures,
  StatisticsScope,
} from './statistics.repository';
import { auditedStep, type StepOutcome } from './disclosure-audit';
import {
  MIN_PUBLISHED_COUNT,
  type Bound,
  type DisclosureAudit,
  type DisclosureProblem,
  type Relation,
  type ValueRole,
} from './suppression';

/**
 * The statistics of one scope as one disclosure-control problem (docs/architecture/0012): every
 * figure any year's response publishes — the state and outcome counts, the bases of the rate and
 * the medians, both month tables with their margins — for every year at once, tied together by
 * what a reader knows: the margins, the bounds between the tables (a referral requests at least
 * one service and a service at most once), and the capacity figures (open referrals now, whenever
 * sent), which are published unsuppressed and link the years. One step decides it all; a response
 * is one year's slice of the result.
 */

/** The code under which an ended referral counts when its reason may not be counted. */
export const NOT_RELEASED = 'not_released';
/** A closed referral without a code, or with one outside today's vocabulary. */
export const UNSPECIFIED = 'unspecified';

const S = ReferralState;
const CLOSED_CODES: ReadonlyMap<ReferralState, readonly string[]> = new Map<
  ReferralState,
  readonly string[]
>([
  [S.Completed, Object.values(CompletionOutcome)],
  [S.Ended, Object.values(EndReason)],
  [S.Rejected, Object.values(RejectReason)],
  [S.Cancelled, Object.values(CancelReason)],
]);
/** The states of a referral accepted at some time, but the cancelled ones (counted apart). */
const ACCEPTED_STATES: readonly ReferralState[] = [
  S.Accepted,
  S.InProgress,
  S.OnHold,
  S.Completed,
  S.Ended,
];
const SERVICES = Object.values(ServiceKind);

/** The values of one problem, what they are to the reader, and what ties them. */
class Problem {
  readonly values: number[] = [];
  readonly roles: ValueRole[] = [];
  readonly relations: Relation[] = [];
  readonly bounds: Bound[] = [];

  add(value: number, role: ValueRole = 'cell'): number {
    this.values.push(value);
    this.roles.push(role);
    return this.values.length - 1;
  }

  /** A new value that is the sum of `parts`. */
  sum(parts: number[], role: ValueRole = 'cell'): number {
    const total = this.add(
      parts.reduce((s, i) => s + this.values[i], 0),
      role,
    );
    this.relations.push({ total, parts });
    return total;
  }

  /** A bound Σ lower ≤ Σ upper, kept only when the figures obey it (so a reader can know it). */
  atMost(lower: number[], upper: number[]): void {
    const sum = (at: number[]) => at.reduce((s, i) => s + this.values[i], 0);
    if (sum(lower) <= sum(upper)) this.bounds.push({ lower, upper });
  }
}

interface YearSlots {
  year: number;
  states: number[];
  total: number;
  outcomes: Map<ReferralState, { codes: string[]; slots: number[] }>;
  accepted: number;
  decided: number;
  closedAfterAcceptance: number;
  firstContacts: number;
  counterparts: { id: string; cells: number[]; total: number }[];
  monthTotals: number[];
  services: { cells: number[]; total: number }[];
  serviceMonthTotals: number[];
  serviceTotal: number;
}

/** The months of a year, `YYYY-01` to `YYYY-12`. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** A scope's disclosure-control step before it runs, and how its outcome is published. */
export interface StatisticsStep {
  readonly problem: DisclosureProblem;
  publish(outcome: StepOutcome, computedAt: Date): ScopeStatistics;
}

/** Every year's statistics of a scope, as published: computed once per version of the figures. */
export class ScopeStatistics {
  private constructor(
    private readonly scope: StatisticsScope,
    private readonly figures: StatisticsFigures,
    private readonly problem: Problem,
    private readonly slots: Map<number, YearSlots>,
    private readonly hidden: boolean[],
    readonly computedAt: Date,
    /** `incomplete`: the audit's budget ran out and the step hid every cell (failed closed). */
    readonly disclosureCheck: DisclosureCheck,
  ) {}

  /**
   * The scope's figures laid out as one disclosure-control step, not yet run: its problem is
   * plain data, so that the step can run on the audit's worker thread (`disclosure-thread.ts`).
   */
  static step(scope: StatisticsScope, figures: StatisticsFigures): StatisticsStep {
    const problem = new Problem();
    const years = [...new Set(figures.states.map((s) => s.year))].sort((a, b) => a - b);
    const slots = new Map(years.map((year) => [year, yearSlots(problem, scope, figures, year)]));
    linkYearsByCapacity(problem, scope, figures, slots);
    const { values, roles, relations, bounds } = problem;
    return {
      problem: { values, roles, relations, bounds },
      publish: (outcome, computedAt) =>
        new ScopeStatistics(
          scope,
          figures,
          problem,
          slots,
          outcome.hidden,
          computedAt,
          // The step fails closed (hides every cell) exactly when it finds the audit's budget
          // spent: that answer is what the response reports as an incomplete check.
          outcome.failedClosed ? DisclosureCheck.Incomplete : DisclosureCheck.Complete,
        ),
    };
  }

  /** The step run here, on the calling thread, with `audit` (tests and scripts). */
  static compute(
    scope: StatisticsScope,
    figures: StatisticsFigures,
    audit: DisclosureAudit,
    computedAt: Date,
  ): ScopeStatistics {
    const step = ScopeStatistics.step(scope, figures);
    return step.publish(auditedStep(step.problem, audit), computedAt);
  }

  private readonly json = new Map<number, string>();

  /** One year's response as JSON text, written once per computed result. */
  yearJson(year: number): string {
    let text = this.json.get(year);
    if (text === undefined) {
      text = JSON.stringify(this.year(year));
      this.json.set(year, text);
    }
    return text;
  }

  /** The statistics of one year as the response publishes them. */
  year(year: number): ReferralStatisticsDto {
    const slots = this.slots.get(year);
    const months = monthsOf(year);
    const cell = (i: number | undefined): CountCellDto =>
      i === undefined
        ? { count: 0, suppressed: false }
        : this.hidden[i]
          ? { count: null, suppressed: true }
          : { count: this.problem.values[i], suppressed: false };
    const zeros = months.map(() => cell(undefined));
    const jobcenter = this.scope.kind === 'jobcenter';
    const byOutcome: OutcomeGroupDto[] = [...CLOSED_CODES.keys()].map((state) => {
      const group = slots?.outcomes.get(state);
      const codes = group?.codes ?? outcomeCodes(this.scope, state);
      return {
        state,
        total: cell(slots?.states[SENT_STATES.indexOf(state)]),
        outcomes: codes.map((outcome, k) => ({
          outcome,
          ...cell(group?.slots[k]),
          releasedOnly:
            jobcenter && state === S.Ended && outcome !== NOT_RELEASED && outcome !== UNSPECIFIED,
        })),
      };
    });
    const counterparts: OrganisationMonthTableDto = {
      rows: (slots?.counterparts ?? [])
        .map((row) => ({
          organisationId: row.id,
          organisationName: this.figures.counterparts.get(row.id) ?? '',
          cells: row.cells.map(cell),
          total: cell(row.total),
        }))
        .sort(
          (a, b) =>
            a.organisationName.localeCompare(b.organisationName) ||
            a.organisationId.localeCompare(b.organisationId),
        ),
      columnTotals: slots ? slots.monthTotals.map(cell) : zeros,
      total: cell(slots?.total),
    };
    const services: ServiceMonthTableDto = {
      rows: SERVICES.map((service, r) => ({
        service,
        cells: slots ? slots.services[r].cells.map(cell) : zeros,
        total: cell(slots?.services[r].total),
      })),
      columnTotals: slots ? slots.serviceMonthTotals.map(cell) : zeros,
      total: cell(slots?.serviceTotal),
    };
    const durations = this.figures.durations.filter((d) => d.year === year);
    const median = (
      measure: DurationMeasure,
      basis: number | undefined,
      releasedOnly: boolean,
    ): MedianDto => {
      const base = cell(basis);
      const published = !base.suppressed && (base.count ?? 0) > 0;
      return {
        days: published ? medianOf(durations.filter((d) => d.measure === measure)) : null,
        suppressed: !published,
        basis: base,
        releasedOnly,
      };
    };
    const accepted = cell(slots?.accepted);
    const decided = cell(slots?.decided);
    const rated = !accepted.suppressed && !decided.suppressed && (decided.count ?? 0) > 0;
    const acceptanceRate: RateDto = {
      rate: rated ? Math.round(((accepted.count ?? 0) / decided.count!) * 1000) / 1000 : null,
      suppressed: !rated,
      accepted,
      decided,
    };
    return {
      perspective: jobcenter ? OrganisationKind.Jobcenter : OrganisationKind.Provider,
      year,
      from: months[0],
      to: months[11],
      months,
      minimumCount: MIN_PUBLISHED_COUNT,
      disclosureCheck: this.disclosureCheck,
      computedAt: this.computedAt.toISOString(),
      byState: {
        items: SENT_STATES.map((state, i) => ({ state, ...cell(slots?.states[i]) })),
        total: cell(slots?.total),
      },
      byOutcome,
      ...(jobcenter ? { byProviderAndMonth: counterparts } : { byJobcenterAndMonth: counterparts }),
      byServiceAndMonth: services,
      acceptanceRate,
      medianDaysToAcceptance: median('acceptance', slots?.accepted, false),
      medianDaysToFirstContact: median('first_contact', slots?.firstContacts, jobcenter),
      medianDaysToClosure: median('closure', slots?.closedAfterAcceptance, false),
      capacityUse: this.figures.capacity.map((c): CapacityUseDto => ({
        ...c,
        share: Math.round((c.openReferrals / c.capacity) * 1000) / 1000,
      })),
    };
  }
}

/** The outcome codes a group lists (every one, always, so that a missing code says nothing). */
function outcomeCodes(scope: StatisticsScope, state: ReferralState): string[] {
  return [
    ...CLOSED_CODES.get(state)!,
    ...(state === S.Ended && scope.kind === 'jobcenter' ? [NOT_RELEASED] : []),
    UNSPECIFIED,
  ];
}

/** Adds one year's figures to the problem and answers where they sit. */
function yearSlots(
  problem: Problem,
  scope: StatisticsScope,
  figures: StatisticsFigures,
  year: number,
): YearSlots {
  const rows = figures.states.filter((s) => s.year === year);
  const count = (filter: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((sum, r) => sum + r.n, 0);
  const at = (state: ReferralState) => SENT_STATES.indexOf(state);

  // By state, and the closed states by outcome (each group adds up to its state).
  const states = SENT_STATES.map((state) => problem.add(count((r) => r.state === state)));
  const total = problem.sum(states);
  const outcomes = new Map<ReferralState, { codes: string[]; slots: number[] }>();
  for (const state of CLOSED_CODES.keys()) {
    const codes = outcomeCodes(scope, state);
    const counts = codes.map(() => 0);
    const put = (code: string | null, n: number) => {
      const k = code === null ? -1 : codes.indexOf(code);
      counts[k >= 0 && code !== NOT_RELEASED ? k : codes.indexOf(UNSPECIFIED)] += n;
    };
    if (state === S.Ended) {
      const hidden = codes.indexOf(NOT_RELEASED);
      for (const e of figures.endReasons.filter((x) => x.year === year)) {
        // A provider reads all of its own reasons; an end without one is `unspecified`.
        if (e.released || hidden < 0) put(e.reason, e.n);
        else counts[hidden] += e.n;
      }
      // An erased referral stays in the aggregates, but its reason went with its history
      // (ADR 0020): it counts as not released (for its author, unspecified).
      const missing = count((r) => r.state === state) - counts.reduce((s, n) => s + n, 0);
      if (missing > 0) counts[hidden >= 0 ? hidden : codes.indexOf(UNSPECIFIED)] += missing;
    } else {
      for (const r of rows.filter((x) => x.state === state)) put(r.outcome || null, r.n);
    }
    const slots = counts.map((n) => problem.add(n));
    problem.relations.push({ total: states[at(state)], parts: slots });
    outcomes.set(state, { codes, slots });
  }

  // The bases of the rate and the medians, tied to the states through the cancellations before
  // and after acceptance (never published themselves; protected when small).
  const cancelled = (accepted: boolean) =>
    problem.add(
      count((r) => r.state === S.Cancelled && r.accepted === accepted),
      'derived',
    );
  const cancelledBefore = cancelled(false);
  const cancelledAfter = cancelled(true);
  problem.relations.push({
    total: states[at(S.Cancelled)],
    parts: [cancelledBefore, cancelledAfter],
  });
  const accepted = problem.sum([...ACCEPTED_STATES.map((s) => states[at(s)]), cancelledAfter]);
  const decided = problem.sum([accepted, states[at(S.Rejected)]]);
  const closedAfterAcceptance = problem.sum([
    states[at(S.Completed)],
    states[at(S.Ended)],
    cancelledAfter,
  ]);
  const firstContacts = problem.add(
    figures.durations
      .filter((d) => d.year === year && d.measure === 'first_contact')
      .reduce((s, d) => s + d.n, 0),
  );
  problem.atMost([firstContacts], [accepted]);

  // Referrals by counterpart and month, with the margins; the grand total is `total`.
  const months = monthsOf(year);
  const monthRows = figures.months.filter((m) => m.month.startsWith(`${year}-`));
  const ids = [...new Set(monthRows.map((m) => m.counterpartId))];
  const counterparts = ids.map((id) => {
    const cells = months.map((month) =>
      problem.add(
        monthRows
          .filter((m) => m.counterpartId === id && m.month === month)
          .reduce((s, m) => s + m.n, 0),
      ),
    );
    return { id, cells, total: problem.sum(cells) };
  });
  const monthTotals = months.map((_, c) => problem.sum(counterparts.map((row) => row.cells[c])));
  problem.relations.push({ total, parts: counterparts.map((row) => row.total) });
  problem.relations.push({ total, parts: monthTotals });

  // Requested services by month: every referral requests at least one service and each at most
  // once, so a service's month is at most the month's referrals, and the month's requests at
  // least as many as its referrals.
  const serviceRows = figures.services.filter((s) => s.month.startsWith(`${year}-`));
  const services = SERVICES.map((service) => {
    const cells = months.map((month) =>
      problem.add(
        serviceRows
          .filter((s) => s.service === service && s.month === month)
          .reduce((sum, s) => sum + s.n, 0),
      ),
    );
    return { cells, total: problem.sum(cells) };
  });
  const serviceMonthTotals = months.map((_, c) => problem.sum(services.map((row) => row.cells[c])));
  const serviceTotal = problem.sum(services.map((row) => row.total));
  problem.relations.push({ total: serviceTotal, parts: serviceMonthTotals });
  months.forEach((_, c) => {
    for (const row of services) problem.atMost([row.cells[c]], [monthTotals[c]]);
    problem.atMost([monthTotals[c]], [serviceMonthTotals[c]]);
  });

  return {
    year,
    states,
    total,
    outcomes,
    accepted,
    decided,
    closedAfterAcceptance,
    firstContacts,
    counterparts,
    monthTotals,
    services,
    serviceMonthTotals,
    serviceTotal,
  };
}

/**
 * The capacity figures (open referrals per contract now, whenever sent; published unsuppressed,
 * as booking needs them) tie the years together: a counterpart's open referrals now are those
 * sent in each year and still open, each at most its referrals of that year, and a year's open
 * referrals are its states `requested` to `on_hold`. A reader is assumed to know all open
 * referrals of a counterpart with a listed contract (more than the listed contracts' sum when
 * some are open under another), which can only make the step suppress more.
 */
function linkYearsByCapacity(
  problem: Problem,
  scope: StatisticsScope,
  figures: StatisticsFigures,
  slots: Map<number, YearSlots>,
): void {
  const listed = new Set(
    figures.capacity.map((c) => (scope.kind === 'jobcenter' ? c.providerId : c.jobcenterId)),
  );
  const openOf = new Map<string, number[]>();
  for (const year of slots.values()) {
    const open = (id: string) =>
      figures.states
        .filter(
          (s) => s.year === year.year && s.counterpartId === id && OPEN_STATES.includes(s.state),
        )
        .reduce((sum, s) => sum + s.n, 0);
    const perCounterpart = year.counterparts.map((row) => {
      const u = problem.add(open(row.id), 'aux');
      problem.atMost([u], [row.total]);
      openOf.set(row.id, [...(openOf.get(row.id) ?? []), u]);
      return u;
    });
    const openStates = OPEN_STATES.map((s) => year.states[SENT_STATES.indexOf(s)]);
    const sum = problem.sum(openStates, 'aux');
    problem.relations.push({ total: sum, parts: perCounterpart });
  }
  for (const [id, parts] of openOf) {
    if (listed.has(id)) problem.sum(parts, 'fixed');
  }
}

/** The median of the durations (whole days), as `percentile_cont(0.5)`: halfway between two. */
function medianOf(counts: DurationCount[]): number | null {
  const sorted = [...counts].sort((a, b) => a.days - b.days);
  const n = sorted.reduce((s, d) => s + d.n, 0);
  if (n === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const d of sorted) {
      seen += d.n;
      if (k < seen) return d.days;
    }
    return sorted[sorted.length - 1].days;
  };
  const position = (n - 1) / 2;
  const value = (at(Math.floor(position)) + at(Math.ceil(position))) / 2;
  return Math.round(value * 10) / 10;
}
