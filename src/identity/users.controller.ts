import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UserDto } from './dto/user.dto';
import { toUserDto } from './identity.mappers';
import { UsersService } from './users.service';
import { ApiTag } from '../openapi/tags';
import { Creates } from '../openapi/creates.decorator';

/** People who sign in: the admin's tool. */
@ApiTags(ApiTag.Administration)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * List users
   *
   * User accounts by email address; filter by organisation.
   */
  @Get()
  @Can(Permission.UserRead)
  @ApiOkResponse({ type: PageOf(UserDto) })
  async listUsers(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const page = await this.users.list(
      { organisationId: query.organisationId, active: query.active },
      query,
    );
    return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
  }

  /**
   * Create a user
   *
   * Creates a user of an organisation with roles that suit its kind and an initial password, which
   * the admin hands over by another channel.
   */
  @Post()
  @Creates('/api/v1/users/{id}')
  @Can(Permission.UserCreate)
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblemResponses({
    404: 'No such organisation.',
    409: 'Another user has this email address.',
    422: 'A role does not fit the kind of organisation.',
  })
  async createUser(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.create(actor, dto);
    setEtag(reply, user.version);
    void reply.header('Location', `/api/v1/users/${user.id}`);
    return toUserDto(user);
  }

  /**
   * Read a user
   *
   * One user account with organisation and roles; its `ETag` goes into `If-Match` of an update.
   */
  @Get(':id')
  @Can(Permission.UserRead)
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses({ 404: 'No such user.' })
  async getUser(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.get(id);
    setEtag(reply, user.version);
    return toUserDto(user);
  }

  /**
   * Change or deactivate a user
   *
   * Changes the display name or roles, or deactivates the account (`active: false`: every session
   * ends at once). An admin cannot lock themselves out. Needs `If-Match` with the user's `ETag`.
   */
  @Patch(':id')
  @Can(Permission.UserUpdate)
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses({
    404: 'No such user.',
    412: 'The user changed since its ETag was read.',
    422: 'A role does not fit the kind of organisation.',
    428: 'If-Match is missing.',
  })
  async updateUser(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.update(actor, id, version, dto);
    setEtag(reply, user.version);
    return toUserDto(user);
  }

  /**
   * Reset a user's password
   *
   * Sets a new password for a user who lost theirs; all their sessions end.
   */
  @Post(':id/password')
  @HttpCode(204)
  @Can(Permission.UserResetPassword)
  @ApiNoContentResponse({ description: 'Password set; the user is signed out everywhere.' })
  @ApiProblemResponses({ 404: 'No such user.' })
  resetUserPassword(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(actor, id, dto);
  }
}
