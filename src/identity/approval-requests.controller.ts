import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { NoBody } from '../common/validation/no-body';
import { UuidParam } from '../common/validation/uuid-param';
import { ApprovalRequestsService } from './approval-requests.service';
import {
  ApprovalOutcomeDto,
  ApprovalRequestDto,
  ListApprovalRequestsQueryDto,
} from './dto/approval-request.dto';
import { toApprovalOutcomeDto, toApprovalRequestDto } from './identity.mappers';
import { ApiTag } from '../common/openapi/tags';

const DECISION_PROBLEMS = {
  403:
    'The permission is missing, or this is not yours to decide: you asked for it yourself ' +
    '(`cannot-decide-own-request`), or the organisation has an active lead who decides ' +
    '(`not-an-approver`).',
  404: 'No such request, or not of your organisation.',
  409: 'The request is no longer pending (`approval-request-closed`).',
} as const;

/**
 * Dual control (ADR 0008): what an operator admin asks to change inside an organisation that
 * grants access (a member, roles, re-enabling, a password reset, an API key) waits here for
 * that organisation's lead, or, where it has no active lead, for another admin.
 */
@ApiTags(ApiTag.Administration)
@Controller('approval-requests')
export class ApprovalRequestsController {
  constructor(private readonly approvals: ApprovalRequestsService) {}

  /**
   * List approval requests
   *
   * Changes an operator admin asked for inside an organisation that grant access (a member, roles,
   * re-enabling, a password reset, an API key), waiting for that organisation's lead or, where it
   * has no active lead, another admin (dual control, Vier-Augen-Prinzip). Pending ones first, each
   * group newest first: an admin sees every organisation's, a lead their own. `status=pending`
   * leaves out decided and expired ones.
   */
  @Get()
  @Can(Permission.ApprovalRequestRead)
  @ApiOkResponse({ type: PageOf(ApprovalRequestDto) })
  async listApprovalRequests(
    @CurrentActor() actor: Actor,
    @Query() query: ListApprovalRequestsQueryDto,
  ): Promise<Page<ApprovalRequestDto>> {
    const page = await this.approvals.list(
      actor,
      { organisationId: query.organisationId, status: query.status },
      query,
    );
    return { items: page.items.map(toApprovalRequestDto), nextCursor: page.nextCursor };
  }

  /**
   * Read an approval request
   *
   * One approval request: what was asked for, by whom, for which organisation, and whether and how
   * it was decided.
   */
  @Get(':id')
  @Can(Permission.ApprovalRequestRead)
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiProblemResponses({ 404: 'No such request, or not of your organisation.' })
  async getApprovalRequest(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ApprovalRequestDto> {
    return toApprovalRequestDto(await this.approvals.get(actor, id));
  }

  /**
   * Approve a request
   *
   * Approves and carries out the change, as you. What grants access is made now and shown to you
   * alone, this once: a new member's or a reset's activation code, an API key. Hand it over
   * yourself, to the person, by a channel you trust.
   */
  @Post(':id/approve')
  @HttpCode(200)
  @Can(Permission.ApprovalRequestDecide)
  @ApiOkResponse({ type: ApprovalOutcomeDto })
  @ApiProblemResponses({
    ...DECISION_PROBLEMS,
    409: `${DECISION_PROBLEMS[409]} Or the new member's address has been taken meanwhile.`,
    422: 'The organisation was deactivated, or a role no longer fits.',
  })
  async approveApprovalRequest(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
  ): Promise<ApprovalOutcomeDto> {
    return toApprovalOutcomeDto(await this.approvals.approve(actor, id));
  }

  /**
   * Reject a request
   *
   * Rejects the request; nothing changes. The admin who asked sees the decision.
   */
  @Post(':id/reject')
  @HttpCode(200)
  @Can(Permission.ApprovalRequestDecide)
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiProblemResponses(DECISION_PROBLEMS)
  async rejectApprovalRequest(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
  ): Promise<ApprovalRequestDto> {
    return toApprovalRequestDto(await this.approvals.reject(actor, id));
  }

  /**
   * Withdraw your request
   *
   * Withdraws a request you made while it is pending; nothing changes.
   */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Can(Permission.ApprovalRequestWithdraw)
  @ApiOkResponse({ type: ApprovalRequestDto })
  @ApiProblemResponses({
    403: 'The permission is missing, or another admin made this request (`not-your-request`).',
    404: 'No such request.',
    409: 'The request is no longer pending (`approval-request-closed`).',
  })
  async withdrawApprovalRequest(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
  ): Promise<ApprovalRequestDto> {
    return toApprovalRequestDto(await this.approvals.withdraw(actor, id));
  }
}
