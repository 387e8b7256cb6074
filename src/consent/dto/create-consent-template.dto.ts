import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DataCategory } from '../../confidentiality/data-category';
import { Trim } from '../../common/validation/normalise';
import { NAME_MAX_LENGTH } from '../../common/validation/bounds';

export const TEMPLATE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TEMPLATE_KEY_MAX_LENGTH = 64;
export const TEMPLATE_BODY_MAX_LENGTH = 20000;

/** A new version of a consent text of your organisation (the first one of a new key is 1). */
export class CreateConsentTemplateDto {
  /**
   * The template family: lower-case letters and digits in words joined by hyphens.
   * @example schweigepflichtentbindung-jobcenter
   */
  @IsString()
  @MaxLength(TEMPLATE_KEY_MAX_LENGTH)
  @Matches(TEMPLATE_KEY, { message: 'key must be a slug such as schweigepflichtentbindung-jc' })
  key: string;

  /** @example Schweigepflichtentbindung gegenüber dem Jobcenter */
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  title: string;

  /** The text the client reads and signs. */
  @IsString()
  @MinLength(1)
  @MaxLength(TEMPLATE_BODY_MAX_LENGTH)
  body: string;

  /** The data categories a consent on this text may release. */
  @ApiProperty({
    enum: DataCategory,
    enumName: 'DataCategory',
    isArray: true,
    maxItems: Object.values(DataCategory).length,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsEnum(DataCategory, { each: true })
  categories: DataCategory[];
}
