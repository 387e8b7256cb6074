import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { Creates } from '../common/openapi/creates.decorator';
import { ApiTag } from '../common/openapi/tags';
import { PageOf, type Page } from '../common/pagination/page';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { CreatePartnerAgreementDto, PartnerAgreementDto } from './dto/partner-agreement.dto';
import { toPartnerAgreementDto } from './partners.mappers';
import { PartnersService } from './partners.service';

/** Agreements between jobcenters and partner organisations (ADR 0022); no personal data. */
@ApiTags(ApiTag.Partners)
@Controller('partner-agreements')
export class PartnerAgreementsController {
  constructor(private readonly partners: PartnersService) {}

  /**
   * List partner agreements
   *
   * A jobcenter lead sees their jobcenter's agreements, a partner its own, a provider every
   * agreement valid today (to choose whom to refer a client onward to), with the places taken.
   */
  @Get()
  @Can(Permission.PartnerAgreementRead)
  @ApiOkResponse({ type: PageOf(PartnerAgreementDto) })
  async listPartnerAgreements(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<Page<PartnerAgreementDto>> {
    const page = await this.partners.listAgreements(actor, query);
    return { items: page.items.map(toPartnerAgreementDto), nextCursor: page.nextCursor };
  }

  /**
   * Make a partner agreement
   *
   * An agreement of the caller's jobcenter with a partner organisation: the category of care it
   * gives and the places it reserves for the jobcenter's clients. One per jobcenter and partner.
   */
  @Post()
  @Creates('/api/v1/partner-agreements/{id}')
  @Can(Permission.PartnerAgreementManage)
  @ApiCreatedResponse({ type: PartnerAgreementDto })
  @ApiProblemResponses({
    404: 'No such active partner organisation.',
    409: 'Your jobcenter already has an agreement with this partner.',
  })
  async createPartnerAgreement(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePartnerAgreementDto,
  ): Promise<PartnerAgreementDto> {
    return toPartnerAgreementDto(await this.partners.createAgreement(actor, dto));
  }
}
