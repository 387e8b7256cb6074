import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { LIST_MAX_ITEMS } from '../common/validation/bounds';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { toConsentDto, toEffectiveConsentDto } from './consent.mappers';
import { ConsentsService } from './consents.service';
import { ConsentDto, EffectiveConsentDto } from './dto/consent.dto';
import { RecordConsentDto } from './dto/record-consent.dto';
import { RevokeClientConsentsDto } from './dto/revoke-consent.dto';

/**
 * A client's consents (Einwilligungen, Schweigepflichtentbindungen): for the client's jobcenter
 * and for a provider working an accepted, open referral of the client (a worker: one assigned
 * to them). Anyone else gets 404 for the client.
 */
@ApiTags('consent')
@Controller('clients/:id/consents')
export class ClientConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /**
   * Records a consent as the client gave it, releasing your organisation's content. It replaces
   * the current consent your organisation recorded for the same client and referral.
   */
  @Post()
  @Can(Permission.ConsentRecord)
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiProblemResponses({
    404: 'No such client, referral or consent template visible to you.',
    409: 'Another consent for this client and referral was recorded at the same time.',
    422: 'The template is not approved or does not cover a category, or a recipient is not allowed.',
  })
  async recordConsent(
    @CurrentUser() user: UserActor,
    @UuidParam('id') clientId: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ConsentDto> {
    return toConsentDto(await this.consents.record(user, clientId, dto));
  }

  /**
   * The history: every record your organisation released or that grants something to it,
   * oldest first, with its revocations and where it stands now. Records that concern neither
   * are not shown.
   */
  @Get()
  @Can(Permission.ConsentRead)
  @ApiExtraModels(ConsentDto)
  @ApiOkResponse({
    schema: { type: 'array', maxItems: LIST_MAX_ITEMS, items: { $ref: getSchemaPath(ConsentDto) } },
  })
  @ApiProblemResponses({ 404: 'No such client visible to you.' })
  async listClientConsents(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<ConsentDto[]> {
    return (await this.consents.history(actor, clientId)).map(toConsentDto);
  }

  /**
   * What is released now, as far as it concerns your organisation (to it, or of its content),
   * each grant with the referral whose content it releases. `nothingReleased: true` is the
   * explicit answer that nothing is.
   */
  @Get('effective')
  @Can(Permission.ConsentRead)
  @ApiOkResponse({ type: EffectiveConsentDto })
  @ApiProblemResponses({ 404: 'No such client visible to you.' })
  async getEffectiveConsent(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<EffectiveConsentDto> {
    return toEffectiveConsentDto(await this.consents.effective(actor, clientId));
  }

  /**
   * Records that the client takes back what it released (Widerruf), from now on; no reason is
   * asked. The client's jobcenter (Fallmanagement) revokes every grant of every consent about
   * its client, also those to other organisations it never sees; the releasing provider those
   * of its own consents. With `categories`, only those. The answer is the same whatever there
   * was to revoke: nobody learns from it what the client had released to others.
   */
  @Post('revoke')
  @HttpCode(204)
  @Can(Permission.ConsentRevoke)
  @ApiNoContentResponse({ description: 'Recorded: nothing of it is released from now on.' })
  @ApiProblemResponses({ 404: 'No such client visible to you.' })
  async revokeClientConsents(
    @CurrentUser() user: UserActor,
    @UuidParam('id') clientId: string,
    @Body() dto: RevokeClientConsentsDto,
  ): Promise<void> {
    await this.consents.revokeAllForClient(user, clientId, dto);
  }
}
