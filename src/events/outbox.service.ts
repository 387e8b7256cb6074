import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './event.entity';
import {
  EventInstruction,
  type EventSubject,
  type EventType,
  type EventTypeName,
} from './event-types';

/** An event as a module announces it: ids only, never content. */
export interface EventToAnnounce {
  type: EventType | EventTypeName;
  /** The organisations it is for: only those party to the case that would see the object now. */
  recipients: readonly string[];
  subject: { type: EventSubject; id: string };
  referralId?: string | null;
  /** Default `fetch`; `purge` when the recipient lost what it had been released. */
  instruction?: EventInstruction;
  occurredAt?: Date;
}

/**
 * The transactional outbox (docs/architecture/0019-outbox-webhooks-event-feed.md). A module
 * announces a business event by calling `enqueue` with the `EntityManager` of the transaction
 * that makes the change: the rows commit with the change or not at all. Delivery (webhooks)
 * and the event feed follow from the rows, after commit, by the dispatcher.
 */
@Injectable()
export class Outbox {
  /** Writes one row per distinct recipient, in the caller's transaction. */
  async enqueue(manager: EntityManager, event: EventToAnnounce): Promise<void> {
    const recipients = [...new Set(event.recipients)];
    if (recipients.length === 0) return;
    const occurredAt = event.occurredAt ?? new Date();
    await manager.insert(
      OutboxEvent,
      recipients.map((organisationId) => ({
        id: randomUUID(),
        type: event.type as EventType,
        organisationId,
        subjectType: event.subject.type,
        subjectId: event.subject.id,
        referralId: event.referralId ?? null,
        instruction: event.instruction ?? EventInstruction.Fetch,
        occurredAt,
      })),
    );
  }
}
