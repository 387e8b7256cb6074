import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../common/pagination/page';
import {
  AuditActorKind,
  AuditOutcomeKind,
  type AuditDetails,
  type AuditEvent,
} from '../audit-event.entity';

/** One entry of the audit trail. */
export class AuditEventDto {
  /**
   * Position in the trail (a 64-bit integer, as a string); larger is later.
   * @example "4711"
   */
  id: string;

  /** When the event happened. */
  occurredAt: Date;

  /** Who acted: a person, a provider system's API key, nobody signed in, or Lotse itself. */
  @ApiProperty({ enum: AuditActorKind, enumName: 'AuditActorKind' })
  actorKind: AuditActorKind;

  /** The user's or API key's id; null for anonymous and system events. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  /** The organisation the actor acted for. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  /**
   * What happened, as `area.verb`.
   * @example user.create
   */
  action: string;

  /** Whether it succeeded, failed, or was denied. */
  @ApiProperty({ enum: AuditOutcomeKind, enumName: 'AuditOutcome' })
  outcome: AuditOutcomeKind;

  /**
   * The kind of object concerned.
   * @example user
   */
  @ApiProperty({ type: String, nullable: true })
  resourceType: string | null;

  /** The object concerned: usually its id; for a denied request, the route. */
  @ApiProperty({ type: String, nullable: true })
  resourceId: string | null;

  /** The client (Kundin/Kunde) whose data was involved. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clientId: string | null;

  /**
   * The data categories disclosed (Datenkategorien); empty when none.
   * @example ["participation", "goals"]
   */
  categories: string[];

  /** The request the event belongs to (its `X-Request-Id`). */
  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  /** Further facts about the event; never case content. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details: AuditDetails | null;
}

export function toAuditEventDto(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actorKind: event.actorKind,
    actorId: event.actorId,
    organisationId: event.organisationId,
    action: event.action,
    outcome: event.outcome,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    clientId: event.clientId,
    categories: event.categories,
    requestId: event.requestId,
    details: event.details,
  };
}

export function toAuditEventPage(page: Page<AuditEvent>): Page<AuditEventDto> {
  return { items: page.items.map(toAuditEventDto), nextCursor: page.nextCursor };
}
