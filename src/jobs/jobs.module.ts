import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdentityModule } from '../identity/identity.module';
import { MaintenanceJobs } from './maintenance-jobs.service';

/** Scheduled work of every instance (ADR 0019): pruning, for now. */
@Module({
  imports: [IdentityModule, IdempotencyModule, EventsModule],
  providers: [MaintenanceJobs],
  exports: [MaintenanceJobs],
})
export class JobsModule {}
