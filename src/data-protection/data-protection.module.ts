import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { EventsModule } from '../events/events.module';
import { DataProtectionController } from './data-protection.controller';
import { ErasureRepository } from './erasure.repository';
import { DataCopyRepository } from './data-copy.repository';
import { DataCopyService } from './data-copy.service';
import { ErasureService } from './erasure.service';
import { RetentionPolicy } from './retention-policy.entity';
import { RetentionPolicyService } from './retention-policy.service';

/**
 * The data-protection lifecycle (issue 20, ADR 0020): the retention schedule, erasure on request
 * and by the retention sweep. Restriction lives with the client (clients module), its guard in
 * confidentiality.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RetentionPolicy]),
    AuditModule,
    ConfidentialityModule,
    EventsModule,
  ],
  controllers: [DataProtectionController],
  providers: [
    ErasureRepository,
    DataCopyRepository,
    DataCopyService,
    ErasureService,
    RetentionPolicyService,
  ],
  exports: [ErasureService],
})
export class DataProtectionModule {}
