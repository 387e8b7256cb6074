import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { AuditChainHead } from './audit-chain-head.entity';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEvent } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
import { AuditMetrics } from './audit-metrics';
import { AuditPending } from './audit-pending.entity';
import { AuditSeal } from './audit-seal.entity';
import { AuditSealer } from './audit-sealer.service';
import { AuditVerifier } from './audit-verifier.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { ClientDisclosuresController } from './client-disclosures.controller';
import { ClientDisclosuresRepository } from './client-disclosures.repository';
import { ClientDisclosuresService } from './client-disclosures.service';
import { DisclosureAudit } from './disclosure-audit.service';

/**
 * The audit trail: append-only events sealed into a hash chain, and the clients' disclosure
 * records read from it. Other modules write through `AuditService`, and record what they
 * disclose of a client through `DisclosureAudit`. It imports only the confidentiality module,
 * which imports no Lotse module, so any module may import this one.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AuditEvent, AuditSeal, AuditPending, AuditChainHead]),
    ConfidentialityModule,
  ],
  controllers: [AuditController, ClientDisclosuresController],
  providers: [
    AuditEventRepository,
    AuditChainRepository,
    AuditService,
    AuditSealer,
    AuditMetrics,
    AuditVerifier,
    ClientDisclosuresRepository,
    ClientDisclosuresService,
    DisclosureAudit,
  ],
  exports: [AuditService, AuditSealer, DisclosureAudit, ClientDisclosuresService],
})
export class AuditModule {}
