import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdentityModule } from '../identity/identity.module';
import { MaintenanceJobs } from './maintenance-jobs.service';

/** Scheduled work of every instance (ADR 0019): pruning and the consent-expiry events. */
@Module({
  imports: [IdentityModule, IdempotencyModule, EventsModule, ConsentModule],
  providers: [MaintenanceJobs],
  exports: [MaintenanceJobs],
})
export class JobsModule {}
