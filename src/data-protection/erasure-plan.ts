/**
 * Which rows an erasure of one client removes, derived from the database's own catalogue
 * (ADR 0020), so that a table added later cannot be forgotten: every table with a `client_id`
 * column, and every table that references an erased row by a foreign key, transitively. Pure
 * rules here; `ErasureRepository` reads the catalogue and runs them.
 */

/** A foreign key `table.column → references.id`. */
export interface ForeignKey {
  table: string;
  column: string;
  references: string;
}

/**
 * Tables an erasure keeps, and why. Nothing else that holds a client's id survives it.
 * - `audit_events`: the append-only, hash-chained trail; its entries hold ids and categories,
 *   never personal data (the sentinel test checks it), so they stay pseudonymous facts and the
 *   chain still verifies.
 * - `billing_statement_lines`: the lines of issued billing statements (ADR 0023), records of the
 *   accounts that the jobcenter and the provider must keep (Haushaltsrecht, §147 AO); a referral
 *   id, a unit and a price, never a name or content. After the erasure the id names no row.
 */
export const KEPT_TABLES: Readonly<Record<string, string>> = {
  audit_events: 'the hash-chained audit trail: ids and categories only, never personal data',
  billing_statement_lines:
    'billing statement lines: a referral id, a unit and a price, kept as records of the accounts',
};

/**
 * Tables that name a client's rows without a foreign key, each erased by its owning module's
 * public API (the catalogue cannot lead there): `events` (subject and referral by id; its
 * deliveries follow by their foreign key) through `EventsService.forget`.
 */
export const FORGOTTEN_BY_OWNER: Readonly<Record<string, string>> = {
  events: 'EventsService.forget: the events about erased rows, with their webhook deliveries',
};

/** The columns that mark a table as holding a client's data (the coverage test's question). */
export const CLIENT_LINK_COLUMNS = ['client_id', 'referral_id'] as const;

/**
 * The order in which to delete from `tables`: a table before every table it references, so
 * that no foreign key is ever left pointing at a deleted row. Self-references do not order.
 * Throws on a cycle between tables (none exists; a new one would need a decision).
 */
export function deletionOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size > 0) {
    const free = [...remaining]
      .filter(
        (t) => !keys.some((k) => k.references === t && k.table !== t && remaining.has(k.table)),
      )
      .sort();
    if (free.length === 0) {
      throw new Error(`erasure: foreign keys form a cycle among ${[...remaining].join(', ')}`);
    }
    for (const t of free) {
      order.push(t);
      remaining.delete(t);
    }
  }
  return order;
}

/**
 * The tables an erasure reaches from `clients`: those with a `client_id` column, and those
 * referencing a reached table by a foreign key, transitively; without the kept ones.
 */
export function reachedTables(
  withClientId: readonly string[],
  keys: readonly ForeignKey[],
): string[] {
  const reached = new Set(['clients', ...withClientId.filter((t) => !(t in KEPT_TABLES))]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const k of keys) {
      if (reached.has(k.references) && !reached.has(k.table) && !(k.table in KEPT_TABLES)) {
        reached.add(k.table);
        grew = true;
      }
    }
  }
  return [...reached].sort();
}
