import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { EVERYTHING } from '../confidentiality/content-category';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { IdempotencyKeyHeader } from '../idempotency/idempotency-key.decorator';
import { CreateReportDto, UpdateReportDto } from './dto/create-report.dto';
import { PreviewQueryDto, ReportDto, ReportPageDto } from './dto/report.dto';
import { toReportDto } from './reporting.mappers';
import { ReportsService, type ReportRead } from './reports.service';
import { ApiTag } from '../common/openapi/tags';
import { Creates } from '../common/openapi/creates.decorator';
import { Expensive } from '../auth/expensive.decorator';

function reportResponse(
  reply: FastifyReply,
  { loaded, readable }: ReportRead,
): Disclosed<ReportDto> {
  // The version names the author's representation; another reader's depends on consent too.
  if (readable === EVERYTHING) setEtag(reply, loaded.report.version);
  return new Disclosed(toReportDto(loaded, readable), readable);
}

/** Provider reports (Erst-, Zwischen-, Abschlussberichte), sectioned by data category. */
@ApiTags(ApiTag.Reports)
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * Draft a report
   *
   * Drafts a report (Erst-, Zwischen- or Abschlussbericht) on a referral the provider works, one
   * section per data category; with `correctsId`, a correction of a submitted one. Provider systems
   * (API keys) must send an `Idempotency-Key`: a retry with the same key and body gets the same
   * answer, with another body `422`, while the first still runs `409`.
   */
  @Post('referrals/:id/reports')
  @Creates('/api/v1/reports/{id}')
  @Can(Permission.ReportCreate)
  @ApiCreatedResponse({ type: ReportDto })
  @ApiProblemResponses({
    400: 'Invalid body, or an API key without Idempotency-Key.',
    404: 'No such referral, or not yours.',
    409: 'Not reportable now, already corrected, or the same Idempotency-Key still in flight.',
    422: 'The Idempotency-Key was used for another request.',
  })
  async createReport(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
    @Body() dto: CreateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportDto> {
    const result = await this.reports.create(actor, referralId, dto, idempotencyKey);
    for (const [name, value] of Object.entries(result.headers)) void reply.header(name, value);
    void reply.status(result.status);
    return result.body;
  }

  /**
   * List a referral's reports
   *
   * A referral's reports, newest first: for the provider its drafts and submitted ones; for the
   * jobcenter the submitted ones, each with only the sections the client released to it now.
   */
  @Get('referrals/:id/reports')
  @Can(Permission.ReportRead)
  @ApiOkResponse({ type: ReportPageDto })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  @Discloses(ReportPageDto)
  async listReports(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Disclosed<ReportPageDto>> {
    const { page, readable } = await this.reports.list(actor, referralId, query);
    return new Disclosed(
      {
        items: page.items.map((l) => toReportDto(l, readable)),
        nextCursor: page.nextCursor,
      },
      readable,
    );
  }

  /**
   * Read a report
   *
   * One report. The provider's author sees everything and gets the `ETag` for changes; the
   * jobcenter sees a submitted report with only the sections the client released to it now
   * (`nothingReleased` when none). Every read by the jobcenter is audited.
   */
  @Get('reports/:id')
  @Can(Permission.ReportRead)
  @ApiOkResponse({ type: ReportDto })
  @ApiProblemResponses({ 404: 'No such report, or not visible to you.' })
  @Discloses(ReportDto)
  async getReport(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReportDto>> {
    return reportResponse(reply, await this.reports.get(actor, id));
  }

  /**
   * Change a draft report
   *
   * Changes a draft; `sections`, when sent, replace all sections. Needs `If-Match` with the
   * report's `ETag`.
   */
  @Patch('reports/:id')
  @Can(Permission.ReportUpdate)
  @ApiOkResponse({ type: ReportDto })
  @ApiProblemResponses({
    404: 'No such report, or not yours.',
    409: 'The report is submitted.',
    412: 'The report changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  @Discloses(ReportDto)
  async updateReport(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReportDto>> {
    return reportResponse(reply, await this.reports.update(actor, id, version, dto));
  }

  /**
   * Submit a report
   *
   * Submits the draft to the jobcenter: it never changes again (a correction is a new edition with
   * `correctsId`). Needs `If-Match` with the report's `ETag`.
   */
  @Post('reports/:id/submit')
  @HttpCode(200)
  @Can(Permission.ReportSubmit)
  @Expensive()
  @ApiOkResponse({ type: ReportDto })
  @ApiProblemResponses({
    404: 'No such report, or not yours.',
    409: 'Already submitted, or no report of this kind is possible now.',
    412: 'The report changed since its ETag was read.',
    428: 'If-Match is missing.',
  })
  @Discloses(ReportDto)
  async submitReport(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReportDto>> {
    return reportResponse(reply, await this.reports.submit(actor, id, version));
  }

  /**
   * Preview a report as a recipient sees it
   *
   * The report exactly as `recipient` would see it now, with only the sections the client released
   * to that organisation: the provider checks this before submitting.
   */
  @Get('reports/:id/preview')
  @Can(Permission.ReportPreview)
  @ApiOkResponse({ type: ReportDto })
  @ApiProblemResponses({ 404: 'No such report, or not yours.' })
  @Discloses(ReportDto)
  async previewReport(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() query: PreviewQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<ReportDto>> {
    return reportResponse(reply, await this.reports.preview(actor, id, query.recipient));
  }
}
