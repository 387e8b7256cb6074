import { EventsModule } from '../events/events.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { ReportRepository } from './report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Provider reports, sectioned by data category, read through the disclosure policy. */
@Module({
  imports: [AuditModule, ConfidentialityModule, IdempotencyModule, ReferralsModule, EventsModule],
  controllers: [ReportsController],
  providers: [ReportRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportingModule {}
