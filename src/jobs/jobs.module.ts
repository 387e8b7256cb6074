import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdentityModule } from '../identity/identity.module';
import { JobRunner } from './job-runner.service';
import { MaintenanceJobs } from './maintenance-jobs.service';

/** Background jobs (ADR 0019): the runner (pg-boss, or timers), the maintenance run and the retention sweep. */
@Module({
  imports: [IdentityModule, IdempotencyModule, EventsModule, ConsentModule, DataProtectionModule],
  providers: [MaintenanceJobs, JobRunner],
  exports: [MaintenanceJobs, JobRunner],
})
export class JobsModule {}
