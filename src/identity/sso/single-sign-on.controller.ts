import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, UserActor } from '../../auth/actor';
import { Can } from '../../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../../auth/current-actor.decorator';
import { Permission } from '../../auth/permission';
import { IfMatch, setEtag } from '../../common/concurrency/preconditions';
import { PageOf, type Page } from '../../common/pagination/page';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../../common/validation/uuid-param';
import { Creates } from '../../common/openapi/creates.decorator';
import { ApiTag } from '../../common/openapi/tags';
import { answerRequested, ApiApprovalRequested } from '../approval-answer';
import type { ApprovalRequestDto } from '../dto/approval-request.dto';
import { CreateIdentityLinkDto, IdentityLinkDto } from './dto/identity-link.dto';
import {
  CreateIdentityProviderDto,
  IdentityProviderDto,
  UpdateIdentityProviderDto,
} from './dto/identity-provider.dto';
import { IdentityLinksService } from './identity-links.service';
import { IdentityProvidersService } from './identity-providers.service';
import { toIdentityLinkDto, toIdentityProviderDto } from './sso.mappers';

/** Single sign-on of an organisation: its identity provider and the links of its people. */
@ApiTags(ApiTag.Administration)
@Controller()
export class SingleSignOnController {
  constructor(
    private readonly providers: IdentityProvidersService,
    private readonly links: IdentityLinksService,
  ) {}

  /**
   * Read an organisation's identity provider
   *
   * The organisation's OpenID provider for single sign-on, without the client secret. Its
   * `ETag` goes into `If-Match` of a change. For admins, and the organisation's own leads.
   */
  @Get('organisations/:id/identity-provider')
  @Can(Permission.IdentityProviderRead)
  @ApiOkResponse({ type: IdentityProviderDto })
  @ApiProblemResponses({ 404: 'No such organisation, not yours, or no identity provider.' })
  async getIdentityProvider(
    @CurrentActor() actor: Actor,
    @UuidParam('id') organisationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdentityProviderDto> {
    const provider = await this.providers.get(actor, organisationId);
    setEtag(reply, provider.version);
    return toIdentityProviderDto(provider);
  }

  /**
   * Configure single sign-on
   *
   * Connects the organisation to its OpenID provider (Keycloak, AD FS): issuer, client, the
   * claim with the person's groups and which groups give which roles. Nobody can sign in
   * through it yet: each person's subject must first be linked to their user by the
   * organisation's lead. The client secret is stored encrypted and never shown again.
   */
  @Post('organisations/:id/identity-provider')
  @Creates('/api/v1/organisations/{id}/identity-provider')
  @Can(Permission.IdentityProviderManage)
  @ApiCreatedResponse({ type: IdentityProviderDto })
  @ApiProblemResponses({
    404: 'No such organisation.',
    409: 'The organisation has an identity provider already.',
    422: 'A mapped role does not fit the kind of organisation.',
  })
  async createIdentityProvider(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') organisationId: string,
    @Body() dto: CreateIdentityProviderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdentityProviderDto> {
    const provider = await this.providers.create(actor, organisationId, dto);
    setEtag(reply, provider.version);
    void reply.header('Location', `/api/v1/organisations/${organisationId}/identity-provider`);
    return toIdentityProviderDto(provider);
  }

  /**
   * Change single sign-on
   *
   * Changes the identity provider's settings, switches password sign-in of the organisation
   * off or on (`passwordLogin`), or single sign-on itself (`active`; switched off, its
   * sessions end). A new `issuer` removes every link: they were made for the old one. Needs
   * `If-Match`.
   */
  @Patch('organisations/:id/identity-provider')
  @Can(Permission.IdentityProviderManage)
  @ApiOkResponse({ type: IdentityProviderDto })
  @ApiProblemResponses({
    404: 'No such organisation, or no identity provider.',
    412: 'The identity provider changed since its ETag was read.',
    422: 'A mapped role does not fit the kind of organisation.',
    428: 'If-Match is missing.',
  })
  async updateIdentityProvider(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') organisationId: string,
    @IfMatch() version: number,
    @Body() dto: UpdateIdentityProviderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdentityProviderDto> {
    const provider = await this.providers.update(actor, organisationId, version, dto);
    setEtag(reply, provider.version);
    return toIdentityProviderDto(provider);
  }

  /**
   * List single sign-on links
   *
   * Which subjects of the organisation's identity provider sign in as which of its users.
   */
  @Get('organisations/:id/identity-links')
  @Can(Permission.IdentityLinkRead)
  @ApiOkResponse({ type: PageOf(IdentityLinkDto) })
  @ApiProblemResponses({ 404: 'No such organisation, not yours, or no identity provider.' })
  async listIdentityLinks(
    @CurrentActor() actor: Actor,
    @UuidParam('id') organisationId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<IdentityLinkDto>> {
    const page = await this.links.list(actor, organisationId, query);
    return { items: page.items.map(toIdentityLinkDto), nextCursor: page.nextCursor };
  }

  /**
   * Link a single sign-on subject to a user
   *
   * From now on the person with this subject at the organisation's identity provider signs in
   * as this user. A first sign-in of an unknown subject is refused and names the subject; it is
   * never matched by email. The lead's link takes effect at once (`201`); an operator admin's
   * is an approval request (`202`) for the lead.
   */
  @Post('organisations/:id/identity-links')
  @Creates('/api/v1/organisations/{id}/identity-links')
  @Can(Permission.IdentityLinkManage)
  @ApiCreatedResponse({ type: IdentityLinkDto, description: "A lead's: the link." })
  @ApiApprovalRequested('link')
  @ApiProblemResponses({
    404: 'No such organisation or user, not yours, or no identity provider.',
    409: 'The subject, or the user, is linked already.',
    422: 'The organisation is deactivated.',
  })
  async createIdentityLink(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') organisationId: string,
    @Body() dto: CreateIdentityLinkDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdentityLinkDto | ApprovalRequestDto> {
    const outcome = await this.links.create(actor, organisationId, dto);
    if (outcome.outcome === 'requested') return answerRequested(reply, outcome.request);
    return toIdentityLinkDto(outcome.result);
  }

  /**
   * Unlink a single sign-on subject
   *
   * The subject no longer signs in as the user; its sessions end on their next request.
   */
  @Delete('identity-links/:id')
  @HttpCode(204)
  @Can(Permission.IdentityLinkManage)
  @ApiNoContentResponse({ description: 'Unlinked.' })
  @ApiProblemResponses({ 404: 'No such link, or not yours.' })
  async deleteIdentityLink(
    @CurrentUser() actor: UserActor,
    @UuidParam('id') id: string,
  ): Promise<void> {
    await this.links.remove(actor, id);
  }
}
