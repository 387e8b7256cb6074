import { ApiProperty, OmitType } from '@nestjs/swagger';
import { DataCategory } from '../../confidentiality/data-category';
import { ApiText, ApiTimestamp, ApiUuid, NAME_MAX_LENGTH } from '../../common/validation/bounds';
import { TEMPLATE_BODY_MAX_LENGTH, TEMPLATE_KEY_MAX_LENGTH } from './create-consent-template.dto';

/** A version of a consent text; never changed once written, except for its approval. */
export class ConsentTemplateDto {
  @ApiUuid()
  id: string;
  /** The organisation whose consents may use it (once approved). */
  @ApiUuid()
  organisationId: string;
  /** @example schweigepflichtentbindung-jobcenter */
  @ApiText(TEMPLATE_KEY_MAX_LENGTH)
  key: string;
  /** 1 for the first version of a key, then one more for each new version. */
  version: number;
  @ApiText(NAME_MAX_LENGTH)
  title: string;
  @ApiText(TEMPLATE_BODY_MAX_LENGTH)
  body: string;
  @ApiProperty({
    enum: DataCategory,
    enumName: 'DataCategory',
    isArray: true,
    maxItems: Object.values(DataCategory).length,
  })
  categories: DataCategory[];
  /** The data protection officer who wrote it. */
  @ApiUuid()
  createdBy: string;
  @ApiTimestamp()
  createdAt: Date;
  /** Whether consents may be recorded on it. */
  approved: boolean;
  @ApiUuid({ nullable: true })
  approvedBy: string | null;
  @ApiTimestamp({ nullable: true })
  approvedAt: Date | null;
}

/** A template version in a list: everything but the text. */
export class ConsentTemplateSummaryDto extends OmitType(ConsentTemplateDto, ['body'] as const) {}
