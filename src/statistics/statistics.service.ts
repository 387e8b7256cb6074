import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { todayInGermany } from '../common/calendar';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { OrganisationKind } from '../common/organisation-kind';
import type { ReferralStatisticsDto } from './dto/referral-statistics.dto';
import {
  CsvSeparator,
  StatisticsTable,
  type ReferralStatisticsQueryDto,
} from './dto/referral-statistics-query.dto';
import { DisclosureThread } from './disclosure-thread';
import { GERMAN_SPREADSHEET, RFC_4180, statisticsCsv } from './statistics-csv';
import { ScopeStatistics } from './statistics-model';
import { scopeId, StatisticsRepository, type StatisticsScope } from './statistics.repository';

/**
 * How many computations of statistics run at once in one process. A computation reads the
 * aggregates and the live consent figures in one snapshot and solves the disclosure-control
 * step; the others wait for it, so that a dashboard refreshed by several leads at once holds at
 * most this many database connections and CPU turns, and the other routes keep theirs.
 */
export const STATISTICS_COMPUTATIONS_AT_ONCE = 1;

/**
 * How many statistics requests one process serves at once; the others wait their turn without
 * taking CPU. A served request is cheap (one indexed row, then a slice of the computed result),
 * but its answer is tens of kilobytes of JSON: 32 connections refreshing statistics without
 * this bound took 70 % of the referral read's throughput (BENCHMARKS.md).
 */
export const STATISTICS_REQUESTS_AT_ONCE = 1;

/** A computed scope, valid while its version is the scope's and until `validUntil`. */
interface Computed {
  version: string;
  validUntil: number;
  statistics: Promise<ScopeStatistics>;
}

/**
 * Aggregate statistics of referrals for a jobcenter's lead (its own referrals) and a provider's
 * lead (the referrals sent to it), per calendar year (docs/architecture/0012).
 *
 * The figures of a scope are computed for all its years at once (one disclosure-control step,
 * `statistics-model.ts`) and kept in memory under the version of the scope's statistics, which
 * the database moves in every transaction that changes what they count (triggers: referrals,
 * their ends, consents, contracts, names). A request reads that version (one indexed row) and
 * reuses the result while it is current, while no consent it depends on starts or ends by time
 * alone, and within the hour (the contracts valid today change with the day); otherwise it
 * computes anew.
 * So a revocation counts from the very next request, on every instance.
 */
@Injectable()
export class StatisticsService implements OnModuleDestroy {
  private readonly computed = new Map<string, Computed>();
  /** The disclosure-control steps run here, off the event loop (ADR 0012, "The audit's thread"). */
  private readonly thread = new DisclosureThread();
  private readonly gate = new Gate(STATISTICS_COMPUTATIONS_AT_ONCE);
  private readonly requests = new Gate(STATISTICS_REQUESTS_AT_ONCE);

  constructor(private readonly repository: StatisticsRepository) {}

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }

  referralStatistics(
    actor: Actor,
    query: ReferralStatisticsQueryDto,
    now: Date = new Date(),
  ): Promise<ReferralStatisticsDto> {
    return this.requests.run(() => this.statisticsFor(actor, query, now));
  }

  /**
   * The same as JSON text: a result's year is serialized once, not per request (a dashboard
   * refreshed by many asks for the same text again and again).
   */
  referralStatisticsJson(
    actor: Actor,
    query: ReferralStatisticsQueryDto,
    now: Date = new Date(),
  ): Promise<string> {
    return this.requests.run(async () => {
      const scope = scopeOf(actor);
      return (await this.statisticsOf(scope, now)).yearJson(yearOf(query, now));
    });
  }

  private async statisticsFor(
    actor: Actor,
    query: ReferralStatisticsQueryDto,
    now: Date,
  ): Promise<ReferralStatisticsDto> {
    const scope = scopeOf(actor);
    return (await this.statisticsOf(scope, now)).year(yearOf(query, now));
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
    const statistics = await this.requests.run(() => this.statisticsFor(actor, query, now));
    const dialect = query.separator === CsvSeparator.Semicolon ? GERMAN_SPREADSHEET : RFC_4180;
    return {
      filename: `referrals-${table}-${statistics.year}.csv`,
      body: statisticsCsv(statistics, table, dialect),
    };
  }

  private async statisticsOf(scope: StatisticsScope, now: Date): Promise<ScopeStatistics> {
    const key = scopeId(scope);
    const version = await this.repository.version(scope);
    const current = this.computed.get(key);
    if (current && current.version === version && now.getTime() < current.validUntil) {
      return current.statistics;
    }
    const entry: Computed = {
      version,
      validUntil: Number.POSITIVE_INFINITY,
      statistics: this.gate.run(async () => {
        const today = todayInGermany(now);
        const figures = await this.repository.figures(scope, today);
        // The version read in the snapshot: a change committed after it moves the version on.
        entry.version = figures.version;
        entry.validUntil = Math.min(
          figures.consentChangesAt?.getTime() ?? Number.POSITIVE_INFINITY,
          nextHour(now),
        );
        const step = ScopeStatistics.step(scope, figures);
        return step.publish(await this.thread.run(step.problem), now);
      }),
    };
    this.computed.set(key, entry);
    try {
      return await entry.statistics;
    } catch (error) {
      if (this.computed.get(key) === entry) this.computed.delete(key);
      throw error;
    }
  }
}

/** The year asked for; default: the current one in Europe/Berlin. */
function yearOf(query: ReferralStatisticsQueryDto, now: Date): number {
  return query.year ? Number(query.year) : Number(todayInGermany(now).slice(0, 4));
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

/** The start of the next hour: the day (and with it the contracts valid today) changes on one. */
function nextHour(now: Date): number {
  return (Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000;
}

/** At most `size` tasks at once; the others wait in order. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
