import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NAME_MAX_LENGTH } from '../common/validation/bounds';
import { ENUM_LABELS, LANGUAGES, type Language } from './enum-labels';

export class LabelsQueryDto {
  /** `de` or `en`; without it, `Accept-Language` decides (German when preferred, else English). */
  @ApiPropertyOptional({ enum: LANGUAGES, enumName: 'Language' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/** The schema of `enums`: every enum of the API, every value, each with its display name. */
const ENUMS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: false,
  required: Object.keys(ENUM_LABELS),
  properties: Object.fromEntries(
    Object.entries(ENUM_LABELS).map(([name, values]) => [
      name,
      {
        type: 'object' as const,
        additionalProperties: false,
        required: Object.keys(values),
        properties: Object.fromEntries(
          Object.keys(values).map((value) => [
            value,
            { type: 'string' as const, maxLength: NAME_MAX_LENGTH },
          ]),
        ),
      },
    ]),
  ),
};

export class LabelsDto {
  /** The language of the labels. */
  @ApiProperty({ enum: LANGUAGES, enumName: 'Language' })
  lang: Language;

  /**
   * Display names by enum and value, e.g. `enums.ReferralState.accepted` is `Zugesagt` in
   * German. The enum names are those of the OpenAPI document's schemas.
   */
  @ApiProperty(ENUMS_SCHEMA)
  enums: Record<string, Record<string, string>>;
}
