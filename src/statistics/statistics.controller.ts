import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import {
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
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { ReferralStatisticsDto } from './dto/referral-statistics.dto';
import { ReferralStatisticsQueryDto } from './dto/referral-statistics-query.dto';
import { CSV_CONTENT_TYPE, prefersCsv } from '../common/csv/csv-safety';
import { StatisticsService } from './statistics.service';
import { ApiTag } from '../common/openapi/tags';
import { Expensive } from '../auth/expensive.decorator';

const CSV_EXAMPLE = [
  '"providerId","provider","2026-01","2026-02","total"',
  '"6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10","Träger Nord",12,,17',
  '"0d3e5b7c-8a21-4f6e-b9d4-1c2e3f4a5b6c","\'=Träger ""Süd"", Essen",9,,14',
  ',"total",21,10,31',
].join('\r\n');

@ApiTags(ApiTag.Statistics)
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /**
   * Referral statistics
   *
   * Aggregate statistics of the referrals sent in a calendar year (`?year=`, default the current
   * one, in Europe/Berlin): a jobcenter lead's own jobcenter's referrals, or a provider lead's
   * provider's. Counts of 1 to 4 are suppressed, and so is every further cell from which one
   * could be recovered with anything the statistics of any year publish, the capacity figures
   * included (one disclosure-control step, docs/architecture/0012).
   *
   * `Accept: text/csv` returns one table as CSV (`?table=`; `header=present`, CRLF line ends;
   * suppressed cells empty; every text quoted, and a text a spreadsheet would read as a formula
   * prefixed with `'`). `?separator=semicolon` writes it for German spreadsheets: `;` between
   * fields, decimal commas and a UTF-8 byte order mark. Any other `Accept` gets JSON.
   */
  @Get('referrals')
  @Can(Permission.StatisticsRead)
  @Expensive()
  @Header('Vary', 'Accept')
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(ReferralStatisticsDto)
  @ApiOkResponse({
    description: 'The statistics (JSON), or one table of them (CSV).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReferralStatisticsDto) } },
      // At most STATISTICS_MAX_ROWS rows of up to 38 short fields.
      'text/csv': { schema: { type: 'string', maxLength: 2_000_000 }, example: CSV_EXAMPLE },
    },
  })
  @ApiProblemResponses({
    400: 'The year is malformed, a parameter is given twice or unknown, or the table is not one of the caller’s.',
  })
  async getReferralStatistics(
    @CurrentActor() actor: Actor,
    @Query() query: ReferralStatisticsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralStatisticsDto | string> {
    if (!prefersCsv(accept)) {
      const json = await this.statistics.referralStatisticsJson(actor, query);
      void reply.header('Content-Type', 'application/json; charset=utf-8');
      return json;
    }
    const csv = await this.statistics.referralStatisticsCsv(actor, query);
    void reply
      .header('Content-Type', CSV_CONTENT_TYPE)
      .header('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return csv.body;
  }
}
