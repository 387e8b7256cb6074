import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch } from '../common/concurrency/preconditions';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import {
  AcceptReferralDto,
  AssignReferralDto,
  CancelReferralDto,
  CompleteReferralDto,
  EndReferralDto,
  PauseReferralDto,
  RejectReferralDto,
} from './dto/referral-actions.dto';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { ReferralDto } from './dto/referral.dto';
import { referralResponse } from './referral-view';
import { ReferralAction } from './referral-state';
import { ReferralsService } from './referrals.service';
import { ApiTag } from '../common/openapi/tags';

const ACTION_PROBLEMS = {
  404: 'No such referral, or not visible to you.',
  409: 'The action is not allowed in the referral’s state.',
  412: 'The referral changed since its ETag was read.',
  428: 'If-Match is missing.',
};

/**
 * The state machine of docs/domain.md, one route per action (FHIR Task vocabulary). Every action
 * needs `If-Match` with the referral's ETag and answers the referral with its new ETag.
 */
@ApiTags(ApiTag.Referrals)
@Controller('referrals/:id')
export class ReferralActionsController {
  constructor(private readonly referrals: ReferralsService) {}

  private async run(
    actor: Actor,
    reply: FastifyReply,
    id: string,
    version: number,
    action: ReferralAction,
    input?: { reason?: string; outcome?: string; assignedWorkerId?: string },
  ): Promise<Disclosed<ReferralDto>> {
    return referralResponse(
      actor,
      reply,
      await this.referrals.act(actor, id, version, action, input),
    );
  }

  /**
   * Send a referral to the provider
   *
   * draft → requested: the provider (Träger) receives the referral. Needs a contract with the
   * provider that is valid today, covers the requested services and has a free place (else `422` or
   * `409 no-capacity`). Send `If-Match` with the referral's `ETag`.
   */
  @Post('send')
  @HttpCode(200)
  @Can(Permission.ReferralSend)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses({
    ...ACTION_PROBLEMS,
    409: 'Not a draft, or no free place left under the contracts with this provider.',
    422: 'No contract with this provider is valid today and covers the requested services.',
  })
  sendReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Send);
  }

  /**
   * Accept a referral (Zusage)
   *
   * requested → accepted: the provider takes the case on and assigns a worker; the first contact
   * falls due. Send `If-Match` with the referral's `ETag`.
   */
  @Post('accept')
  @HttpCode(200)
  @Can(Permission.ReferralAccept)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses({
    ...ACTION_PROBLEMS,
    422: 'The worker is not an active worker or lead of your organisation.',
  })
  acceptReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: AcceptReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Accept, dto);
  }

  /**
   * Reject a referral (Absage)
   *
   * requested → rejected, with a reason code (no capacity, outside the service area, not suitable,
   * other). Send `If-Match` with the referral's `ETag`.
   */
  @Post('reject')
  @HttpCode(200)
  @Can(Permission.ReferralReject)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  rejectReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: RejectReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Reject, dto);
  }

  /**
   * Start the work
   *
   * accepted → in_progress: first contact made and the client agreed to take part. Send `If-Match`
   * with the referral's `ETag`.
   */
  @Post('start')
  @HttpCode(200)
  @Can(Permission.ReferralStart)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  startReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Start);
  }

  /**
   * Pause the work
   *
   * in_progress → on_hold, e.g. during a hospital stay, with a reason code. Send `If-Match` with
   * the referral's `ETag`.
   */
  @Post('pause')
  @HttpCode(200)
  @Can(Permission.ReferralPause)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  pauseReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: PauseReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Pause, dto);
  }

  /**
   * Resume the work
   *
   * on_hold → in_progress. Send `If-Match` with the referral's `ETag`.
   */
  @Post('resume')
  @HttpCode(200)
  @Can(Permission.ReferralResume)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  resumeReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Resume);
  }

  /**
   * Complete a referral
   *
   * accepted, in_progress or on_hold → completed, with an outcome code that the jobcenter sees.
   * Send `If-Match` with the referral's `ETag`.
   */
  @Post('complete')
  @HttpCode(200)
  @Can(Permission.ReferralComplete)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  completeReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: CompleteReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Complete, dto);
  }

  /**
   * End a referral early
   *
   * accepted, in_progress or on_hold → ended. The reason is participation content: the jobcenter
   * sees that the referral ended, not why, unless the client released it. Send `If-Match` with the
   * referral's `ETag`.
   */
  @Post('end')
  @HttpCode(200)
  @Can(Permission.ReferralEnd)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  endReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: EndReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.End, dto);
  }

  /**
   * Cancel a referral
   *
   * requested, accepted, in_progress or on_hold → cancelled, by the jobcenter, with a reason code.
   * Send `If-Match` with the referral's `ETag`.
   */
  @Post('cancel')
  @HttpCode(200)
  @Can(Permission.ReferralCancel)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses(ACTION_PROBLEMS)
  cancelReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: CancelReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    return this.run(actor, reply, id, version, ReferralAction.Cancel, dto);
  }

  /**
   * Hand a referral to another worker
   *
   * Assigns an accepted referral to another worker of the provider; the state does not change. Send
   * `If-Match` with the referral's `ETag`.
   */
  @Post('assign')
  @HttpCode(200)
  @Can(Permission.ReferralAssign)
  @ApiOkResponse({ type: ReferralDto })
  @Discloses(ReferralDto)
  @ApiProblemResponses({
    ...ACTION_PROBLEMS,
    422: 'The worker is not an active worker or lead of your organisation.',
  })
  async assignReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: AssignReferralDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReferralDto>> {
    const referral = await this.referrals.assign(actor, id, version, dto.assignedWorkerId);
    return referralResponse(actor, reply, referral);
  }
}
