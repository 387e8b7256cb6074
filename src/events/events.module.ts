import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EventDispatcher } from './event-dispatcher.service';
import { EventsController } from './events.controller';
import { EventsMetrics } from './events-metrics';
import { EventsService } from './events.service';
import { Outbox } from './outbox.service';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/**
 * Events (docs/architecture/0019-outbox-webhooks-event-feed.md): the transactional outbox other
 * modules write to (`Outbox`), the dispatcher that delivers after commit, the event feed and
 * the webhook subscriptions.
 */
@Module({
  imports: [AuditModule],
  controllers: [EventsController, WebhookSubscriptionsController],
  providers: [Outbox, EventDispatcher, EventsService, WebhookSubscriptionsService, EventsMetrics],
  exports: [Outbox, EventDispatcher, EventsService],
})
export class EventsModule {}
