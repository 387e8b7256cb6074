import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsentModule } from '../consent/consent.module';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdentityModule } from '../identity/identity.module';
import { JobRunner } from './job-runner.service';
import { MaintenanceJobs } from './maintenance-jobs.service';

/** Background jobs (ADR 0019): the runner (pg-boss, or timers), the maintenance run, the retention sweep and the audit sealer. */
@Module({
  imports: [
    AuditModule,
    IdentityModule,
    IdempotencyModule,
    EventsModule,
    ConsentModule,
    DataProtectionModule,
  ],
  providers: [MaintenanceJobs, JobRunner],
  exports: [MaintenanceJobs, JobRunner],
})
export class JobsModule {}
