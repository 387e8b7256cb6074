import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsUuidField, TEXT_MAX_LENGTH } from '../../common/validation/bounds';
import { Trim } from '../../common/validation/normalise';
import {
  AccompanimentMeeting,
  AppointmentMode,
  AppointmentOutcome,
  AppointmentPurpose,
} from '../appointment-codes';

/** The longest place name an appointment takes (a room, an authority's address). */
export const LOCATION_MAX_LENGTH = 200;

/** When, where and what for: codes and a place, never free text about the person. */
export class AppointmentSlotDto {
  /** When it starts (ISO 8601); in the future. */
  @ApiProperty({ format: 'date-time', maxLength: 40 })
  @IsDateString({ strict: true })
  @MaxLength(40)
  startsAt: string;

  /** Minutes, 5–480. */
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes?: number | null;

  @IsEnum(AppointmentMode)
  mode: AppointmentMode;

  /**
   * The place, for `in_person` (required there, refused `by_phone`): a room or an authority's
   * address, never anything about the person.
   */
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LOCATION_MAX_LENGTH)
  location?: string | null;

  @IsEnum(AppointmentPurpose)
  purpose: AppointmentPurpose;
}

/** A proposal of the case manager. */
export class CreateAppointmentDto extends AppointmentSlotDto {
  /** The client's wish to be accompanied by the worker, if already known. */
  @IsOptional()
  @IsBoolean()
  accompanimentWished?: boolean;
}

/** The client's wish to be accompanied, as either side heard it. */
export class AccompanimentWishDto {
  @IsBoolean()
  wished: boolean;
}

/**
 * The case manager's outcome. `rescheduled` takes the new appointment: an existing one of the
 * same referral (`rescheduledToId`), or a new one (`next`), exactly one of them.
 */
export class AppointmentOutcomeInputDto {
  @IsEnum(AppointmentOutcome)
  outcome: AppointmentOutcome;

  /** With `rescheduled`: the appointment of the same referral that replaces this one. */
  @IsOptional()
  @IsUuidField()
  rescheduledToId?: string;

  /** With `rescheduled`: the new appointment to propose in its place. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AppointmentSlotDto)
  next?: AppointmentSlotDto;
}

/** The worker's record of the accompaniment: provider content (`participation`). */
export class AttendanceInputDto {
  @IsEnum(AccompanimentMeeting)
  meeting: AccompanimentMeeting;

  /** Provider-internal; never disclosed to the jobcenter, whatever the consent. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX_LENGTH)
  note?: string | null;
}
