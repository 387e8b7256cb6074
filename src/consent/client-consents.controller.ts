import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageOf, type Page } from '../common/pagination/page';
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
import { ApiTag } from '../common/openapi/tags';

/**
 * A client's consents (Einwilligungen, Schweigepflichtentbindungen): for the client's jobcenter
 * and for a provider working an accepted, open referral of the client (a worker: one assigned
 * to them). Anyone else gets 404 for the client.
 */
@ApiTags(ApiTag.Consent)
@Controller('clients/:id/consents')
export class ClientConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /**
   * Record a consent (Schweigepflichtentbindung)
   *
   * Records a consent as the client gave it: which data categories of your organisation's case
   * content are released, to whom (normally the jobcenter), for what purpose and until when, and
   * the evidence (written, verbal with a witness, digital). It replaces the current consent your
   * organisation recorded for the same client and referral; records are never changed.
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
   * List a client's consents
   *
   * The consent history: every record your organisation released or that grants something to it,
   * oldest first, with its revocations and where it stands now. Records that concern neither are
   * not shown.
   */
  @Get()
  @Can(Permission.ConsentRead)
  @ApiOkResponse({ type: PageOf(ConsentDto) })
  @ApiProblemResponses({ 404: 'No such client visible to you.' })
  async listClientConsents(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<Page<ConsentDto>> {
    // A client's history is short: one page, in the envelope of every list.
    const records = await this.consents.history(actor, clientId);
    return { items: records.map(toConsentDto), nextCursor: null };
  }

  /**
   * What is released now
   *
   * What the client has released right now, as far as it concerns your organisation (to it, or of
   * its content), each grant with the referral whose content it releases. `nothingReleased: true`
   * is the explicit answer that nothing is.
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
   * Revoke a client's consents (Widerruf)
   *
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
