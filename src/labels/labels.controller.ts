import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { prefersGerman } from '../common/problem/problem-catalogue';
import { ApiTag } from '../common/openapi/tags';
import { labelsIn } from './enum-labels';
import { LabelsDto, LabelsQueryDto } from './labels.dto';

@ApiTags(ApiTag.Operations)
@Public()
@Controller('labels')
export class LabelsController {
  /**
   * Display names of every enum value
   *
   * The German or English display name of every value of every enum in the API (roles,
   * referral states and actions, reasons, data categories, services, …), so that a user
   * interface shows `Zugesagt` rather than `accepted` without hard-coding a translation. Needs
   * no sign-in; the values themselves (the keys) never change within API version 1.
   */
  @Get()
  @ApiOkResponse({ type: LabelsDto })
  getLabels(
    @Query() query: LabelsQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): LabelsDto {
    const lang = query.lang ?? (prefersGerman(acceptLanguage) ? 'de' : 'en');
    return { lang, enums: labelsIn(lang) };
  }
}
