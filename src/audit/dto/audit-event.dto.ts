import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../common/pagination/page';
import {
  AuditActorKind,
  AuditOutcomeKind,
  type AuditDetails,
  type AuditEvent,
} from '../audit-event.entity';
import { REQUEST_ID_MAX_LENGTH } from '../../common/problem/problem-details';
import { ApiText, ApiTimestamp, ApiUuid, CODE_MAX_LENGTH } from '../../common/validation/bounds';

/** One entry of the audit trail. */
export const AUDIT_RESOURCE_ID_MAX_LENGTH = 200;
/** Data categories an event touched (each at most once). */
export const AUDIT_CATEGORIES_MAX_ITEMS = 32;

export class AuditEventDto {
  /**
   * Position in the trail (a 64-bit integer, as a string); larger is later.
   * @example "4711"
   */
  @ApiProperty({ type: String, pattern: '^[0-9]{1,19}$', maxLength: 19 })
  id: string;

  /** When the event happened. */
  @ApiTimestamp()
  occurredAt: Date;

  /** Who acted: a person, a provider system's API key, nobody signed in, or Lotse itself. */
  @ApiProperty({ enum: AuditActorKind, enumName: 'AuditActorKind' })
  actorKind: AuditActorKind;

  /** The user's or API key's id; null for anonymous and system events. */
  @ApiUuid({ nullable: true })
  actorId: string | null;

  /** The organisation the actor acted for. */
  @ApiUuid({ nullable: true })
  organisationId: string | null;

  /**
   * What happened, as `area.verb`.
   * @example user.create
   */
  @ApiText(CODE_MAX_LENGTH)
  action: string;

  /** Whether it succeeded, failed, or was denied. */
  @ApiProperty({ enum: AuditOutcomeKind, enumName: 'AuditOutcome' })
  outcome: AuditOutcomeKind;

  /**
   * The kind of object concerned.
   * @example user
   */
  @ApiText(CODE_MAX_LENGTH, { nullable: true })
  resourceType: string | null;

  /** The object concerned: usually its id; for a denied request, the route. */
  @ApiText(AUDIT_RESOURCE_ID_MAX_LENGTH, { nullable: true })
  resourceId: string | null;

  /** The client (Kundin/Kunde) whose data was involved. */
  @ApiUuid({ nullable: true })
  clientId: string | null;

  /**
   * The data categories disclosed (Datenkategorien); empty when none.
   * @example ["participation", "goals"]
   */
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: AUDIT_CATEGORIES_MAX_ITEMS,
    maxLength: CODE_MAX_LENGTH,
  })
  categories: string[];

  /** The request the event belongs to (its `X-Request-Id`). */
  @ApiText(REQUEST_ID_MAX_LENGTH, { nullable: true })
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
