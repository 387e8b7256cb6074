import { Body, Controller, Get, Header, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { ApiTag } from '../common/openapi/tags';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { EraseClientDto, ErasureDto } from './dto/erasure.dto';
import { DataCopyDto, ProviderDataCopyDto } from './dto/data-copy.dto';
import { DataCopyService } from './data-copy.service';
import { renderDataCopyDe, renderProviderDataCopyDe } from './data-copy';
import { RetentionPolicyDto, UpdateRetentionPolicyDto } from './dto/retention-policy.dto';
import { ErasureService } from './erasure.service';
import { RetentionPolicyService, type RetentionSchedule } from './retention-policy.service';

const TEXT_PLAIN = 'text/plain; charset=utf-8';

function toRetentionPolicyDto(s: RetentionSchedule): RetentionPolicyDto {
  return {
    jobcenterId: s.jobcenterId,
    caseContentMonths: s.caseContentMonths,
    unreferredClientMonths: s.unreferredClientMonths,
    auditTrailMonths: s.auditTrailMonths,
    isDefault: s.isDefault,
    updatedAt: s.updatedAt,
  };
}

/** Erasure and the retention schedule: the jobcenter's data protection officer's (ADR 0020). */
@ApiTags(ApiTag.Clients)
@Controller()
export class DataProtectionController {
  constructor(
    private readonly erasure: ErasureService,
    private readonly retention: RetentionPolicyService,
    private readonly copies: DataCopyService,
  ) {}

  /**
   * Erase a client (Art. 17 GDPR)
   *
   * For the auditor (data protection officer) of the client's jobcenter, who decided the request
   * with its ground: erases the client from every table (master data, referrals with their
   * history and activities, reports, consent records and their evidence, stored answers), not
   * flagged but gone. What remains: the statistics' aggregate counts and the audit trail, which
   * holds ids and categories only. Refused while an open referral or a legal hold requires the
   * data.
   */
  @Post('clients/:id/erasure')
  @HttpCode(200)
  @Can(Permission.ClientErase)
  @ApiOkResponse({ type: ErasureDto })
  @ApiProblemResponses({
    404: 'No such client of your jobcenter.',
    409: 'An open referral or a legal hold still requires the data (`erasure-blocked`).',
  })
  eraseClient(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
    @Body() dto: EraseClientDto,
  ): Promise<ErasureDto> {
    return this.erasure.eraseOnRequest(actor, clientId, dto.reason);
  }

  /**
   * Copy of a client's data (Art. 15 GDPR)
   *
   * For the auditor (data protection officer) of the client's jobcenter, also under restriction:
   * everything Lotse holds about the client, machine-readable — the client record, referrals
   * with their history and activities, reports with their sections, the consent history with
   * grants and revocations, and the disclosure record. Audited.
   */
  @Get('clients/:id/data-copy')
  @Can(Permission.ClientDataCopy)
  @ApiOkResponse({ type: DataCopyDto })
  @ApiProblemResponses({ 404: 'No such client of your jobcenter.' })
  async getClientDataCopy(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<DataCopyDto> {
    return this.copies.copy(actor, clientId);
  }

  /**
   * Copy of a client's data as German text (Art. 15 GDPR)
   *
   * The same copy as plain German text to hand to the client. Audited.
   */
  @Get('clients/:id/data-copy/text')
  @Can(Permission.ClientDataCopy)
  @Header('Content-Type', TEXT_PLAIN)
  @ApiProduces(TEXT_PLAIN)
  @ApiOkResponse({
    description: 'The copy as plain text (German).',
    content: { [TEXT_PLAIN]: { schema: { type: 'string', maxLength: 10_000_000 } } },
  })
  @ApiProblemResponses({ 404: 'No such client of your jobcenter.' })
  async getClientDataCopyText(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<string> {
    return renderDataCopyDe(await this.copies.copy(actor, clientId));
  }

  /**
   * Provider's part of a client's data copy (Art. 15)
   *
   * For the auditor (data protection officer) of a provider to which a referral of the client
   * was sent: what this provider itself holds about the client, machine-readable — the facts of
   * its referrals, its own steps, activities, reports with every section, the consents it
   * recorded, and the disclosures it was a party to; nothing of another organisation. Each
   * controller answers for its part; the jobcenter's is `GET /clients/{id}/data-copy`. Refused
   * while the client's processing is restricted. Audited.
   */
  @Get('clients/:id/provider-data-copy')
  @Can(Permission.ClientDataCopy)
  @ApiOkResponse({ type: ProviderDataCopyDto })
  @ApiProblemResponses({
    403: 'The client’s processing is restricted.',
    404: 'No client of whom a referral was sent to your organisation.',
  })
  async getProviderDataCopy(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<ProviderDataCopyDto> {
    return this.copies.providerCopy(actor, clientId);
  }

  /**
   * Provider's part of the data copy as German text
   *
   * The provider's part as plain German text to hand to the client. Audited.
   */
  @Get('clients/:id/provider-data-copy/text')
  @Can(Permission.ClientDataCopy)
  @Header('Content-Type', TEXT_PLAIN)
  @ApiProduces(TEXT_PLAIN)
  @ApiOkResponse({
    description: 'The provider’s part as plain text (German).',
    content: { [TEXT_PLAIN]: { schema: { type: 'string', maxLength: 10_000_000 } } },
  })
  @ApiProblemResponses({
    403: 'The client’s processing is restricted.',
    404: 'No client of whom a referral was sent to your organisation.',
  })
  async getProviderDataCopyText(
    @CurrentActor() actor: Actor,
    @UuidParam('id') clientId: string,
  ): Promise<string> {
    return renderProviderDataCopyDe(await this.copies.providerCopy(actor, clientId));
  }

  /**
   * Read your jobcenter's retention schedule
   *
   * How long Lotse keeps your jobcenter's clients' data before it erases them (Löschfristen), the
   * defaults until your data protection officer changes them. Its `ETag` (`"0"` for the
   * defaults) goes into `If-Match` of a change.
   */
  @Get('retention-policy')
  @Can(Permission.RetentionPolicyRead)
  @ApiOkResponse({ type: RetentionPolicyDto })
  @ApiProblemResponses({ 404: 'Your organisation is not a jobcenter: it has no schedule.' })
  async getRetentionPolicy(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RetentionPolicyDto> {
    const schedule = await this.retention.get(actor);
    setEtag(reply, schedule.version);
    return toRetentionPolicyDto(schedule);
  }

  /**
   * Change your jobcenter's retention schedule
   *
   * For your jobcenter's auditor (data protection officer); periods left out stay. Audited with
   * the new periods. Needs `If-Match` with the schedule's `ETag`.
   */
  @Patch('retention-policy')
  @Can(Permission.RetentionPolicyManage)
  @ApiOkResponse({ type: RetentionPolicyDto })
  @ApiProblemResponses({
    404: 'Your organisation is not a jobcenter: it has no schedule.',
    412: 'The schedule changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  async updateRetentionPolicy(
    @CurrentActor() actor: Actor,
    @IfMatch() version: number,
    @Body() dto: UpdateRetentionPolicyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RetentionPolicyDto> {
    const schedule = await this.retention.update(actor, version, dto);
    setEtag(reply, schedule.version);
    return toRetentionPolicyDto(schedule);
  }
}
