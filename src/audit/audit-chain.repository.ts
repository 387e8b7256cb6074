import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ChainCursor, Seal } from './audit-chain';
import { AuditChainHead } from './audit-chain-head.entity';
import { AuditPending } from './audit-pending.entity';
import { AuditSeal } from './audit-seal.entity';

const HEAD_ID = 1;

const NO_HEAD = 'audit_chain_head has no row: the audit migration did not run';

function cursorOf(head: AuditChainHead | null): ChainCursor {
  if (!head) throw new Error(NO_HEAD);
  return { position: Number(head.position), hash: head.hash };
}

/** The hash chain: its head, its seals and the queue of events waiting to be sealed. */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The chain's end, locked until `manager`'s transaction ends: one sealer at a time. */
  async lockHead(manager: EntityManager): Promise<ChainCursor> {
    const head = await manager
      .getRepository(AuditChainHead)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.id = :id', { id: HEAD_ID })
      .getOne();
    return cursorOf(head);
  }

  /**
   * The chain's end and the highest seal position, read in one snapshot: the sealer moves both
   * in one transaction, so they differ only when someone moved the head behind the seals.
   */
  async readHead(): Promise<ChainCursor & { lastSealPosition: number }> {
    const rows = await this.dataSource.query<
      { position: string; hash: Buffer; lastSealPosition: string }[]
    >(
      `SELECT h."position"::text AS "position", h."hash" AS "hash",
              (SELECT coalesce(max(s."position"), 0) FROM "audit_seals" s)::text AS "lastSealPosition"
         FROM "audit_chain_head" h WHERE h."id" = $1`,
      [HEAD_ID],
    );
    const head = rows[0];
    if (!head) throw new Error(NO_HEAD);
    return {
      position: Number(head.position),
      hash: head.hash,
      lastSealPosition: Number(head.lastSealPosition),
    };
  }

  /** How many events wait to be sealed, and for how many seconds the oldest has waited. */
  async sealingLag(): Promise<{ queued: number; lagSeconds: number }> {
    const [row] = await this.dataSource.query<{ queued: number; lagSeconds: number }[]>(
      `SELECT count(*)::int AS "queued",
              coalesce(extract(epoch FROM now() - (
                SELECT e."occurred_at" FROM "audit_events" e
                 WHERE e."id" = (SELECT min(p."event_id") FROM "audit_pending" p))), 0)::float8
                AS "lagSeconds"
         FROM "audit_pending"`,
    );
    return { queued: row.queued, lagSeconds: Math.max(0, row.lagSeconds) };
  }

  async hasPending(): Promise<boolean> {
    return this.dataSource.getRepository(AuditPending).exists();
  }

  /**
   * The oldest queued event ids whose event exists. A queue entry whose event is gone (only an
   * owner can delete events) stays behind for the verifier to report instead of blocking sealing.
   */
  async pendingEventIds(manager: EntityManager, limit: number): Promise<string[]> {
    // With a large backlog (after an outage or a bulk import) the planner prefers a merge join
    // that reads audit_events from its first id on every batch; walking the queue in order and
    // probing each event by key stops after `limit` hits. Local to the sealer's transaction.
    await manager.query('SET LOCAL enable_mergejoin = off');
    await manager.query('SET LOCAL enable_hashjoin = off');
    const rows = await manager.query<{ eventId: string }[]>(
      `SELECT p."event_id"::text AS "eventId" FROM "audit_pending" p
        WHERE EXISTS (SELECT 1 FROM "audit_events" e WHERE e."id" = p."event_id")
        ORDER BY p."event_id" LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.eventId);
  }

  /** Appends the seals, takes their events off the queue and moves the head to `end`. */
  async append(manager: EntityManager, seals: readonly Seal[], end: ChainCursor): Promise<void> {
    if (seals.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditSeal)
      .values(
        seals.map((s) => ({
          position: String(s.position),
          eventId: s.eventId,
          prevHash: s.prevHash,
          hash: s.hash,
        })),
      )
      .updateEntity(false)
      .execute();
    await manager.delete(AuditPending, { eventId: In(seals.map((s) => s.eventId)) });
    await manager.update(
      AuditChainHead,
      { id: HEAD_ID },
      { position: String(end.position), hash: end.hash },
    );
  }

  /** Seals after `position` up to `upTo`, in position order. */
  async sealsAfter(position: number, upTo: number, limit: number): Promise<Seal[]> {
    const rows = await this.dataSource
      .getRepository(AuditSeal)
      .createQueryBuilder('s')
      .where('s.position > :position AND s.position <= :upTo', {
        position: String(position),
        upTo: String(upTo),
      })
      .orderBy('s.position', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((s) => ({
      position: Number(s.position),
      eventId: s.eventId,
      prevHash: s.prevHash,
      hash: s.hash,
    }));
  }

  /**
   * The first event that is neither sealed nor queued (its queue entry was deleted before it
   * was sealed). One statement, so a seal committing meanwhile is seen with its dequeue.
   */
  async firstUnsealedEventId(): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT e."id"::text AS "id" FROM "audit_events" e
        WHERE NOT EXISTS (SELECT 1 FROM "audit_seals" s WHERE s."event_id" = e."id")
          AND NOT EXISTS (SELECT 1 FROM "audit_pending" p WHERE p."event_id" = e."id")
        ORDER BY e."id" LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }

  /** The first queued event id whose event no longer exists. */
  async firstQueuedMissingEventId(): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT p."event_id"::text AS "id" FROM "audit_pending" p
        WHERE NOT EXISTS (SELECT 1 FROM "audit_events" e WHERE e."id" = p."event_id")
        ORDER BY p."event_id" LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }
}
