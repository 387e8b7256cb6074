import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventsModule } from '../events/events.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

/**
 * Appointments of clients with their case managers and the providers' accompaniment to them
 * (ADR 0021), on the referral's case access and the disclosure policy.
 */
@Module({
  imports: [AuditModule, IdempotencyModule, ReferralsModule, EventsModule],
  controllers: [AppointmentsController],
  providers: [AppointmentRepository, AppointmentsService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
