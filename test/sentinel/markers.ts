import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export type Row = Record<string, unknown>;

/** One planted value: where it lives, and the row it lives in (as it was before planting). */
export interface Marker {
  id: number;
  /** The text a response must not contain unless the viewer may see this cell. */
  needle: string;
  table: string;
  column: string;
  row: Row;
}

/** A column of the schema whose values are text, or bytes of a secret. */
export interface TextColumn {
  table: string;
  column: string;
  kind: 'scalar' | 'array' | 'json' | 'bytes';
  maxLength: number | null;
}

/**
 * Tables left out entirely. The audit trail is where the test looks for leaks (its details must
 * hold no marker), is append-only and hash-chained, and is the auditor's to read in full.
 */
export const EXEMPT_TABLES: Record<string, string> = {
  audit_events: 'the audit trail is a sink the test scans for markers, not a source',
  audit_seals: 'hash chain over the audit trail (bytes the verifier recomputes)',
  audit_chain_head: 'hash chain head (bytes the verifier recomputes)',
  migrations: 'TypeORM bookkeeping, never read by a route',
  rate_limit_counters:
    'limit counters keyed by hashed trackers and principal ids, never read by a route (ADR 0017)',
  statistics_state_counts:
    'counts kept by triggers from referrals; its text is an outcome code copied from them (ADR 0012)',
  statistics_durations:
    'counts of whole days kept by triggers from referrals; its text is a measure name (ADR 0012)',
};

/**
 * Columns that cannot hold a marker, and how they are checked instead: by the value they hold
 * (or are given), which must then appear only where the viewer may see that cell.
 */
export const VALUE_CHECKED_COLUMNS: Record<string, string> = {
  'users.password_hash': 'argon2 verifies it at login; the stored hash string is searched for',
  'api_keys.prefix':
    'looked up to authenticate every API-key request; the stored prefix is searched for',
  'api_keys.secret_hash': 'bytes; searched for as hex, base64 and base64url',
  'refresh_tokens.token_hash': 'bytes; searched for as hex, base64 and base64url',
  'activation_codes.code_hash': 'bytes; searched for as hex, base64 and base64url',
  'refresh_tokens.successor_sealed':
    'bytes (the next token, sealed with the used one; ADR 0017); searched for as hex, base64 and base64url',
  'sessions.mfa_challenge_hash': 'bytes; searched for as hex, base64 and base64url',
  'known_devices.token_hash': 'bytes; searched for as hex, base64 and base64url',
  'mfa_factors.secret_sealed':
    'bytes (the TOTP secret, sealed); searched for as hex, base64 and base64url',
  'mfa_factors.pending_sealed':
    'bytes (an unconfirmed TOTP secret, sealed); searched for as hex, base64 and base64url',
  'mfa_recovery_codes.code_hash': 'bytes; searched for as hex, base64 and base64url',
  'identity_providers.client_secret_enc':
    'AES-GCM ciphertext the sign-in opens; searched for as hex, base64 and base64url',
  'oidc_transactions.state_hash': 'bytes, the key the callback finds the row by; searched for',
  'oidc_transactions.browser_hash': 'bytes the callback compares; searched for',
};

/**
 * Columns that hold one of a few codes the API documents as an enum (or an ISO code list): a
 * marker there would be a value the API can never hold, and the response contract check would
 * rightly refuse it. Nothing secret: the code says what kind of actor or language it is.
 */
export const CLOSED_SET_COLUMNS: Record<string, string> = {
  'referral_transitions.actor_kind': "'user' or 'api_key' (enum TransitionActorKind in the spec)",
  'activities.recorded_by_kind': "'user' or 'api_key' (enum in the spec)",
  'reports.created_by_kind': "'user' or 'api_key' (enum in the spec)",
  'provider_profiles.languages': 'ISO 639-1 codes, two letters (public directory data)',
  'events.type': 'an EventType code (enum in the spec); events carry no text (ADR 0019)',
  'events.subject_type': 'an EventSubject code (enum in the spec)',
  'events.instruction': "'fetch' or 'purge' (enum EventInstruction in the spec)",
  'webhook_subscriptions.event_types': 'EventType codes (enum in the spec)',
  'webhook_deliveries.status': 'a WebhookDeliveryStatus code (enum in the spec)',
  'contracts.billing_terms':
    'BillingUnit codes (enum in the spec) with integer prices; no text (ADR 0023)',

  'identity_providers.role_mapping':
    'pairs of a group name and a Role (enum in the spec), read whole by the organisation’s leads and admins like the rest of the row (ADR 0018)',
};

/**
 * Which rows of each table belong to the world (`$1` = its organisation ids), so that a run
 * against a database shared with other tests marks only its own rows. A table with text
 * columns and no entry here fails the test: say which rows of it the world owns.
 */
export const WORLD_ROWS: Record<string, string> = {
  organisations: 'id = ANY($1)',
  users: 'organisation_id = ANY($1)',
  api_keys: 'organisation_id = ANY($1)',
  refresh_tokens:
    'session_id IN (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.organisation_id = ANY($1))',
  clients: 'jobcenter_id = ANY($1)',
  consent_templates: 'organisation_id = ANY($1)',
  consent_records: 'releasing_organisation_id = ANY($1)',
  contracts: 'jobcenter_id = ANY($1)',
  provider_profiles: 'organisation_id = ANY($1)',
  referrals: 'jobcenter_id = ANY($1)',
  referral_transitions: 'referral_id IN (SELECT id FROM referrals WHERE jobcenter_id = ANY($1))',
  activities: 'author_organisation_id = ANY($1)',
  appointments: 'referral_id IN (SELECT id FROM referrals WHERE jobcenter_id = ANY($1))',
  appointment_attendances: 'author_organisation_id = ANY($1)',
  reports: 'author_organisation_id = ANY($1)',
  report_sections: 'report_id IN (SELECT id FROM reports WHERE author_organisation_id = ANY($1))',
  idempotency_keys: 'organisation_id = ANY($1)',
  approval_requests: 'organisation_id = ANY($1)',
  activation_codes: 'user_id IN (SELECT id FROM users WHERE organisation_id = ANY($1))',
  events: 'organisation_id = ANY($1)',
  webhook_subscriptions: 'organisation_id = ANY($1)',
  webhook_deliveries:
    'subscription_id IN (SELECT id FROM webhook_subscriptions WHERE organisation_id = ANY($1))',

  // Bytes only (hashes, sealed secrets): watched, never planted.
  sessions: 'user_id IN (SELECT id FROM users WHERE organisation_id = ANY($1))',
  known_devices: 'user_id IN (SELECT id FROM users WHERE organisation_id = ANY($1))',
  mfa_factors: 'user_id IN (SELECT id FROM users WHERE organisation_id = ANY($1))',
  mfa_recovery_codes: 'user_id IN (SELECT id FROM users WHERE organisation_id = ANY($1))',
  identity_providers: 'organisation_id = ANY($1)',
  identity_links:
    'provider_id IN (SELECT id FROM identity_providers WHERE organisation_id = ANY($1))',
  oidc_transactions:
    'provider_id IN (SELECT id FROM identity_providers WHERE organisation_id = ANY($1))',
  oidc_sessions:
    'session_id IN (SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.organisation_id = ANY($1))',
};

const TEXT_TYPES: Record<string, TextColumn['kind']> = {
  text: 'scalar',
  varchar: 'scalar',
  bpchar: 'scalar',
  citext: 'scalar',
  _text: 'array',
  _varchar: 'array',
  _citext: 'array',
  json: 'json',
  jsonb: 'json',
  bytea: 'bytes',
};

/** Every text-like (and bytes) column of every table, read from the catalog. */
export async function textColumns(db: DataSource | EntityManager): Promise<TextColumn[]> {
  const rows = await db.query<
    { table: string; column: string; type: string; max_length: number | null }[]
  >(
    `SELECT c.relname AS table, a.attname AS column, t.typname AS type,
            CASE WHEN a.atttypmod > 4 THEN a.atttypmod - 4 END AS max_length
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_type t ON t.oid = a.atttypid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND a.attnum > 0 AND NOT a.attisdropped AND t.typname = ANY($1)
      ORDER BY c.relname, a.attnum`,
    [Object.keys(TEXT_TYPES)],
  );
  return rows.map((r) => ({
    table: r.table,
    column: r.column,
    kind: TEXT_TYPES[r.type],
    maxLength: r.max_length === null ? null : Number(r.max_length),
  }));
}

/**
 * Finds markers: `SNTL<n>R<run>_` names marker n of this run (a database kept between runs
 * still holds earlier runs' markers, in rows of earlier worlds); the short values and the
 * watched values are searched for as they are.
 */
export class MarkerRegistry {
  readonly run = randomBytes(4).toString('hex').slice(0, 4);
  private readonly byId = new Map<number, Marker>();
  private readonly valueNeedles: Marker[] = [];
  private next = 1;

  /** `taken`: 5-character values the database already holds, which a short value avoids. */
  constructor(private readonly taken: Set<string> = new Set()) {}

  get all(): Marker[] {
    return [...this.byId.values(), ...this.valueNeedles];
  }

  /**
   * A fresh marker for the cell, at most `maxLength` characters. A column too short for
   * `SNTL<n>R<run>_` (a postcode) gets a unique 5-character value, found as a JSON string.
   */
  plant(table: string, column: string, row: Row, maxLength: number | null): string {
    const id = this.next++;
    const head = `SNTL${id}R${this.run}_`;
    if (maxLength !== null && maxLength < head.length)
      return this.plantShort(id, table, column, row);
    const full = `${head}${table}_${column}`;
    const needle = maxLength === null ? full : full.slice(0, maxLength);
    this.byId.set(id, { id, needle, table, column, row });
    return needle;
  }

  private plantShort(id: number, table: string, column: string, row: Row): string {
    let value: string;
    do {
      value = `Y${randomBytes(3).readUIntBE(0, 3).toString(36).toUpperCase().padStart(4, '0').slice(-4)}`;
    } while (this.taken.has(value));
    this.taken.add(value);
    this.valueNeedles.push({ id, needle: `"${value}"`, table, column, row });
    return value;
  }

  /** An existing value that must not be overwritten, searched for as it is stored. */
  watch(table: string, column: string, row: Row, needle: string): void {
    this.valueNeedles.push({ id: this.next++, needle, table, column, row });
  }

  /** Every marker of this run whose needle occurs in `text`. */
  find(text: string): Marker[] {
    const found = new Set<Marker>();
    for (const match of text.matchAll(/SNTL(\d+)R([0-9a-f]{4})_/g)) {
      if (match[2] !== this.run) continue;
      const marker = this.byId.get(Number(match[1]));
      if (!marker) throw new Error(`unknown marker ${match[0]} in a response`);
      found.add(marker);
    }
    for (const marker of this.valueNeedles) if (text.includes(marker.needle)) found.add(marker);
    return [...found];
  }
}

/** The values of 5 characters or fewer that the short text columns already hold. */
async function shortValues(db: EntityManager, columns: TextColumn[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const c of columns.filter((c) => c.maxLength !== null && c.maxLength < 16)) {
    const values = c.kind === 'array' ? `unnest("${c.column}")` : `"${c.column}"`;
    const rows = await db.query<{ v: string }[]>(
      `SELECT DISTINCT ${values}::text AS v FROM "${c.table}"`,
    );
    for (const { v } of rows) if (v) taken.add(v);
  }
  return taken;
}

function markJson(value: unknown, mark: () => string): unknown {
  let strings = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      strings++;
      return mark();
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const marked = walk(value);
  if (strings > 0) return marked;
  // No string leaf to replace (e.g. report fields are flags and counts): add one.
  if (marked && typeof marked === 'object' && !Array.isArray(marked)) {
    return { ...marked, sentinel: mark() };
  }
  return marked === null ? { sentinel: mark() } : marked;
}

function bytesNeedles(value: unknown): string[] {
  if (!Buffer.isBuffer(value)) return [];
  return [value.toString('hex'), value.toString('base64'), value.toString('base64url')];
}

/**
 * Writes a unique marker into every text-like cell of the world's rows (one UPDATE per row,
 * all its columns at once) and returns where each marker went plus the rows as they were.
 * Immutable rows (submitted reports, consent records, templates) are written with the
 * triggers off: `session_replication_role = replica`, for this transaction only.
 */
export async function plantMarkers(
  db: DataSource,
  organisationIds: string[],
): Promise<{ registry: MarkerRegistry; rows: Map<string, Row[]>; columns: TextColumn[] }> {
  const rowsByTable = new Map<string, Row[]>();
  const columns = await textColumns(db);
  const tables = [...new Set(columns.map((c) => c.table))].filter((t) => !(t in EXEMPT_TABLES));
  let registry = new MarkerRegistry();
  await db.transaction(async (manager) => {
    registry = new MarkerRegistry(
      await shortValues(
        manager,
        columns.filter((c) => tables.includes(c.table) && c.kind !== 'bytes'),
      ),
    );
    await manager.query('SET LOCAL session_replication_role = replica');
    for (const table of tables) {
      const scope = WORLD_ROWS[table];
      if (!scope) throw new Error(`table ${table} has text columns but no WORLD_ROWS entry`);
      const rows = await manager.query<Row[]>(
        `SELECT ctid::text AS sentinel_ctid, * FROM "${table}" WHERE ${scope}`,
        [organisationIds],
      );
      rowsByTable.set(table, rows);
      for (const row of rows) {
        const sets: string[] = [];
        const values: unknown[] = [];
        for (const col of columns.filter((c) => c.table === table)) {
          const key = `${table}.${col.column}`;
          const set = (value: unknown, cast = '') => {
            values.push(value);
            sets.push(`"${col.column}" = $${values.length}${cast}`);
          };
          if (col.kind === 'bytes') {
            for (const n of bytesNeedles(row[col.column]))
              registry.watch(table, col.column, row, n);
          } else if (key in CLOSED_SET_COLUMNS) {
            continue;
          } else if (key in VALUE_CHECKED_COLUMNS) {
            if (typeof row[col.column] === 'string') {
              registry.watch(table, col.column, row, row[col.column] as string);
            }
          } else if (col.kind === 'scalar') {
            const marker = registry.plant(table, col.column, row, col.maxLength);
            const email = col.column.includes('email');
            set(email ? `${marker.slice(0, (col.maxLength ?? 254) - 13)}@sntl.invalid` : marker);
          } else if (col.kind === 'array') {
            const items = Array.isArray(row[col.column]) ? (row[col.column] as unknown[]) : [];
            const count = Math.max(1, items.length);
            set(
              Array.from({ length: count }, () =>
                registry.plant(table, col.column, row, col.maxLength),
              ),
            );
          } else {
            const json = markJson(row[col.column], () =>
              registry.plant(table, col.column, row, null),
            );
            set(JSON.stringify(json), '::jsonb');
          }
        }
        if (sets.length === 0) continue;
        values.push(row.sentinel_ctid);
        await manager.query(
          `UPDATE "${table}" SET ${sets.join(', ')} WHERE ctid = $${values.length}::tid`,
          values,
        );
      }
    }
  });
  return { registry, rows: rowsByTable, columns };
}
