import { ApiProperty } from '@nestjs/swagger';
import { Content, Meta } from '../../confidentiality/disclosure';
import { DataCategory } from '../../confidentiality/data-category';
import {
  ApiText,
  ApiTimestamp,
  ApiUuid,
  CURSOR_MAX_LENGTH,
  PAGE_MAX_ITEMS,
  TEXT_MAX_LENGTH,
} from '../../common/validation/bounds';
import {
  AccompanimentMeeting,
  AppointmentMode,
  AppointmentOutcome,
  AppointmentParty,
  AppointmentPurpose,
} from '../appointment-codes';
import { LOCATION_MAX_LENGTH } from './appointment-input.dto';

/**
 * The provider worker's record of the accompaniment: `participation` content, shown to the
 * jobcenter only as the client released participation to it for the referral; the note and who
 * recorded it never leave the provider.
 */
export class AttendanceDto {
  /** Whether the worker met the client for the appointment. */
  @Content(DataCategory.Participation)
  @ApiProperty({ enum: AccompanimentMeeting, enumName: 'AccompanimentMeeting', required: false })
  meeting?: AccompanimentMeeting;
  @Content(DataCategory.Participation)
  @ApiTimestamp({ required: false })
  recordedAt?: Date;
  /** Provider-internal; never disclosed, whatever the consent. */
  @Content('internal')
  @ApiText(TEXT_MAX_LENGTH, { nullable: true, required: false })
  note?: string | null;
  @Content('internal')
  @ApiUuid({ required: false })
  recordedById?: string;
}

/**
 * An appointment of the client with the case manager. Its time, place, purpose, accompaniment
 * plan and outcome are shared by the referral's two parties (the outcome is the jobcenter's own
 * record of whether the client came). The provider's record of the accompaniment (`attendance`)
 * is provider content.
 */
export class AppointmentDto {
  @Meta()
  @ApiUuid()
  id: string;
  @Meta()
  @ApiUuid()
  referralId: string;
  @Meta()
  @ApiTimestamp()
  startsAt: Date;
  @Meta()
  @ApiProperty({ type: Number, nullable: true })
  durationMinutes: number | null;
  @Meta()
  @ApiProperty({ enum: AppointmentMode, enumName: 'AppointmentMode' })
  mode: AppointmentMode;
  @Meta()
  @ApiText(LOCATION_MAX_LENGTH, { nullable: true })
  location: string | null;
  @Meta()
  @ApiProperty({ enum: AppointmentPurpose, enumName: 'AppointmentPurpose' })
  purpose: AppointmentPurpose;
  /** The client's wish to be accompanied; null while nobody recorded one. */
  @Meta()
  @ApiProperty({ type: Boolean, nullable: true })
  accompanimentWished: boolean | null;
  @Meta()
  @ApiProperty({ enum: AppointmentParty, enumName: 'AppointmentParty', nullable: true })
  accompanimentWishRecordedBy: AppointmentParty | null;
  /** When the provider confirmed that its worker accompanies the client. */
  @Meta()
  @ApiTimestamp({ nullable: true })
  accompanimentConfirmedAt: Date | null;
  /** The case manager's record: the jobcenter's own data, never the provider's. */
  @Meta()
  @ApiProperty({ enum: AppointmentOutcome, enumName: 'AppointmentOutcome', nullable: true })
  outcome: AppointmentOutcome | null;
  @Meta()
  @ApiTimestamp({ nullable: true })
  outcomeRecordedAt: Date | null;
  @Meta()
  @ApiUuid({ nullable: true })
  rescheduledFromId: string | null;
  @Meta()
  @ApiUuid({ nullable: true })
  rescheduledToId: string | null;
  /**
   * The provider's record of the accompaniment (null while none): only where participation is
   * readable, else absent (see `nothingReleased`).
   */
  @Content(DataCategory.Participation, () => AttendanceDto)
  @ApiProperty({ type: AttendanceDto, nullable: true, required: false })
  attendance?: AttendanceDto | null;
  /**
   * True when the client has not released participation to your organisation: the provider's
   * record of the accompaniment is then withheld, which is not the same as "none".
   */
  @Meta()
  nothingReleased: boolean;
  @Meta()
  @ApiTimestamp()
  createdAt: Date;
  @Meta()
  @ApiTimestamp()
  updatedAt: Date;
}

/** A page of a referral's appointments, by time. */
export class AppointmentPageDto {
  @Meta(() => AppointmentDto)
  @ApiProperty({ type: AppointmentDto, isArray: true, maxItems: PAGE_MAX_ITEMS })
  items: AppointmentDto[];
  @Meta()
  @ApiText(CURSOR_MAX_LENGTH, { nullable: true })
  nextCursor: string | null;
}
