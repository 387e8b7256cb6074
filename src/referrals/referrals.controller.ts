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
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateReferralDto, UpdateReferralDto } from './dto/create-referral.dto';
import { ListReferralsQueryDto } from './dto/list-referrals-query.dto';
import { ReferralTransitionPageDto } from './dto/referral-history.dto';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { ReferralDto, ReferralPageDto } from './dto/referral.dto';
import { toReferralDto, toTransitionDto } from './referral.mappers';
import { referralResponse } from './referral-view';
import { referralScopeOf } from '../confidentiality/case-access';
import { ReferralsService } from './referrals.service';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/** Referrals (Zuweisungen) from a jobcenter to a provider. */
@ApiTags(ApiTag.Referrals)
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /**
   * Draft a referral (Zuweisung)
   *
   * Drafts a referral of one of your clients to a provider (Träger): the services requested, the
   * reason and a note for the provider. Nothing reaches the provider until you send it with `POST
   * /referrals/{id}/send`.
   */
  @Post()
  @Creates('/api/v1/referrals/{id}')
  @Can(Permission.ReferralCreate)
  @ApiCreatedResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses({ 404: 'No such client of your jobcenter, or no such provider.' })
  async createReferral(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    const created = await this.referrals.create(actor, dto);
    void reply.header('Location', `/api/v1/referrals/${created.referral.id}`);
    return referralResponse(actor, reply, created);
  }

  /**
   * List referrals
   *
   * The referrals (Zuweisungen) you may see, most recently changed first: a jobcenter its own, a
   * provider those sent to it (a provider worker those assigned to them). Filter by state, client,
   * provider, overdue first contact or `updatedSince` to poll for changes.
   */
  @Get()
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ReferralPageDto })
  @Discloses(ReferralPageDto)
  async listReferrals(
    @CurrentActor() actor: Actor,
    @Query() query: ListReferralsQueryDto,
  ): Promise<Disclosed<ReferralPageDto>> {
    const { page, readable, today } = await this.referrals.list(actor, query);
    const scope = referralScopeOf(actor);
    return new Disclosed(
      {
        items: page.items.map((r) => toReferralDto(r, scope, { today, readable })),
        nextCursor: page.nextCursor,
      },
      readable,
    );
  }

  /**
   * Read a referral
   *
   * One referral with its state and dates; its `ETag` goes into `If-Match` of every action and
   * update. A provider sees before accepting only the postcode, the requested services, the reason
   * category and the case manager's note.
   */
  @Get(':id')
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  async getReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return referralResponse(actor, reply, await this.referrals.get(actor, id));
  }

  /**
   * Change a draft referral
   *
   * Changes a draft. A sent referral cannot be changed: cancel it and draft a new one. Needs
   * `If-Match` with the referral's `ETag`.
   */
  @Patch(':id')
  @Can(Permission.ReferralUpdate)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
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
  ): Promise<Disclosed<ReferralDto>> {
    return referralResponse(actor, reply, await this.referrals.update(actor, id, version, dto));
  }

  /**
   * Read a referral's history
   *
   * Every action on the referral, oldest first: who (by organisation), when, from which state to
   * which, and why. Reasons that are the provider's case content reach the jobcenter only as far as
   * the client released them.
   */
  @Get(':id/history')
  @Can(Permission.ReferralRead)
  @ApiOkResponse({ type: ReferralTransitionPageDto })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  @Discloses(ReferralTransitionPageDto)
  async getReferralHistory(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<Disclosed<ReferralTransitionPageDto>> {
    const { scope, rows, readable } = await this.referrals.history(actor, id);
    return new Disclosed(
      { items: rows.map((row) => toTransitionDto(row, scope)), nextCursor: null },
      readable,
    );
  }

  /**
   * Read the referred client
   *
   * The client's master data as the referral shows it: for the jobcenter always; for the provider
   * only while it works the case (accepted, not yet closed).
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
