import { ApiProperty } from '@nestjs/swagger';
import { Meta, SealedItems } from '../../confidentiality/disclosure';
import { DataCategory } from '../../confidentiality/data-category';
import { ReportKind, ReportStatus } from '../report.entity';
import {
  ApiDate,
  ApiText,
  ApiTimestamp,
  ApiUuid,
  CURSOR_MAX_LENGTH,
  IsUuidField,
  PAGE_MAX_ITEMS,
} from '../../common/validation/bounds';
import { MAX_SECTIONS, SECTION_TEXT_MAX_LENGTH } from './create-report.dto';

/** A section; a reader sees only the sections whose category is released to it. */
export class ReportSectionDto {
  @Meta()
  @ApiUuid()
  id: string;
  @Meta()
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  @Meta()
  @ApiText(SECTION_TEXT_MAX_LENGTH)
  text: string;
  @Meta()
  @ApiProperty({ type: Object, nullable: true })
  fields: Record<string, unknown> | null;
}

export class ReportDto {
  @Meta()
  @ApiUuid()
  id: string;
  @Meta()
  @ApiUuid()
  referralId: string;
  @Meta()
  @ApiProperty({ enum: ReportKind, enumName: 'ReportKind' })
  kind: ReportKind;
  @Meta()
  @ApiDate()
  periodFrom: string;
  @Meta()
  @ApiDate()
  periodUntil: string;
  @Meta()
  @ApiProperty({ enum: ReportStatus, enumName: 'ReportStatus' })
  status: ReportStatus;
  /** 1, or the corrected report's edition + 1. */
  @Meta()
  edition: number;
  @Meta()
  @ApiUuid({ nullable: true })
  correctsId: string | null;
  /** The submitted correction that replaces this report, if any. */
  @Meta()
  @ApiUuid({ nullable: true })
  supersededById: string | null;
  @Meta()
  @ApiTimestamp({ nullable: true })
  submittedAt: Date | null;
  /**
   * The sections you may read, in order. Sections whose category the client has not released
   * to you are left out without a trace: neither their number nor their categories show.
   */
  @SealedItems(() => ReportSectionDto)
  @ApiProperty({ type: ReportSectionDto, isArray: true, maxItems: MAX_SECTIONS })
  sections: ReportSectionDto[];
  /** True when no section is released to you: "nothing released", not "nothing to report". */
  @Meta()
  nothingReleased: boolean;
  @Meta()
  @ApiTimestamp()
  createdAt: Date;
  @Meta()
  @ApiTimestamp()
  updatedAt: Date;
}

export class ReportPageDto {
  @Meta(() => ReportDto)
  @ApiProperty({ type: ReportDto, isArray: true, maxItems: PAGE_MAX_ITEMS })
  items: ReportDto[];
  @Meta()
  @ApiText(CURSOR_MAX_LENGTH, { nullable: true })
  nextCursor: string | null;
}

export class PreviewQueryDto {
  /** The organisation whose view to show, normally the referring jobcenter. */
  @IsUuidField()
  recipient: string;
}
