import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProvidersModule } from '../providers/providers.module';
import { StatementRepository } from './statement.repository';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

/**
 * Billing statements per contract and month (ADR 0023). Owns the statements and their lines;
 * reads contracts through `ContractsService`, and the referrals' history and the reports'
 * submissions through the SQL their modules publish.
 */
@Module({
  imports: [AuditModule, ProvidersModule],
  controllers: [StatementsController],
  providers: [StatementRepository, StatementsService],
  exports: [StatementsService],
})
export class BillingModule {}
