import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainHead } from './audit-chain-head.entity';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEvent } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
import { AuditPending } from './audit-pending.entity';
import { AuditSeal } from './audit-seal.entity';
import { AuditSealer } from './audit-sealer.service';
import { AuditVerifier } from './audit-verifier.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * The audit trail: append-only events sealed into a hash chain. Other modules write through
 * `AuditService`; it depends on no other Lotse module, so any of them may import it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditSeal, AuditPending, AuditChainHead])],
  controllers: [AuditController],
  providers: [AuditEventRepository, AuditChainRepository, AuditService, AuditSealer, AuditVerifier],
  exports: [AuditService],
})
export class AuditModule {}
