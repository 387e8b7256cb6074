import { Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module';
import { ClientsModule } from '../clients/clients.module';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { MfaModule } from '../mfa/mfa.module';
import { ProvidersModule } from '../providers/providers.module';
import { PartnersModule } from '../partners/partners.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { DemoCasesService } from './demo-cases.service';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [
    DatabaseModule,
    IdentityModule,
    ClientsModule,
    ProvidersModule,
    ReferralsModule,
    ConsentModule,
    PartnersModule,
    MfaModule,
  ],
  providers: [DemoDataService, DemoCasesService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
