import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { EventFeedDto } from './dto/event.dto';
import { OutboxEvent } from './event.entity';
import { toEventDto } from './event-payload';

/** The event feed: an organisation's events in order of their position (ADR 0019). */
@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Deletes events (and their deliveries) older than the retention period; their count. The
   * newest always stays, so that feed positions never start again from 0.
   */
  async prune(now: Date, retentionDays: number): Promise<number> {
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM events WHERE occurred_at < $1
          AND position < (SELECT max(position) FROM events)`,
      [cutoff],
    );
    return deleted;
  }

  /**
   * Forgets everything announced about the erased rows `ids` (ADR 0020): the events whose
   * subject or referral is one of them, with their deliveries (by their foreign key). `events`
   * names its subject and referral without a foreign key (an event outlives nothing it names
   * but must not outlive an erasure), so the erasure cannot find these rows from the catalogue
   * and calls this, in its transaction. Feed positions stay unique: the dispatcher counts on
   * from the highest position ever given. Answers how many events went.
   */
  async forget(manager: EntityManager, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, deleted] = await manager.query<[unknown, number]>(
      `DELETE FROM events WHERE subject_id = ANY($1::uuid[]) OR referral_id = ANY($1::uuid[])`,
      [ids],
    );
    return deleted;
  }

  async feed(actor: Actor, after: string | undefined, limit: number): Promise<EventFeedDto> {
    const from = after ?? '0';
    const rows = await this.dataSource
      .getRepository(OutboxEvent)
      .createQueryBuilder('e')
      .where('e.organisation_id = :org', { org: actor.organisationId })
      .andWhere('e.position IS NOT NULL AND e.position > :from', { from })
      .orderBy('e.position', 'ASC')
      .limit(limit)
      .getMany();
    const items = rows.map(toEventDto);
    return { items, cursor: items.length > 0 ? items[items.length - 1].cursor : from };
  }
}
