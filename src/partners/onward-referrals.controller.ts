import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { Creates } from '../common/openapi/creates.decorator';
import { ApiTag } from '../common/openapi/tags';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { NoBody } from '../common/validation/no-body';
import { UuidParam } from '../common/validation/uuid-param';
import {
  CreateOnwardReferralDto,
  OnwardReferralDto,
  RecordUptakeDto,
  ReleasedOnwardReferralDto,
} from './dto/onward-referral.dto';
import { toOnwardReferralDto } from './partners.mappers';
import { PartnersService, type OnwardReferralView } from './partners.service';

function party(view: OnwardReferralView): OnwardReferralDto {
  if (view.as !== 'party') throw new Error('a party view was expected');
  return toOnwardReferralDto(view) as OnwardReferralDto;
}

function released(view: OnwardReferralView): ReleasedOnwardReferralDto {
  if (view.as !== 'jobcenter') throw new Error('a jobcenter view was expected');
  return toOnwardReferralDto(view) as ReleasedOnwardReferralDto;
}

/** Onward referrals of a referral, as its provider and its jobcenter see them (ADR 0022). */
@ApiTags(ApiTag.Partners)
@Controller('referrals')
export class ReferralOnwardReferralsController {
  constructor(private readonly partners: PartnersService) {}

  /**
   * Refer the client onward to a partner
   *
   * The referral's provider (its lead, or the worker assigned) refers the client to a partner
   * organisation that has an agreement with the referral's jobcenter, with a free reserved
   * place. Needs the client's consent for this referral granting the partner the agreement's
   * category (`422 onward-referral-not-consented` otherwise). The partner learns who the client
   * is only once it accepted.
   */
  @Post(':id/onward-referrals')
  @Creates('/api/v1/onward-referrals/{id}')
  @Can(Permission.OnwardReferralCreate)
  @ApiCreatedResponse({ type: OnwardReferralDto })
  @ApiProblemResponses({
    404: 'No such open referral of yours, or no valid agreement of the partner with its jobcenter.',
    409: 'Every reserved place is taken, or an onward referral to the partner is already open.',
    422: "The client's consent does not grant the partner the agreement's category.",
  })
  async createOnwardReferral(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') referralId: string,
    @Body() dto: CreateOnwardReferralDto,
  ): Promise<OnwardReferralDto> {
    return party(await this.partners.refer(actor, referralId, dto.partnerId));
  }

  /**
   * List a referral's onward referrals
   *
   * The referring provider's view: every onward referral of the referral, with the partner's
   * answer and the uptake.
   */
  @Get(':id/onward-referrals')
  @Can(Permission.OnwardReferralRead)
  @ApiOkResponse({ type: PageOf(OnwardReferralDto) })
  @ApiProblemResponses({ 404: 'No such referral of your provider.' })
  async listOnwardReferrals(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<OnwardReferralDto>> {
    const page = await this.partners.listOfReferral(actor, referralId, query, 'provider');
    return { items: page.items.map(party), nextCursor: page.nextCursor };
  }

  /**
   * List the onward referrals released to the jobcenter
   *
   * The jobcenter's view: only the onward referrals whose category the client's consent for
   * this referral releases to the jobcenter now, and of each exactly the fact (partner,
   * category, date): never the partner's answer or the uptake. Without a release, an empty list.
   */
  @Get(':id/released-onward-referrals')
  @Can(Permission.OnwardReferralRead)
  @ApiOkResponse({ type: PageOf(ReleasedOnwardReferralDto) })
  @ApiProblemResponses({ 404: "No such referral of your jobcenter's." })
  async listReleasedOnwardReferrals(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ReleasedOnwardReferralDto>> {
    const page = await this.partners.listOfReferral(actor, referralId, query, 'jobcenter');
    return { items: page.items.map(released), nextCursor: page.nextCursor };
  }
}

/** Onward referrals as the partner and the referring provider see and answer them. */
@ApiTags(ApiTag.Partners)
@Controller('onward-referrals')
export class OnwardReferralsController {
  constructor(private readonly partners: PartnersService) {}

  /**
   * List onward referrals
   *
   * A partner: those made to it while the client's consent to them holds; a provider: those of
   * its referrals (a worker: of referrals assigned to them). A jobcenter: none (see
   * `GET /referrals/{id}/released-onward-referrals`).
   */
  @Get()
  @Can(Permission.OnwardReferralRead)
  @ApiOkResponse({ type: PageOf(OnwardReferralDto) })
  async listAllOnwardReferrals(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<Page<OnwardReferralDto>> {
    const page = await this.partners.list(actor, query);
    return { items: page.items.map(party), nextCursor: page.nextCursor };
  }

  /**
   * Read an onward referral
   *
   * The partner sees the client's identity only after accepting, and the onward referral only
   * while the client's consent to it holds (a revocation ends it at once).
   */
  @Get(':id')
  @Can(Permission.OnwardReferralRead)
  @ApiOkResponse({ type: OnwardReferralDto })
  @ApiProblemResponses({ 404: 'No such onward referral, or not yours.' })
  async getOnwardReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<OnwardReferralDto> {
    return party(await this.partners.get(actor, id));
  }

  /**
   * Accept an onward referral
   *
   * The partner accepts; from then on it sees who the client is (while the consent holds).
   */
  @Post(':id/accept')
  @HttpCode(200)
  @Can(Permission.OnwardReferralDecide)
  @ApiOkResponse({ type: OnwardReferralDto })
  @ApiProblemResponses({
    404: 'No such onward referral to your organisation.',
    409: 'The onward referral was already answered.',
  })
  async acceptOnwardReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
  ): Promise<OnwardReferralDto> {
    return party(await this.partners.decide(actor, id, true));
  }

  /**
   * Decline an onward referral
   *
   * The partner declines; no reason is recorded. Its reserved place is free again.
   */
  @Post(':id/decline')
  @HttpCode(200)
  @Can(Permission.OnwardReferralDecide)
  @ApiOkResponse({ type: OnwardReferralDto })
  @ApiProblemResponses({
    404: 'No such onward referral to your organisation.',
    409: 'The onward referral was already answered.',
  })
  async declineOnwardReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
  ): Promise<OnwardReferralDto> {
    return party(await this.partners.decide(actor, id, false));
  }

  /**
   * Record the uptake
   *
   * After accepting, whether the client arrived (`took_up` / `did_not_take_up`), once; nothing
   * more. Its place is free again.
   */
  @Post(':id/uptake')
  @HttpCode(200)
  @Can(Permission.OnwardReferralRecordUptake)
  @ApiOkResponse({ type: OnwardReferralDto })
  @ApiProblemResponses({
    404: 'No such onward referral to your organisation.',
    409: 'The onward referral is not accepted, or its uptake was already recorded.',
  })
  async recordOnwardReferralUptake(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: RecordUptakeDto,
  ): Promise<OnwardReferralDto> {
    return party(await this.partners.recordUptake(actor, id, dto.outcome));
  }
}
