import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
