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

/** One display name; a schema of its own, referred to by every value of `enums`. */
export const DISPLAY_NAME_SCHEMA = 'DisplayName';
export const DISPLAY_NAME = {
  type: 'string',
  maxLength: NAME_MAX_LENGTH,
  description: 'A display name for people, e.g. `Zugesagt`.',
} as const;

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
            { $ref: `#/components/schemas/${DISPLAY_NAME_SCHEMA}` } as never,
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
