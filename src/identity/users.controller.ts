import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { NoBody } from '../common/validation/no-body';
import { UuidParam } from '../common/validation/uuid-param';
import { answerRequested, ApiApprovalRequested } from './approval-answer';
import { ActivationCodeDto } from './dto/activation-code.dto';
import type { ApprovalRequestDto } from './dto/approval-request.dto';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { CreatedUserDto, UserDto } from './dto/user.dto';
import { toActivationCodeDto, toCreatedUserDto, toUserDto } from './identity.mappers';
import { UsersService } from './users.service';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/**
 * People who sign in. A lead manages their own organisation's members; an operator admin
 * every organisation's, but what grants access needs the lead's approval (ADR 0008).
 */
@ApiTags(ApiTag.Administration)
@Controller('users')
@ApiExtraModels(CreatedUserDto)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * List users
   *
   * Users by email address: an admin's of every organisation, a lead's of their own.
   */
  @Get()
  @Can(Permission.UserRead)
  @ApiOkResponse({ type: PageOf(UserDto) })
  async listUsers(
    @CurrentActor() actor: Actor,
    @Query() query: ListUsersQueryDto,
  ): Promise<Page<UserDto>> {
    const page = await this.users.list(
      actor,
      { organisationId: query.organisationId, active: query.active },
      query,
    );
    return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
  }

  /**
   * Create a user
   *
   * A new member, without a password. A lead's member of their own organisation is created at
   * once (`201`), with the one-time activation code for the lead to hand over; the member
   * chooses their password with it (`POST /auth/activate`). An operator admin's is an approval
   * request (`202`).
   */
  @Post()
  @Creates('/api/v1/users/{id}')
  @Can(Permission.UserCreate)
  @ApiCreatedResponse({
    type: CreatedUserDto,
    description: "A lead's: the member and their activation code, shown this once.",
  })
  @ApiApprovalRequested('new member')
  @ApiProblemResponses({
    404: 'No such organisation, or not yours.',
    409: 'Another user has this email address.',
    422: 'A role does not fit the kind of organisation, or the organisation is deactivated.',
  })
  async createUser(
    @CurrentUser() actor: UserActor,
    @Body() dto: CreateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedUserDto | ApprovalRequestDto> {
    const outcome = await this.users.create(actor, dto);
    if (outcome.outcome === 'requested') return answerRequested(reply, outcome.request);
    setEtag(reply, outcome.result.user.version);
    void reply.header('Location', `/api/v1/users/${outcome.result.user.id}`);
    return toCreatedUserDto(outcome.result);
  }

  /**
   * Read a user
   *
   * A user of an organisation you manage.
   */
  @Get(':id')
  @Can(Permission.UserRead)
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses({ 404: 'No such user, or not of your organisation.' })
  async getUser(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.getVisible(actor, id);
    setEtag(reply, user.version);
    return toUserDto(user);
  }

  /**
   * Change or deactivate a user
   *
   * Changes the display name or roles, or disables (`active: false`: sessions end at once) or
   * re-enables. A lead's change takes effect at once. An operator admin's renaming, removing of
   * roles and disabling do too; adding roles and re-enabling become an approval request
   * (`202`), and the rest of the same change applies at once.
   */
  @Patch(':id')
  @Can(Permission.UserUpdate)
  @ApiOkResponse({ type: UserDto })
  @ApiApprovalRequested('added roles or re-enabling')
  @ApiProblemResponses({
    404: 'No such user, or not of your organisation.',
    412: 'The user changed since its ETag was read.',
    422: 'A role does not fit the kind of organisation, or you would lock yourself out.',
    428: 'If-Match is missing.',
  })
  async updateUser(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto | ApprovalRequestDto> {
    const outcome = await this.users.update(actor, id, version, dto);
    if (outcome.outcome === 'requested') return answerRequested(reply, outcome.request);
    setEtag(reply, outcome.result.version);
    return toUserDto(outcome.result);
  }

  /**
   * Reset a user's password
   *
   * A password reset: never a password, but a one-time code with which the user chooses a new
   * one (`POST /auth/activate`). A lead's reset takes effect at once: the old password stops
   * working, every session of the user ends, and the answer is the code, for the lead to hand
   * over. An operator admin's is an approval request (`202`); nothing changes until approved.
   */
  @Post(':id/password')
  @HttpCode(200)
  @Can(Permission.UserResetPassword)
  @ApiOkResponse({
    type: ActivationCodeDto,
    description: "A lead's: the reset code, shown this once.",
  })
  @ApiApprovalRequested('password reset')
  @ApiProblemResponses({ 404: 'No such user, or not of your organisation.' })
  async resetUserPassword(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
    @NoBody() _body: undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivationCodeDto | ApprovalRequestDto> {
    const outcome = await this.users.resetPassword(actor, id);
    if (outcome.outcome === 'requested') return answerRequested(reply, outcome.request);
    return toActivationCodeDto(outcome.result);
  }
}
