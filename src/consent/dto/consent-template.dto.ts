import { ApiProperty, OmitType } from '@nestjs/swagger';
import { DataCategory } from '../../confidentiality/data-category';

/** A version of a consent text; never changed once written, except for its approval. */
export class ConsentTemplateDto {
  id: string;
  /** The organisation whose consents may use it (once approved). */
  organisationId: string;
  /** @example schweigepflichtentbindung-jobcenter */
  key: string;
  /** 1 for the first version of a key, then one more for each new version. */
  version: number;
  title: string;
  body: string;
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory', isArray: true })
  categories: DataCategory[];
  /** The data protection officer who wrote it. */
  createdBy: string;
  createdAt: Date;
  /** Whether consents may be recorded on it. */
  approved: boolean;
  @ApiProperty({ type: String, nullable: true })
  approvedBy: string | null;
  @ApiProperty({ type: Date, nullable: true })
  approvedAt: Date | null;
}

/** A template version in a list: everything but the text. */
export class ConsentTemplateSummaryDto extends OmitType(ConsentTemplateDto, ['body'] as const) {}
