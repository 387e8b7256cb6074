import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEnum,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/validation/calendar-date';
import { DataCategory } from '../../confidentiality/data-category';
import { Omittable, Trim } from '../../common/validation/normalise';
import { ConsentEvidenceForm } from '../consent-record.entity';
import { ApiDate, IsUuidField } from '../../common/validation/bounds';

// A date-time with an explicit offset, so that no server time zone decides what it means.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIMESTAMP_MESSAGE =
  '$property must be an ISO 8601 date-time with offset, e.g. 2026-11-21T10:00:00Z';

/** One release: a category of your organisation's content, to one recipient. */
export const MAX_GRANTS = 50;
export const DOCUMENT_REFERENCE_MAX_LENGTH = 200;

export class ConsentGrantInputDto {
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  @IsEnum(DataCategory)
  category: DataCategory;

  /** The organisation that may read it: normally the client's jobcenter. Not your own. */
  @IsUuidField()
  recipientOrganisationId: string;
}

/** How the client gave the consent. */
export class ConsentEvidenceInputDto {
  @ApiProperty({ enum: ConsentEvidenceForm, enumName: 'ConsentEvidenceForm' })
  @IsEnum(ConsentEvidenceForm)
  form: ConsentEvidenceForm;

  /**
   * The day the client signed, said it before a witness or confirmed it digitally; not in the
   * future.
   * @example 2026-11-20
   */
  @ApiDate()
  @IsCalendarDate()
  givenOn: string;

  /**
   * Where the signed form is kept, e.g. a document number in your file.
   * @example Akte 2026/117, Blatt 3
   */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DOCUMENT_REFERENCE_MAX_LENGTH)
  documentReference?: string | null;
}

/**
 * A client's consent, as given, releasing your organisation's content category by category.
 * It replaces the current consent your organisation recorded for the same client and referral.
 */
export class RecordConsentDto {
  /** The purpose: the referral this consent serves (of this client; one you work on). */
  @IsUuidField()
  referralId: string;

  /** An approved consent template of your organisation covering every granted category. */
  @IsUuidField()
  templateId: string;

  /** 1–50 releases, each pair of category and recipient once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRANTS)
  @ApiProperty({ type: () => ConsentGrantInputDto, isArray: true, maxItems: MAX_GRANTS })
  @ArrayUnique((g: ConsentGrantInputDto) => `${g?.category}|${g?.recipientOrganisationId}`, {
    message: 'grants must name each category and recipient once',
  })
  // ValidateNested walks an item that is itself an array element by element, so `[[]]` would
  // pass it (and reach the database as an empty section): each item must be an object.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ConsentGrantInputDto)
  grants: ConsentGrantInputDto[];

  /**
   * From when it applies (ISO 8601 with offset); default now. Not before the day it was given.
   * @example 2026-11-21T09:00:00+01:00
   */
  @ApiProperty({ type: String, format: 'date-time', required: false, maxLength: 35 })
  @Omittable()
  @MaxLength(35)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  validFrom?: string;

  /**
   * Until when it applies (exclusive, ISO 8601 with offset), after `validFrom` and now; omit or
   * null for "until revoked".
   * @example 2027-11-21T00:00:00+01:00
   */
  @ApiProperty({
    type: String,
    format: 'date-time',
    required: false,
    nullable: true,
    maxLength: 35,
  })
  @IsOptional()
  @MaxLength(35)
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(TIMESTAMP, { message: TIMESTAMP_MESSAGE })
  validUntil?: string | null;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentEvidenceInputDto)
  evidence: ConsentEvidenceInputDto;
}
