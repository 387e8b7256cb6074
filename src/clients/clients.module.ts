import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConfidentialityModule } from '../confidentiality/confidentiality.module';
import { EventsModule } from '../events/events.module';
import { Client } from './client.entity';
import { ClientRepository } from './client.repository';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { ClientRestrictionController } from './client-restriction.controller';
import { ClientRestrictionService } from './client-restriction.service';

/** Client master data, owned by one jobcenter. */
@Module({
  imports: [TypeOrmModule.forFeature([Client]), AuditModule, ConfidentialityModule, EventsModule],
  controllers: [ClientsController, ClientRestrictionController],
  providers: [ClientRepository, ClientsService, ClientRestrictionService],
  exports: [ClientsService],
})
export class ClientsModule {}
