import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { ClientDto } from '../clients/dto/client.dto';
import { toClientDto } from '../clients/clients.mappers';
import { IfMatch } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateReferralDto, UpdateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQueryDto } from './dto/list-referrals-query.dto';
import { ReferralTransitionDto } from './dto/referral-history.dto';
import { ReferralDto } from './dto/referral.dto';
import { toReferralDto, toTransitionDto } from './referral.mappers';
import { referralResponse } from './referral-view';
import { referralScopeOf, ReferralsService } from './referrals.service';
import { todayInGermany } from '../common/calendar';

/** Referrals (Zuweisungen) from a jobcenter to a provider. */
@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /** A draft referral of one of your clients to a provider; send it with POST …/send. */
  @Post()
  @Can(Permission.ReferralCreate)
  @ApiCreatedResponse({ type: ReferralDto })
  @ApiProblemResponses({ 404: 'No such client of your jobcenter, or no such provider.' })
  async createReferral(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralDto> {
    const referral = await this.referrals.create(actor, dto);
    void reply.header('Location', `/api/v1/referrals/${referral.id}`);
    return referralResponse(actor, reply, referral);
  }

  /**
   * Referrals you may see, most recently changed first: a jobcenter its own, a provider those
   * sent to it (a provider worker those assigned to them).
   */
  @Get()
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: PageOf(ReferralDto) })
  async listReferrals(
    @CurrentActor() actor: Actor,
    @Query() query: ListReferralsQueryDto,
  ): Promise<Page<ReferralDto>> {
    const page = await this.referrals.list(actor, query);
    const scope = referralScopeOf(actor);
    const today = todayInGermany();
    return {
      items: page.items.map((r) => toReferralDto(r, scope, { today })),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ReferralDto })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  async getReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralDto> {
    const { referral, client } = await this.referrals.get(actor, id);
    return referralResponse(actor, reply, referral, client);
  }

  /** Changes a draft; a sent referral cannot be changed (cancel it and make a new one). */
  @Patch(':id')
  @Can(Permission.ReferralUpdate)
  @ApiOkResponse({ type: ReferralDto })
  @ApiProblemResponses({
    404: 'No such referral, or not yours.',
    409: 'The referral is no longer a draft.',
    412: 'The referral changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralDto> {
    return referralResponse(actor, reply, await this.referrals.update(actor, id, version, dto));
  }

  /** Every action on the referral: who (by organisation), when, from, to and why. */
  @Get(':id/history')
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ReferralTransitionDto, isArray: true })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  async getReferralHistory(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ReferralTransitionDto[]> {
    const { scope, rows } = await this.referrals.history(actor, id);
    return rows.map((row) => toTransitionDto(row, scope));
  }

  /**
   * The client's record: for the jobcenter always; for the provider only while it works the
   * case (accepted, not closed).
   */
  @Get(':id/client')
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ClientDto })
  @ApiProblemResponses({
    404: 'No such referral, or the client is not (or no longer) visible to you.',
  })
  async getReferralClient(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ClientDto> {
    return toClientDto(await this.referrals.client(actor, id));
  }
}
