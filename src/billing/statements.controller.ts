import { Body, Controller, Get, Header, Headers, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { Creates } from '../common/openapi/creates.decorator';
import { ApiTag } from '../common/openapi/tags';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { CreateStatementDto, ListStatementsQueryDto } from './dto/create-statement.dto';
import { StatementDto, StatementListDto } from './dto/statement.dto';
import { CSV_CONTENT_TYPE, prefersCsv } from '../common/csv/csv-safety';
import { statementCsv, statementFilename } from './statement-csv';
import { StatementsService } from './statements.service';

const CSV_EXAMPLE = [
  '"contract","month","edition","correctionReason","referralId","unit","amountEur"',
  '"AH-2026-014","2026-10","2","disputed_by_jobcenter","6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10","active_case_month","450.00"',
  '"AH-2026-014","2026-10","2","disputed_by_jobcenter","","total","450.00"',
].join('\r\n');

/** Billing statements of a contract, per month and edition (ADR 0023). */
@ApiTags(ApiTag.Billing)
@Controller()
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  /**
   * Generate a statement edition
   *
   * The provider's lead generates the next edition of a month's statement for its contract,
   * from the contract's billing terms and the referrals' events: one line per referral and
   * billable unit, priced at the terms in force now. The month must have ended (Europe/Berlin)
   * and share a day with the contract's validity. The first edition takes no
   * `correctionReason`; each later one is a correction and needs one, and may leave out lines
   * (`exclude`). Editions never change.
   */
  @Post('contracts/:id/statements')
  @Creates('/api/v1/statements/{id}')
  @Can(Permission.BillingStatementCreate)
  @ApiCreatedResponse({ type: StatementDto })
  @ApiProblemResponses({
    400: 'The month is malformed, a correction lacks its reason (or a first edition has one), or an excluded line is not billable in the month.',
    404: 'No such contract, or not your provider’s.',
    409: 'The contract has no billing terms, or another edition was generated at the same time.',
    422: 'The month has not ended, or the contract is not valid in it.',
  })
  generateStatement(
    @CurrentActor() actor: Actor,
    @UuidParam('id') contractId: string,
    @Body() dto: CreateStatementDto,
  ): Promise<StatementDto> {
    return this.statements.generate(actor, contractId, dto);
  }

  /**
   * List a month's statement editions
   *
   * Every edition of the contract's statement of `month`, the first first, without lines: for
   * the jobcenter's lead of the contract and the provider's lead.
   */
  @Get('contracts/:id/statements')
  @Can(Permission.BillingStatementRead)
  @ApiOkResponse({ type: StatementListDto })
  @ApiProblemResponses({
    400: 'The month is malformed, or a parameter is given twice or unknown.',
    404: 'No such contract, or not yours.',
  })
  async listStatements(
    @CurrentActor() actor: Actor,
    @UuidParam('id') contractId: string,
    @Query() query: ListStatementsQueryDto,
  ): Promise<StatementListDto> {
    return { items: await this.statements.listOfMonth(actor, contractId, query.month) };
  }

  /**
   * Read a statement edition
   *
   * One edition with its subtotals and lines (referral id, unit, price). `Accept: text/csv`
   * returns it as CSV (`header=present`, CRLF line ends, every field quoted, a field a
   * spreadsheet would read as a formula prefixed with `'`), one row per line and a `total` row.
   */
  @Get('statements/:id')
  @Can(Permission.BillingStatementRead)
  @Header('Vary', 'Accept')
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(StatementDto)
  @ApiOkResponse({
    description: 'The edition (JSON), or its lines (CSV).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StatementDto) } },
      'text/csv': { schema: { type: 'string', maxLength: 10_000_000 }, example: CSV_EXAMPLE },
    },
  })
  @ApiProblemResponses({ 404: 'No such statement, or not yours.' })
  async getStatement(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatementDto | string> {
    const statement = await this.statements.get(actor, id);
    if (!prefersCsv(accept)) {
      void reply.header('Content-Type', 'application/json; charset=utf-8');
      return statement;
    }
    void reply
      .header('Content-Type', CSV_CONTENT_TYPE)
      .header('Content-Disposition', `attachment; filename="${statementFilename(statement)}"`);
    return statementCsv(statement);
  }
}
