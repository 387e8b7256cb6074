import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { EventsModule } from '../events/events.module';
import {
  OnwardReferralsController,
  ReferralOnwardReferralsController,
} from './onward-referrals.controller';
import { PartnerAgreementsController } from './partner-agreements.controller';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

/**
 * Partner organisations (e.g. a psychiatric clinic): their agreements with jobcenters and the
 * providers' onward referrals to them (docs/architecture/0022).
 */
@Module({
  imports: [AuditModule, ConfidentialityModule, EventsModule],
  controllers: [
    PartnerAgreementsController,
    ReferralOnwardReferralsController,
    OnwardReferralsController,
  ],
  providers: [PartnersRepository, PartnersService],
  exports: [PartnersService],
})
export class PartnersModule {}
