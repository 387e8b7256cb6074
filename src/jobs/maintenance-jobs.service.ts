import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SerialTimer } from '../common/scheduling/serial-timer';
import type { AppConfig } from '../config/app-config';
import { ConsentsService } from '../consent/consents.service';
import { EventsService } from '../events/events.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { SessionsService } from '../identity/sessions.service';

/** What one run removed, by kind. */
export interface MaintenanceReport {
  refreshTokens: number;
  sessions: number;
  idempotencyKeys: number;
  events: number;
  /** Consents announced as expiring soon or expired. */
  consentsAnnounced: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Scheduled work (docs/architecture/0019-outbox-webhooks-event-feed.md): pruning of expired
 * refresh tokens and old sessions, idempotency keys after 24 hours, events after their
 * retention; and the consent-expiry events. Each pruning step is one idempotent `DELETE`, the
 * announcements deduplicate on the events table under a lock, so a run in two instances at once
 * is harmless; a failed step is logged and retried next run. `JobRunner` schedules it (job
 * `maintenance`: pg-boss once across instances, or the timer fallback in each instance).
 */
@Injectable()
export class MaintenanceJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MaintenanceJobs.name);
  private readonly retentionDays: number;
  private readonly runs = new SerialTimer(this.logger, 'Maintenance');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly idempotency: IdempotencyService,
    private readonly events: EventsService,
    private readonly consents: ConsentsService,
    config: ConfigService<AppConfig, true>,
  ) {
    // Scheduled by JobRunner (pg-boss, or its timer fallback); `runs` only keeps runs apart.
    this.retentionDays = config.get('events', { infer: true }).retentionDays;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runs.stop();
  }

  /** One run at `now` (the clock is a parameter so that tests can move it). */
  run(now: Date = new Date()): Promise<MaintenanceReport> {
    return this.runs.run(async () => {
      const report: MaintenanceReport = {
        refreshTokens: 0,
        sessions: 0,
        idempotencyKeys: 0,
        events: 0,
        consentsAnnounced: 0,
      };
      await this.step('sessions', async () => {
        Object.assign(report, await this.sessions.prune(this.dataSource.manager, now));
      });
      await this.step('idempotency keys', async () => {
        report.idempotencyKeys = await this.idempotency.prune(now);
      });
      await this.step('events', async () => {
        report.events = await this.events.prune(now, this.retentionDays);
      });
      await this.step('consent expiry', async () => {
        report.consentsAnnounced = await this.consents.announceExpiry(now);
      });
      if (Object.values(report).some((n) => n > 0)) {
        this.logger.log(`Pruned ${JSON.stringify(report)}`);
      }
      return report;
    });
  }

  private async step(name: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(`Pruning ${name} failed: ${describe(error)}`);
    }
  }
}
