import { Body, Controller, Get, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor, UserActor } from '../auth/actor';
import { AuditEventDto, toAuditEventPage } from '../audit/dto/audit-event.dto';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQueryDto } from './dto/list-organisations-query.dto';
import {
  CreatedOrganisationDto,
  FederalStateSettingDto,
  MfaRequirementDto,
  OrganisationDto,
} from './dto/organisation.dto';
import { toCreatedUserDto, toOrganisationDto } from './identity.mappers';
import { OrganisationsService } from './organisations.service';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/** Jobcenters, providers and the operator: the admin's tool, and what leads see of it. */
@ApiTags(ApiTag.Administration)
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /**
   * List organisations
   *
   * Jobcenters, providers (Träger) and the operator, by name; filter by `kind`.
   */
  @Get()
  @Can(Permission.OrganisationRead)
  @ApiOkResponse({ type: PageOf(OrganisationDto) })
  async listOrganisations(
    @Query() query: ListOrganisationsQueryDto,
  ): Promise<Page<OrganisationDto>> {
    const page = await this.organisations.list({ kind: query.kind }, query);
    return { items: page.items.map(toOrganisationDto), nextCursor: page.nextCursor };
  }

  /**
   * Create an organisation
   *
   * A new organisation; for a jobcenter or provider optionally with its first lead
   * (`firstLead`), whose one-time activation code is in the answer, shown this once: hand it
   * over yourself. From then on the lead manages the organisation's members, and what an admin
   * changes there that grants access needs the lead's approval.
   */
  @Post()
  @Creates('/api/v1/organisations/{id}')
  @Can(Permission.OrganisationCreate)
  @ApiCreatedResponse({ type: CreatedOrganisationDto })
  @ApiProblemResponses({
    409: 'Another organisation has this name, or another user the first lead’s address.',
  })
  async createOrganisation(
    @CurrentUser() actor: UserActor,
    @Body() dto: CreateOrganisationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedOrganisationDto> {
    const { organisation, firstLead } = await this.organisations.create(actor, dto);
    setEtag(reply, organisation.version);
    void reply.header('Location', `/api/v1/organisations/${organisation.id}`);
    return {
      ...toOrganisationDto(organisation),
      firstLead: firstLead ? toCreatedUserDto(firstLead) : null,
    };
  }

  /**
   * What the operator did in your organisation
   *
   * What the operator's admins did inside your organisation, newest first: its users, roles,
   * password resets, API keys, approval requests and their decisions, the organisation itself. For
   * the organisation's own leads.
   */
  @Get(':id/operator-actions')
  @Can(Permission.OperatorActionRead)
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  @ApiProblemResponses({ 404: 'No such organisation, or not yours.' })
  async listOperatorActions(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AuditEventDto>> {
    return toAuditEventPage(await this.organisations.listOperatorActions(actor, id, query));
  }

  /**
   * Read an organisation
   *
   * One organisation; its `ETag` goes into `If-Match` of an update.
   */
  @Get(':id')
  @Can(Permission.OrganisationRead)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblemResponses({ 404: 'No such organisation.' })
  async getOrganisation(
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationDto> {
    const organisation = await this.organisations.get(id);
    setEtag(reply, organisation.version);
    return toOrganisationDto(organisation);
  }

  /**
   * Rename or deactivate an organisation
   *
   * Renames, deactivates (`active: false`: its users are signed out and can no longer sign in) or
   * reactivates an organisation. Organisations are never deleted. Needs `If-Match` with the
   * organisation's `ETag`.
   */
  @Patch(':id')
  @Can(Permission.OrganisationUpdate)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblemResponses({
    404: 'No such organisation.',
    409: 'Another organisation has this name.',
    412: 'The organisation changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateOrganisation(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateOrganisationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationDto> {
    const organisation = await this.organisations.update(actor, id, version, dto);
    setEtag(reply, organisation.version);
    return toOrganisationDto(organisation);
  }

  /**
   * Require a second factor of every member
   *
   * `required: true`: from their next password sign-in on, every member of the organisation
   * completes it with a TOTP code (who has none sets one up then); `false` leaves it to the
   * roles that always need one (admin, auditor). For admins, and the organisation's own leads.
   * Audited; an admin's change is listed among the lead's operator actions.
   */
  @Put(':id/mfa-requirement')
  @Can(Permission.OrganisationRequireMfa)
  @ApiOkResponse({ type: MfaRequirementDto })
  @ApiProblemResponses({ 404: 'No such organisation, or not yours.' })
  async setMfaRequirement(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: MfaRequirementDto,
  ): Promise<MfaRequirementDto> {
    return { required: await this.organisations.setMfaRequirement(actor, id, dto.required) };
  }

  /**
   * Set a jobcenter's Bundesland
   *
   * The Land whose public holidays are not working days for the jobcenter's first-contact due
   * dates (`HE` Hessen, `NW` Nordrhein-Westfalen, …); `null`: only the holidays of every Land.
   * Applies to referrals accepted from then on. For admins, and the jobcenter's own leads; a
   * provider or the operator has none (400). Audited; an admin's change is listed among the
   * lead's operator actions.
   */
  @Put(':id/federal-state')
  @Can(Permission.OrganisationSetFederalState)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblemResponses({ 404: 'No such organisation, or not yours.' })
  async setFederalState(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: FederalStateSettingDto,
  ): Promise<OrganisationDto> {
    return toOrganisationDto(await this.organisations.setFederalState(actor, id, dto.federalState));
  }
}
