import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { toConsentDto, toExpiringConsentDto } from './consent.mappers';
import { ConsentsService } from './consents.service';
import { ConsentDto, ExpiringConsentDto } from './dto/consent.dto';
import { ExpiringConsentsQueryDto } from './dto/expiring-consents-query.dto';
import { RevokeConsentDto } from './dto/revoke-consent.dto';
import { ApiTag } from '../common/openapi/tags';

const TEXT_PLAIN = 'text/plain; charset=utf-8';

/** Single consent records: revocation, receipt, and the worklist of those running out. */
@ApiTags(ApiTag.Consent)
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  /**
   * List consents that run out soon
   *
   * Consents your organisation released that run out within `withinDays` days and are still in
   * force, soonest first, so that they can be renewed with the client in time. A provider sees
   * those of clients it works an open referral of (a worker: referrals assigned to them).
   */
  @Get('expiring')
  @Can(Permission.ConsentRead)
  @ApiOkResponse({ type: PageOf(ExpiringConsentDto) })
  async listExpiringConsents(
    @CurrentActor() actor: Actor,
    @Query() query: ExpiringConsentsQueryDto,
  ): Promise<Page<ExpiringConsentDto>> {
    const { withinDays, limit, cursor } = query;
    const page = await this.consents.expiring(actor, withinDays, { limit, cursor });
    return { items: page.items.map(toExpiringConsentDto), nextCursor: page.nextCursor };
  }

  /**
   * Revoke a consent
   *
   * Revokes grants of the consent from now on, on the client's behalf; no reason is asked. The
   * releasing organisation may revoke any of them, a case manager those to their jobcenter. Takes
   * effect on the very next request.
   */
  @Post(':id/revoke')
  @HttpCode(200)
  @Can(Permission.ConsentRevoke)
  @ApiOkResponse({ type: ConsentDto })
  @ApiProblemResponses({
    404: 'No such consent, or none you may revoke.',
    409: 'Already revoked, or superseded by a newer consent.',
    422: 'A grantId is not a grant of this consent that you may revoke.',
  })
  async revokeConsent(
    @CurrentUser() user: UserActor,
    @UuidParam('id') id: string,
    @Body() dto: RevokeConsentDto,
  ): Promise<ConsentDto> {
    return toConsentDto(await this.consents.revoke(user, id, dto));
  }

  /**
   * Print the consent receipt
   *
   * The consent receipt: a plain-language German text of the record to hand to the client (what, by
   * whom, to whom, for what, until when, its status and how to revoke it).
   */
  @Get(':id/receipt')
  @Can(Permission.ConsentRead)
  @Header('Content-Type', TEXT_PLAIN)
  @ApiProduces(TEXT_PLAIN)
  @ApiOkResponse({
    description: 'The receipt as plain text (German).',
    // The template text (at most 20000 characters) and the consent's facts around it.
    content: { [TEXT_PLAIN]: { schema: { type: 'string', maxLength: 40000 } } },
  })
  @ApiProblemResponses({ 404: 'No such consent visible to you.' })
  async getConsentReceipt(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<string> {
    return this.consents.receipt(actor, id);
  }
}
