import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { answerRequested, ApiApprovalRequested } from './approval-answer';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import type { ApprovalRequestDto } from './dto/approval-request.dto';
import { toApiKeyDto, toCreatedApiKeyDto } from './identity.mappers';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/** Keys of provider systems (Fachverfahren), for `Authorization: ApiKey <key>`. */
@ApiTags(ApiTag.Administration)
@Controller()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /**
   * List a provider's API keys
   *
   * An organisation's API keys for provider systems, newest first, without the secret. A provider
   * lead sees only their own organisation's.
   */
  @Get('organisations/:id/api-keys')
  @Can(Permission.ApiKeyRead)
  @ApiOkResponse({ type: PageOf(ApiKeyDto) })
  @ApiProblemResponses({ 404: 'No such organisation, or not yours.' })
  async listApiKeys(
    @CurrentActor() actor: Actor,
    @UuidParam('id') organisationId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ApiKeyDto>> {
    const page = await this.apiKeys.list(actor, organisationId, query);
    return { items: page.items.map(toApiKeyDto), nextCursor: page.nextCursor };
  }

  /**
   * Create an API key
   *
   * A key with which a provider's own software (its case management system) reports to Lotse,
   * limited to the scopes given. The provider lead's key is made at once (`201`), and the answer is
   * the only time the key is shown. An operator admin's is an approval request (`202`): the key
   * is made when the provider's lead approves, and shown to that lead alone.
   */
  @Post('organisations/:id/api-keys')
  @Creates('/api/v1/api-keys/{id}')
  @Can(Permission.ApiKeyCreate)
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: "A lead's: the key, shown once." })
  @ApiApprovalRequested('API key')
  @ApiProblemResponses({
    404: 'No such organisation, or not yours.',
    422: 'The organisation is not a provider, or is deactivated.',
  })
  async createApiKey(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') organisationId: string,
    @Body() dto: CreateApiKeyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedApiKeyDto | ApprovalRequestDto> {
    const outcome = await this.apiKeys.create(actor, organisationId, dto);
    if (outcome.outcome === 'requested') return answerRequested(reply, outcome.request);
    return toCreatedApiKeyDto(outcome.result);
  }

  /**
   * Which key am I
   *
   * The API key making this call: its organisation, scopes and expiry. For provider systems to
   * check their configuration.
   */
  @Get('api-keys/current')
  @Can(Permission.ApiKeyIntrospect)
  @ApiOkResponse({ type: ApiKeyDto })
  async getCurrentApiKey(@CurrentActor() actor: Actor): Promise<ApiKeyDto> {
    if (actor.kind !== 'api_key') throw new Error('api-keys/current reached by a person');
    return toApiKeyDto(await this.apiKeys.current(actor.apiKeyId));
  }

  /**
   * Read an API key
   *
   * One API key's name, prefix, scopes, expiry and state, without the secret.
   */
  @Get('api-keys/:id')
  @Can(Permission.ApiKeyRead)
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblemResponses({ 404: 'No such key, or not yours.' })
  async getApiKey(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ApiKeyDto> {
    return toApiKeyDto(await this.apiKeys.get(actor, id));
  }

  /**
   * Revoke an API key
   *
   * Revokes the key at once; its next call is refused. Revoking twice changes nothing.
   */
  @Post('api-keys/:id/revoke')
  @HttpCode(200)
  @Can(Permission.ApiKeyRevoke)
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblemResponses({ 404: 'No such key, or not yours.' })
  async revokeApiKey(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ApiKeyDto> {
    return toApiKeyDto(await this.apiKeys.revoke(actor, id));
  }
}
