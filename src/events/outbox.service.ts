import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEvent } from './event.entity';
import { EventInstruction, EventSubject, type EventType, type EventTypeName } from './event-types';

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

/** An organisation party to a client's cases, as case access names it (ADR 0020). */
export interface ClientPartyToTell {
  organisationId: string;
  /** The referral it knows; null for the owning jobcenter. */
  referralId: string | null;
  /** It has been shown the client's id (a provider from acceptance on). */
  knowsClient: boolean;
}

/**
 * The transactional outbox (docs/architecture/0019-outbox-webhooks-event-feed.md). A module
 * announces a business event by calling `enqueue` with the `EntityManager` of the transaction
 * that makes the change: the rows commit with the change or not at all. Delivery (webhooks)
 * and the event feed follow from the rows, after commit, by the dispatcher.
 */
@Injectable()
export class Outbox {
  /**
   * Tells the parties to a client's cases of its restriction, lifting or erasure (ADR 0020),
   * ids only: an organisation that knows the client gets one event about the client; one that
   * was never shown its id (a provider that did not accept) one per referral it received,
   * about the referral, so that no one learns the client's id from an event.
   */
  async enqueueAboutClient(
    manager: EntityManager,
    event: {
      type: EventType.ClientRestricted | EventType.ClientRestrictionLifted | EventType.ClientErased;
      clientId: string;
      parties: readonly ClientPartyToTell[];
      instruction: EventInstruction;
      occurredAt?: Date;
    },
  ): Promise<void> {
    const knowing = new Set(
      event.parties.filter((p) => p.knowsClient).map((p) => p.organisationId),
    );
    const common = {
      type: event.type,
      instruction: event.instruction,
      occurredAt: event.occurredAt,
    };
    await this.enqueue(manager, {
      ...common,
      recipients: [...knowing],
      subject: { type: EventSubject.Client, id: event.clientId },
    });
    const referrals = new Map<string, string>();
    for (const p of event.parties) {
      if (!knowing.has(p.organisationId) && p.referralId)
        referrals.set(p.referralId, p.organisationId);
    }
    for (const [referralId, organisationId] of referrals) {
      await this.enqueue(manager, {
        ...common,
        recipients: [organisationId],
        subject: { type: EventSubject.Referral, id: referralId },
        referralId,
      });
    }
  }

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
