import { EventsModule } from '../events/events.module';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { ClientConsentsController } from './client-consents.controller';
import { ConsentTemplateRepository } from './consent-template.repository';
import { ConsentTemplatesController } from './consent-templates.controller';
import { ConsentTemplatesService } from './consent-templates.service';
import { ConsentRepository } from './consent.repository';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';

/**
 * Consent templates, consent records, their grants and revocations. What is in force is the
 * disclosure policy's answer (confidentiality), which reads these tables.
 */
@Module({
  imports: [AuditModule, ConfidentialityModule, EventsModule],
  controllers: [ConsentTemplatesController, ClientConsentsController, ConsentsController],
  providers: [
    ConsentTemplateRepository,
    ConsentRepository,
    ConsentTemplatesService,
    ConsentsService,
  ],
  exports: [ConsentsService, ConsentTemplatesService],
})
export class ConsentModule {}
