import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AppointmentsModule } from './appointments/appointments.module';
import { AuditModule } from './audit/audit.module';
import { BillingModule } from './billing/billing.module';
import { AuthModule } from './authentication/auth.module';
import { ClientsModule } from './clients/clients.module';
import { ConfidentialityModule } from './confidentiality/confidentiality.module';
import { ConsentModule } from './consent/consent.module';
import type { AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { DemoDataModule } from './demo-data/demo-data.module';
import { EventsModule } from './events/events.module';
import { JobsModule } from './jobs/jobs.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { LabelsModule } from './labels/labels.module';
import { loggerOptions } from './logging/logger-options';
import { MetricsModule } from './metrics/metrics.module';
import { ProvidersModule } from './providers/providers.module';
import { PartnersModule } from './partners/partners.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReportingModule } from './reporting/reporting.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({})
export class AppModule {
  /** The app, built from an already validated configuration (see `loadConfig`). */
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => ({ ...config })],
        }),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        HealthModule,
        LabelsModule,
        MetricsModule,
        IdentityModule,
        ConfidentialityModule,
        ProvidersModule,
        PartnersModule,
        ReferralsModule,
        StatisticsModule,
        BillingModule,
        ReportingModule,
        AppointmentsModule,
        ClientsModule,
        ConsentModule,
        DataProtectionModule,
        AuditModule,
        EventsModule,
        JobsModule,
        AuthModule,
        DemoDataModule,
      ],
    };
  }
}
