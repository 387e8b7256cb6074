import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { toApiKeyDto } from './identity.mappers';
import { ApiTag } from '../openapi/tags';
import { Creates } from '../openapi/creates.decorator';

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
   * Creates an API key with which a provider's own software (its case management system) reports to
   * Lotse, limited to the scopes given. The response is the only time the key is shown: store it at
   * once.
   */
  @Post('organisations/:id/api-keys')
  @Creates('/api/v1/api-keys/{id}')
  @Can(Permission.ApiKeyCreate)
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblemResponses({
    404: 'No such organisation, or not yours.',
    422: 'The organisation is not a provider.',
  })
  async createApiKey(
    @CurrentActor() actor: Actor,
    @UuidParam('id') organisationId: string,
    @Body() dto: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const { apiKey, key } = await this.apiKeys.create(actor, organisationId, dto);
    return { ...toApiKeyDto(apiKey), key };
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
