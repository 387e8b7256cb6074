import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { ChangePasswordDto } from '../identity/dto/create-user.dto';
import { MeDto } from '../identity/dto/user.dto';
import { toUserDto } from '../identity/identity.mappers';
import { UsersService } from '../identity/users.service';
import type { UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentUser } from '../auth/current-actor.decorator';
import { LoginThrottleGuard } from './login.guards';
import { Permission } from '../auth/permission';
import { ApiTag } from '../common/openapi/tags';

/** The signed-in person. */
@ApiTags(ApiTag.Auth)
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  /**
   * Who am I
   *
   * Who is signed in: name, organisation, roles and the permissions they grant. A user interface
   * shows or hides its functions by `permissions`.
   */
  @Get()
  @Can(Permission.ProfileRead)
  @ApiOkResponse({ type: MeDto })
  async getMe(@CurrentUser() actor: UserActor): Promise<MeDto> {
    const user = await this.users.get(actor.userId);
    return { ...toUserDto(user), permissions: [...actor.permissions].sort() };
  }

  /**
   * Change my password
   *
   * Changes your own password; `currentPassword` must be right. Your other sessions end, this one
   * goes on.
   */
  @Post('password')
  @HttpCode(204)
  @UseGuards(LoginThrottleGuard)
  @Can(Permission.ProfileChangePassword)
  @ApiNoContentResponse({ description: 'Password changed.' })
  @ApiProblemResponses({
    422: 'The current password is wrong.',
    429: 'Too many attempts; see Retry-After.',
  })
  changeMyPassword(@CurrentUser() actor: UserActor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.users.changeOwnPassword(actor, dto);
  }
}
