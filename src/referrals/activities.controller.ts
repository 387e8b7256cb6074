import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ActivitiesService } from './activities.service';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { ActivityDto, ActivityPageDto, CreateActivityDto } from './dto/activity.dto';
import { toActivityDto, toActivityPageDto } from './referral.mappers';
import { ApiTag } from '../common/openapi/tags';

/** Outreach contacts and attempts (Kontakte, Hausbesuche, Begleitungen) of a referral. */
@ApiTags(ApiTag.Referrals)
@Controller('referrals/:id/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /**
   * Log a contact or attempt
   *
   * Logs an activity of the provider's outreach work: a contact attempt, home visit, phone call,
   * meeting, accompaniment or letter. The first activity that reached the client is the first
   * contact. Activities are participation content: the jobcenter sees them only when the client
   * released participation to it, the notes never.
   */
  @Post()
  @Can(Permission.ActivityCreate)
  @ApiCreatedResponse({ type: ActivityDto })
  @Discloses(ActivityDto)
  @ApiProblemResponses({
    404: 'No such referral, or not yours.',
    409: 'The referral is not accepted, running or paused.',
  })
  async createActivity(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Body() dto: CreateActivityDto,
  ): Promise<Disclosed<ActivityDto>> {
    const { activity, readable } = await this.activities.create(actor, referralId, dto);
    return new Disclosed(toActivityDto(activity), readable);
  }

  /**
   * List a referral's activities
   *
   * The referral's activities, newest first. The jobcenter sees them only when the client released
   * participation to it (`nothingReleased` says when not); the notes never.
   */
  @Get()
  @Can(Permission.ActivityRead)
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  @Discloses(ActivityPageDto)
  async listActivities(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Disclosed<ActivityPageDto>> {
    const { page, readable } = await this.activities.list(actor, referralId, query);
    return new Disclosed(toActivityPageDto(page, readable), readable);
  }
}
