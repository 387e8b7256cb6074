import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Content, Meta } from '../../confidentiality/disclosure';
import { DataCategory } from '../../confidentiality/data-category';
import { Trim } from '../../common/validation/normalise';
import { ActivityKind } from '../referral-codes';
import {
  ApiText,
  ApiTimestamp,
  ApiUuid,
  CURSOR_MAX_LENGTH,
  PAGE_MAX_ITEMS,
  TEXT_MAX_LENGTH,
} from '../../common/validation/bounds';

export class CreateActivityDto {
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  /** When it happened (ISO 8601); not in the future. */
  @ApiProperty({ format: 'date-time', maxLength: 40 })
  @IsDateString({ strict: true })
  @MaxLength(40)
  occurredAt: string;

  /** Minutes, 0–1440. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number | null;

  /** Whether the client was reached. The first reached contact counts as the first contact. */
  @IsBoolean()
  reached: boolean;

  /** Provider-internal; never disclosed to the jobcenter, whatever the consent. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string | null;
}

/**
 * A contact or attempt. Everything about it is participation content (shown to the jobcenter
 * only when the client released participation to it); the note and who recorded it are
 * provider-internal and never leave the provider.
 */
export class ActivityDto {
  /** Absent when not released to you. */
  @Content(DataCategory.Participation)
  @ApiUuid({ required: false })
  id?: string;
  @Meta()
  @ApiUuid()
  referralId: string;
  @Content(DataCategory.Participation)
  @ApiProperty({ enum: ActivityKind, enumName: 'ActivityKind', required: false })
  kind?: ActivityKind;
  @Content(DataCategory.Participation)
  @ApiTimestamp({ required: false })
  occurredAt?: Date;
  @Content(DataCategory.Participation)
  @ApiProperty({ type: Number, nullable: true, required: false })
  durationMinutes?: number | null;
  /** Whether the client was reached (attendance). */
  @Content(DataCategory.Participation)
  reached?: boolean;
  /** Provider-internal; never disclosed, whatever the consent. */
  @Content('internal')
  @ApiText(TEXT_MAX_LENGTH, { nullable: true, required: false })
  note?: string | null;
  @Content('internal')
  @ApiProperty({ enum: ['user', 'api_key'], required: false })
  recordedByKind?: 'user' | 'api_key';
  @Content('internal')
  @ApiUuid({ required: false })
  recordedById?: string;
  @Content(DataCategory.Participation)
  @ApiTimestamp({ required: false })
  createdAt?: Date;
}

/** A page of activities, with the explicit answer when nothing is released to you. */
export class ActivityPageDto {
  @Meta(() => ActivityDto)
  @ApiProperty({ type: ActivityDto, isArray: true, maxItems: PAGE_MAX_ITEMS })
  items: ActivityDto[];
  @Meta()
  @ApiText(CURSOR_MAX_LENGTH, { nullable: true })
  nextCursor: string | null;
  /**
   * True when the client has not released participation to your organisation: then there is
   * nothing you may see, which is not the same as "no contacts".
   */
  @Meta()
  nothingReleased: boolean;
}
