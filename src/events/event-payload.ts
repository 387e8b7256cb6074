import type { OutboxEvent } from './event.entity';
import type { EventDto } from './dto/event.dto';

/** The one shape of an event, in the feed and as a webhook body: ids, type, time; no content. */
export function toEventDto(e: OutboxEvent): EventDto {
  return {
    id: e.id,
    cursor: e.position ?? '0',
    type: e.type,
    organisationId: e.organisationId,
    subject: { type: e.subjectType, id: e.subjectId },
    referralId: e.referralId,
    instruction: e.instruction,
    occurredAt: e.occurredAt,
  };
}
