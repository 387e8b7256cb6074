import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { STATISTICS_MAX_ROWS } from '../statistics/dto/referral-statistics.dto';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { AvailabilityService } from './availability.service';
import { AvailabilityDto, AvailabilityQueryDto } from './dto/availability.dto';
import { ApiTag } from '../openapi/tags';

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
  @ApiExtraModels(AvailabilityDto)
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: STATISTICS_MAX_ROWS,
      items: { $ref: getSchemaPath(AvailabilityDto) },
    },
  })
  getProviderAvailability(
    @CurrentActor() actor: Actor,
    @Query() query: AvailabilityQueryDto,
  ): Promise<AvailabilityDto[]> {
    return this.availability.availability(actor, query);
  }
}
