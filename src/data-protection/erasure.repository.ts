import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventsService } from '../events/events.service';
import {
  CLIENT_LINK_COLUMNS,
  FORGOTTEN_BY_OWNER,
  deletionOrder,
  reachedTables,
  type ForeignKey,
} from './erasure-plan';

/** What the catalogue says an erasure must cover. */
export interface ErasureScope {
  /** Tables an erasure deletes from, in the order it deletes. */
  order: string[];
  /** Single-column foreign keys to an `id`, among all tables of the schema. */
  keys: ForeignKey[];
  /** Tables the owning module erases through its public API (`FORGOTTEN_BY_OWNER`). */
  forgotten: string[];
  /** Tables with a `client_id` column. */
  withClientId: string[];
  /** Tables with a column of `CLIENT_LINK_COLUMNS` (the coverage test's list). */
  linked: string[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Erases one client from every table (ADR 0020): reads the catalogue for the tables that hold
 * the client's rows (`erasure-plan.ts`), collects the ids of those rows, and deletes them,
 * children first, in the caller's transaction with `lotse.erasure` on, which the immutability
 * triggers and the statistics trigger honour (migration ErasureMode). The one place besides
 * case access that names other modules' tables: it must reach all of them (scripts/module-map.js).
 */
@Injectable()
export class ErasureRepository {
  constructor(private readonly events: EventsService) {}

  async scope(manager: EntityManager): Promise<ErasureScope> {
    const columns = await manager.query<{ table: string; column: string }[]>(
      `SELECT c.relname AS "table", a.attname AS "column"
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = ANY($1)`,
      [['client_id', ...CLIENT_LINK_COLUMNS]],
    );
    const keys = await manager.query<ForeignKey[]>(
      `SELECT cl.relname AS "table", a.attname AS "column", pcl.relname AS "references"
         FROM pg_constraint k
         JOIN pg_class cl ON cl.oid = k.conrelid
         JOIN pg_class pcl ON pcl.oid = k.confrelid
         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1]
        WHERE k.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace
          AND cardinality(k.conkey) = 1 AND pa.attname = 'id'
        ORDER BY 1, 2`,
    );
    const withClientId = [
      ...new Set(columns.filter((c) => c.column === 'client_id').map((c) => c.table)),
    ].sort();
    const linked = [...new Set(columns.map((c) => c.table))].sort();
    const reached = reachedTables(withClientId, keys);
    return {
      order: deletionOrder(reached, keys),
      forgotten: Object.keys(FORGOTTEN_BY_OWNER).sort(),
      keys,
      withClientId,
      linked,
    };
  }

  /**
   * Deletes every row of the client, in the caller's transaction; answers how many rows of
   * each table went. The ids of the erased rows also purge the stored answers of idempotent
   * requests that carried them.
   */
  async erase(manager: EntityManager, clientId: string): Promise<Record<string, number>> {
    const scope = await this.scope(manager);
    const ids = await this.collect(manager, scope, clientId);
    await manager.query(`SELECT set_config('lotse.erasure', 'on', true)`);
    const rows: Record<string, number> = {};
    for (const table of scope.order) {
      const these = [...(ids.get(table) ?? [])];
      if (these.length === 0) continue;
      const [, count] = await manager.query<[unknown[], number]>(
        `DELETE FROM ${quote(table)} WHERE id = ANY($1::uuid[])`,
        [these],
      );
      rows[table] = count;
    }
    const all = [...ids.values()].flatMap((s) => [...s]);
    const events = await this.events.forget(manager, all);
    if (events > 0) rows.events = events;
    const [, replays] = await manager.query<[unknown[], number]>(
      `DELETE FROM idempotency_keys k
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS e(id)
                       WHERE k.response_body LIKE '%' || e.id || '%'
                          OR k.response_headers::text LIKE '%' || e.id || '%')`,
      [all],
    );
    if (replays > 0) rows.idempotency_keys = replays;
    await manager.query(`SELECT set_config('lotse.erasure', 'off', true)`);
    return rows;
  }

  /** The ids of the client's rows in every reached table, to a fixpoint over the keys. */
  private async collect(
    manager: EntityManager,
    scope: ErasureScope,
    clientId: string,
  ): Promise<Map<string, Set<string>>> {
    const ids = new Map<string, Set<string>>(scope.order.map((t) => [t, new Set<string>()]));
    ids.get('clients')?.add(clientId);
    const add = (table: string, found: { id: string }[]): boolean => {
      const set = ids.get(table);
      if (!set) return false;
      const before = set.size;
      for (const row of found) set.add(row.id);
      return set.size > before;
    };
    for (const table of scope.withClientId.filter((t) => ids.has(t) && t !== 'clients')) {
      add(
        table,
        await manager.query<{ id: string }[]>(
          `SELECT id::text AS id FROM ${quote(table)} WHERE client_id = $1`,
          [clientId],
        ),
      );
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const key of scope.keys) {
        const parents = ids.get(key.references);
        if (!ids.has(key.table) || !parents || parents.size === 0) continue;
        const found = await manager.query<{ id: string }[]>(
          `SELECT id::text AS id FROM ${quote(key.table)} WHERE ${quote(key.column)} = ANY($1::uuid[])`,
          [[...parents]],
        );
        if (add(key.table, found)) grew = true;
      }
    }
    return ids;
  }
}
