import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageOf, type Page } from '../common/pagination/page';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { AvailabilityService } from './availability.service';
import { AvailabilityDto, AvailabilityQueryDto } from './dto/availability.dto';
import { ApiTag } from '../common/openapi/tags';

/** Capacity of the provider directory, counted from the referrals: no personal data. */
@ApiTags(ApiTag.Providers)
@Controller('providers/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /**
   * Free places today
   *
   * Free places per contract valid today, each contract with the services it covers: a jobcenter
   * sees its own contracts, a provider its own. A referral can only be sent where a place is free.
   */
  @Get()
  @Can(Permission.AvailabilityRead)
  @ApiOkResponse({ type: PageOf(AvailabilityDto) })
  async getProviderAvailability(
    @CurrentActor() actor: Actor,
    @Query() query: AvailabilityQueryDto,
  ): Promise<Page<AvailabilityDto>> {
    // Every contract valid today fits on one page: the envelope of every list, without a cursor.
    return { items: await this.availability.availability(actor, query), nextCursor: null };
  }
}
