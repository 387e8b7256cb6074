import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, type CursorValue } from './cursor';
import type { Page } from './page';

export interface KeysetOrder<T> {
  /** Names the list, so that a cursor of one list is refused by another. */
  list: string;
  /** Sort keys, most significant first, ending in a unique one (usually the id). */
  keys: { column: string; value: (row: T) => CursorValue }[];
  direction: 'ASC' | 'DESC';
}

/**
 * Keyset pagination: orders by the keys, continues after the cursor with one row-value
 * comparison (so an index on the keys serves it), and fetches one row more than the page to
 * know whether another page follows.
 */
export async function fetchKeysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  order: KeysetOrder<T>,
  page: { limit: number; cursor?: string },
): Promise<Page<T>> {
  const columns = order.keys.map((k) => k.column);
  if (page.cursor) {
    const values = decodeCursor(order.list, page.cursor, columns.length);
    const params = Object.fromEntries(values.map((v, i) => [`keyset_${i}`, v]));
    const placeholders = values.map((_, i) => `:keyset_${i}`).join(', ');
    const op = order.direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${columns.join(', ')}) ${op} (${placeholders})`, params);
  }
  columns.forEach((column, i) =>
    i === 0 ? qb.orderBy(column, order.direction) : qb.addOrderBy(column, order.direction),
  );
  const rows = await qb.limit(page.limit + 1).getMany();
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > page.limit && last
      ? encodeCursor(
          order.list,
          order.keys.map((k) => k.value(last)),
        )
      : null;
  return { items, nextCursor };
}
