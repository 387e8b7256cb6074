import {
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PgBoss, type Job } from 'pg-boss';
import { DataSource } from 'typeorm';
import { JOB_SCHEMA } from '../common/database/job-schema';
import { SerialTimer } from '../common/scheduling/serial-timer';
import { AuditSealer } from '../audit/audit-sealer.service';
import type { AppConfig } from '../config/app-config';
import { ErasureService } from '../data-protection/erasure.service';
import { Metrics } from '../metrics/metrics.service';
import { MaintenanceJobs } from './maintenance-jobs.service';

/** A job's payload: ids only, never content (names, texts, categories, reasons). */
export type JobData = Readonly<Record<string, string>>;

/** One kind of background job (docs/recipes.md, "Add a scheduled job"). */
export interface JobDefinition {
  /** The queue's name; its dead-letter queue is `<name>.dead`. */
  name: string;
  /** One run. Throwing fails the attempt: it is retried with backoff, then dead-lettered. */
  handler: (job: { id: string; data: JobData }) => Promise<unknown>;
  /** Recurring (pg-boss: cron, UTC, once per occurrence across instances; timer: every JOBS_INTERVAL_MS). */
  cron?: string;
  /** Attempts after the first (default 3). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled each attempt with jitter (default 30), capped at 1 hour. */
  retryDelaySeconds?: number;
  /**
   * A chain rather than a schedule: each run queues the next to start this many seconds after it
   * (pg-boss: policy `stately`, so one run is queued and one active across all instances, and
   * `cron` only restarts a chain that was lost); on the timer fallback, a timer of this period
   * in every instance. Its worker polls every half second (pg-boss's minimum).
   */
  repeatSeconds?: number;
}

/** The queue of the scheduled pruning and consent-expiry run (`MaintenanceJobs.run`). */
export const MAINTENANCE_JOB = 'maintenance';

/**
 * The queue of the audit sealer (`AuditSealer.sealPending`, ADR 0003 and 0019): a chain of runs
 * `JOBS_AUDIT_SEAL_INTERVAL_MS` apart, one at a time across all instances, restarted every minute
 * if lost. The chain head's row lock still serialises it with the sealing each instance does at
 * shutdown and before a verification.
 */
export const AUDIT_SEAL_JOB = 'audit-seal';

/** The cron that restarts a lost chain (`repeatSeconds`): pg-boss's finest, every minute. */
const CHAIN_RESTART_CRON = '* * * * *';

/** pg-boss's shortest worker polling interval (seconds). */
const FASTEST_POLL_SECONDS = 0.5;

/** Waits between attempts to start pg-boss that failed: 2 s, doubling to at most 30 s. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/**
 * The queue of the retention sweep (`ErasureService.sweep`, ADR 0020). A job sent by hand may
 * carry `at` (milliseconds since 1970: the sweep's clock) and `jobcenterId` (that jobcenter's
 * clients only).
 */
export const RETENTION_SWEEP_JOB = 'retention-sweep';

/** Ids: UUIDs, or digits (cursors, sequences). Anything else is refused as a payload value. */
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{1,20})$/i;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What a run is told of its job. */
type Attempt = Pick<Job<JobData>, 'id' | 'data' | 'retryCount'>;

/** Queue depth and failures of one queue, as the status line logs them. */
export interface QueueStatus {
  name: string;
  queued: number;
  active: number;
  failed: number;
  deadLettered: number;
}

/**
 * Runs the background jobs (docs/architecture/0019-outbox-webhooks-event-feed.md, "Jobs on
 * pg-boss"). `JOBS_RUNNER=pg-boss` (default): PgBoss on the app's own database, real PostgreSQL
 * or the embedded PGlite through the same loopback socket the app's pool uses, in its own schema
 * `pgboss` (created and migrated by pg-boss at start, outside our migrations); each job a queue
 * with retries, exponential backoff and a dead-letter queue; recurring jobs on pg-boss's cron,
 * which sends one job per occurrence however many instances run; queue depth and failures logged
 * every `JOBS_STATUS_INTERVAL_MS`. `JOBS_RUNNER=timer`: the fallback, each recurring job on an
 * in-process timer of every instance, a failure logged and retried next interval (no queue, no
 * dead letter). `JOBS_INTERVAL_MS=0`: neither (tests run the jobs themselves).
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly settings: AppConfig['jobs'];
  private readonly definitions = new Map<string, JobDefinition>();
  private boss: PgBoss | undefined;
  private statusTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  /** The timer fallback: every recurring job, one after another, each `JOBS_INTERVAL_MS`. */
  private readonly fallback = new SerialTimer(this.logger, 'Jobs');
  /** The timer fallback of each chain (`repeatSeconds`): a timer of its own period. */
  private readonly chainTimers: SerialTimer[] = [];
  private readonly counts = { completed: 0, failed: 0 };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
    maintenance: MaintenanceJobs,
    erasure: ErasureService,
    sealer: AuditSealer,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.settings = config.get('jobs', { infer: true });
    this.definitions.set(MAINTENANCE_JOB, {
      name: MAINTENANCE_JOB,
      cron: this.settings.maintenanceCron,
      handler: () => maintenance.run(new Date()),
    });
    this.definitions.set(RETENTION_SWEEP_JOB, {
      name: RETENTION_SWEEP_JOB,
      cron: this.settings.retentionCron,
      handler: ({ data }) =>
        erasure.sweep(
          data.at ? new Date(Number(data.at)) : new Date(),
          data.jobcenterId ? { jobcenterId: data.jobcenterId } : undefined,
        ),
    });
    this.definitions.set(AUDIT_SEAL_JOB, {
      name: AUDIT_SEAL_JOB,
      cron: CHAIN_RESTART_CRON,
      repeatSeconds: this.settings.auditSealIntervalMs / 1000,
      // A failed run is retried soon: 1 s, doubling, at most a minute (the restart's period).
      retryDelaySeconds: 1,
      // Resolves to the number sealed (pg-boss keeps it as the job's output).
      handler: async () => ({ sealed: await sealer.sealPending() }),
    });
  }

  /** Which runner this instance uses: `pg-boss`, `timer`, or `off`. */
  get kind(): AppConfig['jobs']['runner'] {
    return this.settings.runner;
  }

  /** Whether pg-boss runs on the embedded PGlite (known after start). */
  embedded = false;

  /** Runs (this instance) completed and failed since start. */
  get runs(): Readonly<{ completed: number; failed: number }> {
    return { ...this.counts };
  }

  /** pg-boss itself, for operators' tools and tests; undefined unless the runner is pg-boss. */
  get pgBoss(): PgBoss | undefined {
    return this.boss;
  }

  /** `lotse_job_queue{queue,state}` (docs/operations/metrics.md), read when scraped. */
  onModuleInit(): void {
    this.metrics?.gauge(
      'lotse_job_queue',
      'Jobs per pg-boss queue: queued, active, failed (kept), dead (in its dead-letter queue).',
      ['queue', 'state'],
      async (g) => {
        for (const q of await this.status()) {
          g.set({ queue: q.name, state: 'queued' }, q.queued);
          g.set({ queue: q.name, state: 'active' }, q.active);
          g.set({ queue: q.name, state: 'failed' }, q.failed);
          g.set({ queue: q.name, state: 'dead' }, q.deadLettered);
        }
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.kind === 'off') return;
    if (this.kind === 'timer') {
      this.fallback.start(this.settings.intervalMs, () => this.runRecurring());
      for (const definition of this.definitions.values()) this.startChainTimer(definition);
      this.logger.log(`Jobs run on in-process timers every ${this.settings.intervalMs} ms`);
      return;
    }
    // The first attempt is awaited (a healthy start has its jobs before the app listens); one
    // that fails does not stop the app: an app role that may not create the schema `pgboss`
    // before the migration step has made it, or a database still migrating, is a state to wait
    // out, like readiness does. Later attempts run in the background until one succeeds.
    if (!(await this.tryStart())) this.retryStart(RETRY_FIRST_MS);
  }

  /** Starts pg-boss; false (logged) when it cannot start yet. */
  private async tryStart(): Promise<boolean> {
    try {
      await this.startPgBoss();
      return true;
    } catch (error) {
      this.logger.warn(`Jobs wait: pg-boss did not start (${describe(error)}); trying again`);
      return false;
    }
  }

  private retryStart(delayMs: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.tryStart().then((started) => {
        if (!started && !this.stopping) this.retryStart(Math.min(delayMs * 2, RETRY_MAX_MS));
      });
    }, delayMs);
    this.retryTimer.unref();
  }

  private async startPgBoss(): Promise<void> {
    // PGlite (the embedded database, also the tests' default) names itself in its version.
    const [{ version }] = await this.dataSource.query<{ version: string }[]>(
      'SELECT version() AS version',
    );
    const embedded = version.includes('PGlite');
    this.embedded = embedded;
    // With DB_APP_ROLE the migration step made the schema (the role may not create one).
    const [schema] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM pg_namespace WHERE nspname = $1',
      [JOB_SCHEMA],
    );
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url?: string }).url,
      schema: JOB_SCHEMA,
      createSchema: schema === undefined,
      application_name: 'lotse-jobs',
      max: 2,
      // Completed runs of a chain (`repeatSeconds`) are deleted within minutes, not once a day.
      maintenanceIntervalSeconds: 300,
      // PGlite: one session behind the socket; pg-boss then uses no LISTEN and no parallel DDL.
      backend: embedded ? 'pglite' : 'postgres',
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${describe(error)}`));
    boss.on('warning', (warning) =>
      this.logger.warn(`pg-boss: ${warning.message} ${JSON.stringify(warning.data)}`),
    );
    try {
      await boss.start();
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    if (this.stopping) {
      await boss.stop({ graceful: false });
      return;
    }
    this.boss = boss;
    for (const definition of this.definitions.values()) await this.startQueue(definition);
    if (this.settings.statusIntervalMs > 0) {
      this.statusTimer = setInterval(() => void this.logStatus(), this.settings.statusIntervalMs);
      this.statusTimer.unref();
    }
    this.logger.log(
      `Jobs run on pg-boss (schema pgboss${embedded ? ', embedded database' : ''}): ${[...this.definitions.keys()].join(', ')}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.statusTimer);
    const boss = this.boss;
    this.boss = undefined;
    // Waits for the jobs in progress (up to 10 s; one not finished is retried by another instance).
    if (boss) await boss.stop({ graceful: true, timeout: 10_000 });
    await this.fallback.stop();
    for (const timer of this.chainTimers) await timer.stop();
  }

  /**
   * Adds a kind of job after start (its queue, dead-letter queue, worker and schedule); the
   * jobs of the app itself are defined in the constructor. With the timer, only a recurring job runs.
   */
  async define(definition: JobDefinition): Promise<void> {
    this.definitions.set(definition.name, definition);
    if (this.boss) await this.startQueue(definition);
    if (this.kind === 'timer') this.startChainTimer(definition);
  }

  /** Queues one job now (pg-boss only): `data` holds ids only. Returns the job's id. */
  async send(name: string, data: JobData = {}): Promise<string> {
    for (const [key, value] of Object.entries(data)) {
      if (!ID.test(value))
        throw new Error(`Job ${name}: ${key} is not an id (payloads carry ids only)`);
    }
    if (!this.boss) throw new Error(`Job ${name} cannot be queued: the job runner is ${this.kind}`);
    const id = await this.boss.send(name, data);
    if (id === null) throw new Error(`Job ${name} was not queued`);
    return id;
  }

  /**
   * Queue depth and failures of every job's queue (pg-boss only): pg-boss's counts, at most a
   * minute old (`force`: its monitor's, or counted now).
   */
  async status(): Promise<QueueStatus[]> {
    const boss = this.boss;
    if (!boss) return [];
    const out: QueueStatus[] = [];
    for (const name of this.definitions.keys()) {
      const [stats] = await boss.getQueueStats(name, { force: true });
      const [dead] = await boss.getQueueStats(`${name}.dead`, { force: true });
      out.push({
        name,
        queued: stats?.queuedCount ?? 0,
        active: stats?.activeCount ?? 0,
        failed: stats?.failedCount ?? 0,
        deadLettered: dead?.queuedCount ?? 0,
      });
    }
    return out;
  }

  /** Logs one line of queue depth and failures; a dead-lettered job makes it a warning. */
  async logStatus(): Promise<void> {
    try {
      const queues = await this.status();
      const line = queues
        .map(
          (q) =>
            `${q.name} queued=${q.queued} active=${q.active} failed=${q.failed} dead=${q.deadLettered}`,
        )
        .join('; ');
      const text = `Job queues: ${line} (this instance: ${this.counts.completed} completed, ${this.counts.failed} failed)`;
      if (queues.some((q) => q.deadLettered > 0 || q.failed > 0)) this.logger.warn(text);
      else this.logger.log(text);
    } catch (error) {
      this.logger.warn(`Job status unavailable: ${describe(error)}`);
    }
  }

  private async startQueue(definition: JobDefinition): Promise<void> {
    const boss = this.boss!;
    const dead = `${definition.name}.dead`;
    const chain = definition.repeatSeconds !== undefined;
    // Dead letters are kept 30 days for an operator to read and redrive (`boss.redrive`).
    await boss.createQueue(dead, {
      retentionSeconds: 30 * 86_400,
      deleteAfterSeconds: 30 * 86_400,
    });
    await boss.createQueue(definition.name, {
      // One run at a time across all instances; more occurrences wait their turn. A chain:
      // besides, one queued (a second send, by the cron or another run, is dropped).
      policy: chain ? 'stately' : 'singleton',
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
      retryDelayMax: chain ? 60 : 3600,
      deadLetter: dead,
      // A chain's run is short; one whose instance died is failed (and retried) after a minute.
      expireInSeconds: chain ? 60 : 15 * 60,
      // A chain completes a run a second: its completed runs are kept a minute, not 7 days.
      ...(chain ? { deleteAfterSeconds: 60 } : {}),
    });
    await boss.work<JobData>(
      definition.name,
      { pollingIntervalSeconds: chain ? FASTEST_POLL_SECONDS : 2 },
      async ([job]: Job<JobData>[]) => {
        const result = await this.attempt(definition, job);
        if (chain) await this.queueNext(boss, definition);
        return result;
      },
    );
    if (definition.cron) {
      await boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
    }
    // A chain starts now rather than at the next minute (dropped if one is queued already).
    if (chain) await this.queueNext(boss, definition, 0);
  }

  /**
   * Queues the next run of a chain, `repeatSeconds` from now; pg-boss drops it when one is
   * queued already. A failure is logged: the cron restarts the chain within a minute.
   */
  private async queueNext(boss: PgBoss, definition: JobDefinition, afterSeconds?: number) {
    const startAfter = afterSeconds ?? definition.repeatSeconds ?? 0;
    try {
      await boss.send(definition.name, {}, startAfter > 0 ? { startAfter } : {});
    } catch (error) {
      this.logger.warn(
        `Job ${definition.name}: the next run was not queued (the cron restarts it): ${describe(error)}`,
      );
    }
  }

  /** The timer fallback of a chain: its own timer of `repeatSeconds` in this instance. */
  private startChainTimer(definition: JobDefinition): void {
    if (definition.repeatSeconds === undefined) return;
    const timer = new SerialTimer(this.logger, `Job ${definition.name}`);
    let running = false;
    timer.start(definition.repeatSeconds * 1000, async () => {
      // A run longer than the period is not queued behind: the next tick after it runs.
      if (running) return;
      running = true;
      try {
        await timer.run(() => this.attempt(definition, timerJob).catch(() => undefined));
      } finally {
        running = false;
      }
    });
    this.chainTimers.push(timer);
  }

  private async attempt(definition: JobDefinition, job: Attempt): Promise<unknown> {
    const limit = definition.retryLimit ?? 3;
    try {
      const result = await definition.handler({ id: job.id, data: job.data });
      this.counts.completed += 1;
      return result;
    } catch (error) {
      this.counts.failed += 1;
      const next = !this.boss
        ? 'runs again next interval'
        : job.retryCount >= limit
          ? `moved to ${definition.name}.dead`
          : 'will be retried';
      this.logger.warn(
        `Job ${definition.name} ${job.id} failed (attempt ${job.retryCount + 1} of ${limit + 1}), ${next}: ${describe(error)}`,
      );
      throw error;
    }
  }

  /** One tick of the timer fallback: each recurring job once, a failure logged (no retry, no queue). */
  private runRecurring(): Promise<void> {
    return this.fallback.run(async () => {
      for (const definition of this.definitions.values()) {
        if (definition.cron && definition.repeatSeconds === undefined)
          await this.attempt(definition, timerJob).catch(() => undefined);
      }
    });
  }
}

/** The stand-in job of a timer run: no id of a queue, no retries. */
const timerJob: Attempt = { id: 'timer', data: {}, retryCount: 0 };
