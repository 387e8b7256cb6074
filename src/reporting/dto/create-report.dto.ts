import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { DataCategory } from '../../confidentiality/data-category';
import { Trim } from '../../common/validation/normalise';
import { ReportKind } from '../report.entity';
import { ApiDate, IsUuidField } from '../../common/validation/bounds';

export const SECTION_TEXT_MAX_LENGTH = 5000;
export const MAX_SECTIONS = 20;

export class ReportSectionInputDto {
  /** The one data category the section is about; the client's consent releases by it. */
  @IsEnum(DataCategory)
  category: DataCategory;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SECTION_TEXT_MAX_LENGTH)
  text: string;

  /**
   * Structured facts for some categories: housing `threatenedLoss`, `evictionNoticeReceived`,
   * `secured`; debts `totalAmountEur`, `creditors`, `regulationStarted`; participation
   * `contactsMade`, `appointmentsKept`, `appointmentsMissed`; health and mental_health
   * `careArranged`; goals `goalsReached`, `goalsOpen`.
   */
  @IsOptional()
  @IsObject()
  fields?: Record<string, unknown> | null;
}

export class CreateReportDto {
  @IsEnum(ReportKind)
  kind: ReportKind;

  /** First day the report covers (YYYY-MM-DD). */
  @ApiDate()
  @IsCalendarDate()
  periodFrom: string;

  /** Last day the report covers, not before periodFrom. */
  @ApiDate()
  @IsCalendarDate()
  periodUntil: string;

  @IsArray()
  @ArrayMaxSize(MAX_SECTIONS)
  @ApiProperty({ type: () => ReportSectionInputDto, isArray: true, maxItems: MAX_SECTIONS })
  // ValidateNested walks an item that is itself an array element by element, so `[[]]` would
  // pass it (and reach the database as an empty section): each item must be an object.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReportSectionInputDto)
  sections: ReportSectionInputDto[];

  /** A submitted report of the same referral that this draft corrects (a new edition). */
  @IsOptional()
  @IsUuidField()
  correctsId?: string;
}

/** A draft changes until it is submitted; `sections`, when sent, replace all sections. */
export class UpdateReportDto extends PartialType(
  OmitType(CreateReportDto, ['correctsId'] as const),
  {
    skipNullProperties: false,
  },
) {}
