import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { ApiTag } from '../common/openapi/tags';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { WorklistItemDto } from './dto/worklist-item.dto';
import { WorklistService } from './worklist.service';

/** The calling person's worklist (ADR 0019). */
@ApiTags(ApiTag.Referrals)
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklist: WorklistService) {}

  /**
   * List what awaits your action
   *
   * Computed when asked, oldest first: a caseworker's referrals awaiting the provider's answer or
   * their start; a provider lead's referrals to decide and those awaiting their first contact; a
   * provider worker's assigned referrals awaiting their first contact, with its due date. Ids,
   * states and dates only. A client under restriction of processing is left out. Consents
   * running out are `GET /consents/expiring`.
   */
  @Get()
  @Can(Permission.WorklistRead)
  @ApiOkResponse({ type: PageOf(WorklistItemDto) })
  listWorklist(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<Page<WorklistItemDto>> {
    return this.worklist.list(actor, { limit: query.limit, cursor: query.cursor });
  }
}
