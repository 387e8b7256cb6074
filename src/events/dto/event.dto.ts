import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { EventInstruction, EventSubject, EventType } from '../event-types';

export class EventObjectDto {
  @ApiProperty({ enum: EventSubject, enumName: 'EventSubject' })
  type: EventSubject;
  @ApiUuid()
  id: string;
}

/**
 * A business event: what happened to which object, for which organisation, when. Never case
 * content; read the object through its route to see what you may.
 */
export class EventDto {
  /** Also the `webhook-id` of its delivery; de-duplicate on it. */
  @ApiUuid()
  id: string;
  /** Position in the organisation's feed; pass as `after` to read on from here. @example "42" */
  @ApiProperty({ type: String, pattern: '^[0-9]+$', maxLength: 20 })
  cursor: string;
  @ApiProperty({ enum: EventType, enumName: 'EventType' })
  type: EventType;
  /** The organisation the event is for. */
  @ApiUuid()
  organisationId: string;
  @ApiProperty({ type: EventObjectDto })
  subject: EventObjectDto;
  @ApiUuid({ nullable: true })
  referralId: string | null;
  /** `fetch`: read the object again; `purge`: drop cached copies, what was released is gone. */
  @ApiProperty({ enum: EventInstruction, enumName: 'EventInstruction' })
  instruction: EventInstruction;
  @ApiTimestamp()
  occurredAt: Date;
}

export const EVENT_FEED_MAX_ITEMS = 100;

export class EventFeedQueryDto {
  /** The `cursor` of the last event read; omit (or 0) to start at the oldest kept. @example "0" */
  @ApiProperty({ required: false, type: String, pattern: '^[0-9]{1,18}$', maxLength: 18 })
  @IsOptional()
  @MaxLength(18)
  @Matches(/^[0-9]{1,18}$/, { message: 'after must be the cursor of an event' })
  after?: string;

  /** How many events at most (1–100). @example 50 */
  @ApiProperty({
    required: false,
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 100,
    default: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EVENT_FEED_MAX_ITEMS)
  limit: number = 50;
}

export class EventFeedDto {
  @ApiProperty({ type: EventDto, isArray: true, maxItems: EVENT_FEED_MAX_ITEMS })
  items: EventDto[];
  /** Pass as `after` next time: the last item's cursor, or the `after` given when none. */
  @ApiProperty({ type: String, pattern: '^[0-9]+$', maxLength: 20 })
  cursor: string;
}
