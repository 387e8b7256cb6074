import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Meta, SealedItems } from '../../confidentiality/disclosure';
import { DataCategory } from '../../confidentiality/data-category';
import { ReportKind, ReportStatus } from '../report.entity';

/** A section; a reader sees only the sections whose category is released to it. */
export class ReportSectionDto {
  @Meta()
  id: string;
  @Meta()
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  @Meta()
  text: string;
  @Meta()
  @ApiProperty({ type: Object, nullable: true })
  fields: Record<string, unknown> | null;
}

export class ReportDto {
  @Meta()
  id: string;
  @Meta()
  referralId: string;
  @Meta()
  @ApiProperty({ enum: ReportKind, enumName: 'ReportKind' })
  kind: ReportKind;
  @Meta()
  periodFrom: string;
  @Meta()
  periodUntil: string;
  @Meta()
  @ApiProperty({ enum: ReportStatus, enumName: 'ReportStatus' })
  status: ReportStatus;
  /** 1, or the corrected report's edition + 1. */
  @Meta()
  edition: number;
  @Meta()
  @ApiProperty({ type: String, nullable: true })
  correctsId: string | null;
  /** The submitted correction that replaces this report, if any. */
  @Meta()
  @ApiProperty({ type: String, nullable: true })
  supersededById: string | null;
  @Meta()
  @ApiProperty({ type: Date, nullable: true })
  submittedAt: Date | null;
  /**
   * The sections you may read, in order. Sections whose category the client has not released
   * to you are left out without a trace: neither their number nor their categories show.
   */
  @SealedItems(() => ReportSectionDto)
  @ApiProperty({ type: ReportSectionDto, isArray: true })
  sections: ReportSectionDto[];
  /** True when no section is released to you: "nothing released", not "nothing to report". */
  @Meta()
  nothingReleased: boolean;
  @Meta()
  createdAt: Date;
  @Meta()
  updatedAt: Date;
}

export class ReportPageDto {
  @Meta(() => ReportDto)
  @ApiProperty({ type: ReportDto, isArray: true })
  items: ReportDto[];
  @Meta()
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class PreviewQueryDto {
  /** The organisation whose view to show, normally the referring jobcenter. */
  @IsUUID()
  recipient: string;
}
