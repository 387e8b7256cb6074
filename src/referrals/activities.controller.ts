import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ActivitiesService } from './activities.service';
import { ActivityDto, CreateActivityDto } from './dto/activity.dto';
import { toActivityDto } from './referral.mappers';

/** Outreach contacts and attempts (Kontakte, Hausbesuche, Begleitungen) of a referral. */
@ApiTags('activities')
@Controller('referrals/:id/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /** Logs a contact or attempt; the first one that reached the client is the first contact. */
  @Post()
  @Can(Permission.ActivityCreate)
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiProblemResponses({
    404: 'No such referral, or not yours.',
    409: 'The referral is not accepted, running or paused.',
  })
  async createActivity(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Body() dto: CreateActivityDto,
  ): Promise<ActivityDto> {
    return toActivityDto(await this.activities.create(actor, referralId, dto));
  }

  /** The referral's activities, newest first. Provider only (participation content). */
  @Get()
  @Can(Permission.ActivityRead)
  @ApiOkResponse({ type: PageOf(ActivityDto) })
  @ApiProblemResponses({ 404: 'No such referral, or not yours.' })
  async listActivities(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ActivityDto>> {
    const page = await this.activities.list(actor, referralId, query);
    return { items: page.items.map(toActivityDto), nextCursor: page.nextCursor };
  }
}
