import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, UserActor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor, CurrentUser } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { PageOf, type Page } from '../common/pagination/page';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { toConsentTemplateDto, toConsentTemplateSummaryDto } from './consent.mappers';
import { ConsentTemplatesService } from './consent-templates.service';
import { ConsentTemplateDto, ConsentTemplateSummaryDto } from './dto/consent-template.dto';
import { CreateConsentTemplateDto } from './dto/create-consent-template.dto';
import { ListConsentTemplatesQueryDto } from './dto/list-consent-templates-query.dto';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';

/**
 * Consent texts (Einwilligungs- und Schweigepflichtentbindungstexte) of your organisation,
 * versioned and approved by its data protection officer.
 */
@ApiTags(ApiTag.Consent)
@Controller('consent-templates')
export class ConsentTemplatesController {
  constructor(private readonly templates: ConsentTemplatesService) {}

  /**
   * Write a consent template
   *
   * Writes a new version of a consent template (the text of a Schweigepflichtentbindung) of your
   * organisation: version 1 for a new key, else one more than the latest. Its data protection
   * officer must approve it before consents may use it.
   */
  @Post()
  @Creates('/api/v1/consent-templates/{id}')
  @Can(Permission.ConsentTemplateManage)
  @ApiCreatedResponse({ type: ConsentTemplateDto })
  async createConsentTemplate(
    @CurrentUser() user: UserActor,
    @Body() dto: CreateConsentTemplateDto,
  ): Promise<ConsentTemplateDto> {
    return toConsentTemplateDto(await this.templates.create(user, dto));
  }

  /**
   * List consent templates
   *
   * Your organisation's consent template versions, newest first, without their texts.
   */
  @Get()
  @Can(Permission.ConsentTemplateRead)
  @ApiOkResponse({ type: PageOf(ConsentTemplateSummaryDto) })
  async listConsentTemplates(
    @CurrentActor() actor: Actor,
    @Query() query: ListConsentTemplatesQueryDto,
  ): Promise<Page<ConsentTemplateSummaryDto>> {
    const { limit, cursor, key, approved } = query;
    const page = await this.templates.list(actor, { key, approved }, { limit, cursor });
    return { items: page.items.map(toConsentTemplateSummaryDto), nextCursor: page.nextCursor };
  }

  /**
   * Read a consent template
   *
   * One version of a consent template with its full text and the data categories it covers.
   */
  @Get(':id')
  @Can(Permission.ConsentTemplateRead)
  @ApiOkResponse({ type: ConsentTemplateDto })
  @ApiProblemResponses({ 404: 'No such template of your organisation.' })
  async getConsentTemplate(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<ConsentTemplateDto> {
    return toConsentTemplateDto(await this.templates.get(actor, id));
  }

  /**
   * Approve a consent template
   *
   * The data protection officer approves the version for use; once approved it stays so. A change
   * of the text is a new version.
   */
  @Post(':id/approve')
  @HttpCode(200)
  @Can(Permission.ConsentTemplateApprove)
  @ApiOkResponse({ type: ConsentTemplateDto })
  @ApiProblemResponses({
    404: 'No such template of your organisation.',
    409: 'The template is already approved.',
  })
  async approveConsentTemplate(
    @CurrentUser() user: UserActor,
    @UuidParam('id') id: string,
  ): Promise<ConsentTemplateDto> {
    return toConsentTemplateDto(await this.templates.approve(user, id));
  }
}
