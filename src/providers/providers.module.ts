import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ContractRepository } from './contract.repository';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { ProviderRepository } from './provider.repository';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/**
 * The provider directory (profiles, services, service areas) and the jobcenters' contracts
 * with providers. Referrals book against contracts through `ContractsService`.
 */
@Module({
  imports: [AuditModule],
  controllers: [ProvidersController, ContractsController],
  providers: [ProviderRepository, ContractRepository, ProvidersService, ContractsService],
  exports: [ProvidersService, ContractsService],
})
export class ProvidersModule {}
