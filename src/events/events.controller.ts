import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { ApiTag } from '../common/openapi/tags';
import { EventFeedDto, EventFeedQueryDto } from './dto/event.dto';
import { EventsService } from './events.service';

@ApiTags(ApiTag.Events)
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /**
   * Read the event feed
   *
   * Your organisation's events after the cursor `after`, oldest first: the same events its
   * webhooks receive, for systems that cannot receive webhooks. An event names what happened to
   * which object, never its content; read the object through its route. Poll with the `cursor`
   * of the answer. Events are kept for `EVENTS_RETENTION_DAYS` (30 by default).
   */
  @Get()
  @Can(Permission.EventRead)
  @ApiOkResponse({ type: EventFeedDto })
  async readEventFeed(
    @CurrentActor() actor: Actor,
    @Query() query: EventFeedQueryDto,
  ): Promise<EventFeedDto> {
    return this.events.feed(actor, query.after, query.limit);
  }
}
