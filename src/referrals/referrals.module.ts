import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { IdentityModule } from '../identity/identity.module';
import { ProvidersModule } from '../providers/providers.module';
import { EventsModule } from '../events/events.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { ReferralActionsController } from './referral-actions.controller';
import { ReferralRepository } from './referral.repository';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { WorklistController } from './worklist.controller';
import { WorklistRepository } from './worklist.repository';
import { WorklistService } from './worklist.service';

/** Referrals, their state machine and history, assignments and activities; availability; the worklist. */
@Module({
  imports: [
    AuditModule,
    IdentityModule,
    ClientsModule,
    ProvidersModule,
    ConfidentialityModule,
    EventsModule,
  ],
  controllers: [
    AvailabilityController,
    ReferralsController,
    ReferralActionsController,
    ActivitiesController,
    WorklistController,
  ],
  providers: [
    ReferralRepository,
    ReferralsService,
    ActivitiesService,
    AvailabilityService,
    WorklistRepository,
    WorklistService,
  ],
  exports: [ReferralsService, ActivitiesService],
})
export class ReferralsModule {}
