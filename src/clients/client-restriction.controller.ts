import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { ApiTag } from '../common/openapi/tags';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ClientRestrictionService } from './client-restriction.service';
import { ClientRestrictionDto, RestrictClientDto } from './dto/client-restriction.dto';

/** Restriction of processing (Art. 18 GDPR): the jobcenter's data protection officer's. */
@ApiTags(ApiTag.Clients)
@Controller('clients/:id/restriction')
export class ClientRestrictionController {
  constructor(private readonly restrictions: ClientRestrictionService) {}

  /**
   * Restrict the processing of a client's data
   *
   * Art. 18 GDPR, for the auditor (data protection officer) of the client's jobcenter: the client
   * stays stored, but from now on nothing of them is shown or changed for anybody but you; every
   * read of their client record, referrals, reports, activities and consents answers `403`
   * `processing-restricted`, and lists leave them out. Audited with the ground.
   */
  @Post()
  @HttpCode(200)
  @Can(Permission.ClientRestrict)
  @ApiOkResponse({ type: ClientRestrictionDto })
  @ApiProblemResponses({
    404: 'No such client of your jobcenter.',
    409: 'The processing is already restricted (`already-restricted`).',
  })
  restrictClient(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
    @Body() dto: RestrictClientDto,
  ): Promise<ClientRestrictionDto> {
    return this.restrictions.restrict(actor, clientId, dto.ground);
  }

  /**
   * Lift a restriction of processing
   *
   * The client's data is processed and shown again as before the restriction. Audited.
   */
  @Delete()
  @HttpCode(204)
  @Can(Permission.ClientRestrict)
  @ApiNoContentResponse({ description: 'Lifted.' })
  @ApiProblemResponses({
    404: 'No such client of your jobcenter.',
    409: 'The processing is not restricted (`not-restricted`).',
  })
  async liftClientRestriction(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<void> {
    await this.restrictions.lift(actor, clientId);
  }
}
