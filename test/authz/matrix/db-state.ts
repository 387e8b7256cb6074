import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * A cheap fingerprint of every business row that belongs to the matrix's world, for
 * "a denied request changed nothing". Scoped to the world's organisations (and to the names and
 * e-mail addresses the matrix gives the organisations and users it creates), so that test files
 * running at the same time on the same database do not disturb it. Audit tables change on
 * every denial by design and are left out, as is `api_keys.last_used_at`, which an
 * authenticated request may touch.
 */
/** Prefix of the names of organisations the matrix creates (unlike any other test's). */
export const MATRIX_NAME = 'authz-matrix';
export const MATRIX_EMAIL_DOMAIN = 'authz-matrix.lotse.invalid';

const SCOPES = `
  o AS (SELECT unnest($1::uuid[]) AS id),
  u AS (SELECT id FROM users WHERE organisation_id IN (SELECT id FROM o)
          OR email LIKE '%@${MATRIX_EMAIL_DOMAIN}'),
  s AS (SELECT id FROM sessions WHERE user_id IN (SELECT id FROM u)),
  r AS (SELECT id FROM referrals
          WHERE jobcenter_id IN (SELECT id FROM o) OR provider_id IN (SELECT id FROM o)),
  c AS (SELECT id FROM clients WHERE jobcenter_id IN (SELECT id FROM o)),
  cr AS (SELECT id FROM consent_records
          WHERE client_id IN (SELECT id FROM c)
             OR releasing_organisation_id IN (SELECT id FROM o)),
  rp AS (SELECT id FROM reports WHERE referral_id IN (SELECT id FROM r)),
  ws AS (SELECT id FROM webhook_subscriptions WHERE organisation_id IN (SELECT id FROM o)),
  bs AS (SELECT id FROM billing_statements
          WHERE jobcenter_id IN (SELECT id FROM o) OR provider_id IN (SELECT id FROM o))`;

/** Each business table with the rows of the world in it. */
const TABLES: Record<string, string> = {
  organisations: `id IN (SELECT id FROM o) OR name LIKE '${MATRIX_NAME}-%'`,
  users: 'id IN (SELECT id FROM u)',
  sessions: 'id IN (SELECT id FROM s)',
  refresh_tokens: 'session_id IN (SELECT id FROM s)',
  api_keys: 'organisation_id IN (SELECT id FROM o)',
  clients: 'id IN (SELECT id FROM c)',
  referrals: 'id IN (SELECT id FROM r)',
  referral_transitions: 'referral_id IN (SELECT id FROM r)',
  activities: 'referral_id IN (SELECT id FROM r)',
  appointments: 'referral_id IN (SELECT id FROM r)',
  appointment_attendances: 'referral_id IN (SELECT id FROM r)',
  consent_templates: 'organisation_id IN (SELECT id FROM o)',
  consent_records: 'id IN (SELECT id FROM cr)',
  consent_grants: 'consent_id IN (SELECT id FROM cr)',
  contracts: 'jobcenter_id IN (SELECT id FROM o) OR provider_id IN (SELECT id FROM o)',
  // Partner organisations (ADR 0022).
  partner_agreements: 'jobcenter_id IN (SELECT id FROM o) OR partner_id IN (SELECT id FROM o)',
  onward_referrals: 'referral_id IN (SELECT id FROM r)',
  provider_profiles: 'organisation_id IN (SELECT id FROM o)',
  retention_policies: 'jobcenter_id IN (SELECT id FROM o)',
  reports: 'id IN (SELECT id FROM rp)',
  report_sections: 'report_id IN (SELECT id FROM rp)',
  idempotency_keys: 'organisation_id IN (SELECT id FROM o)',
  // Billing statements and their lines (ADR 0023).
  billing_statements: 'id IN (SELECT id FROM bs)',
  billing_statement_lines: 'statement_id IN (SELECT id FROM bs)',
  approval_requests: 'organisation_id IN (SELECT id FROM o)',
  activation_codes: 'user_id IN (SELECT id FROM u)',
  // The outbox and webhooks (ADR 0019).
  // Less what the scheduled consent-expiry job announces (and its deliveries), which any test
  // file may run.
  events:
    "organisation_id IN (SELECT id FROM o) AND type NOT IN ('consent.expiring_soon', 'consent.expired')",
  webhook_subscriptions: 'id IN (SELECT id FROM ws)',
  webhook_deliveries: `subscription_id IN (SELECT id FROM ws) AND event_sequence NOT IN
    (SELECT sequence FROM events WHERE type IN ('consent.expiring_soon', 'consent.expired'))`,

  known_devices: 'user_id IN (SELECT id FROM u)',
  mfa_factors: 'user_id IN (SELECT id FROM u)',
  mfa_recovery_codes: 'user_id IN (SELECT id FROM u)',
  // Single sign-on (ADR 0018).
  identity_providers: 'organisation_id IN (SELECT id FROM o)',
  identity_links:
    'provider_id IN (SELECT id FROM identity_providers WHERE organisation_id IN (SELECT id FROM o))',
  oidc_transactions:
    'provider_id IN (SELECT id FROM identity_providers WHERE organisation_id IN (SELECT id FROM o))',
  oidc_sessions: 'session_id IN (SELECT id FROM s)',
  // The statistics' aggregates and versions, kept by triggers (ADR 0012).
  statistics_versions: 'organisation_id IN (SELECT id FROM o)',
  statistics_state_counts:
    'jobcenter_id IN (SELECT id FROM o) OR provider_id IN (SELECT id FROM o)',
  statistics_month_counts:
    'jobcenter_id IN (SELECT id FROM o) OR provider_id IN (SELECT id FROM o)',
  statistics_service_counts: 'organisation_id IN (SELECT id FROM o)',
  statistics_durations: 'organisation_id IN (SELECT id FROM o)',
};

/** Tables that legitimately change on a denial (the audit trail) or hold no business data. */
export const UNSNAPSHOTTED_TABLES = [
  'audit_events',
  'audit_pending',
  'audit_seals',
  'audit_chain_head',
  'migrations',
  // Every counted request writes its principal's limit counter (ADR 0017), refused ones too.
  'rate_limit_counters',
];

const IGNORED_COLUMNS: Record<string, string[]> = {
  api_keys: ['last_used_at'],
  // The dispatcher gives every committed event its feed position, whichever test drains.
  events: ['position'],
};

/**
 * Per table the row count and the newest row version (`xmin`, the id of the transaction that
 * wrote the row): any insert, update or delete changes one of the two, and neither needs the
 * rows' contents, so the whole fingerprint stays one cheap query. It is stricter than comparing
 * contents: a denied request must not write at all, not even the same values. Tables with a
 * column a request may touch legitimately (`api_keys.last_used_at`) are compared by content
 * without that column instead.
 */
function tableFingerprint(table: string, where: string): string {
  const ignored = IGNORED_COLUMNS[table];
  const version = ignored
    ? `sum(hashtext((to_jsonb(t) - ${ignored.map((c) => `'${c}'`).join(' - ')})::text)::bigint)`
    : 'max(xmin::text::bigint)';
  return `(SELECT count(*) || ':' || coalesce(${version}, 0) FROM ${table} t WHERE ${where})`;
}

const SNAPSHOT = `WITH ${SCOPES}
  SELECT json_build_object(${Object.entries(TABLES)
    .map(([table, where]) => `'${table}', ${tableFingerprint(table, where)}`)
    .join(',\n')}) AS tables,
  (SELECT coalesce(json_agg(json_build_object('action', action, 'outcome', outcome::text)
                           ORDER BY id), '[]'::json)
     FROM audit_events WHERE request_id = $2) AS audit`;

export interface DbState {
  /** Per table: row count and newest row version (or content hash). */
  tables: Record<string, string>;
  /** The audit events written for the request id given (none when none was given). */
  audit: { action: string; outcome: string }[];
}

export class WorldState {
  private readonly db: DataSource;

  constructor(
    app: INestApplication,
    private readonly organisationIds: () => string[],
  ) {
    this.db = app.get(DataSource);
  }

  /** Business tables of the schema that the snapshot does not know: a new table must be added. */
  async uncoveredTables(): Promise<string[]> {
    const rows = await this.db.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    return rows
      .map((r) => r.table_name)
      .filter((t) => !(t in TABLES) && !UNSNAPSHOTTED_TABLES.includes(t))
      .sort();
  }

  /** One query: the fingerprint, and the audit events of `requestId`. */
  async read(requestId = ''): Promise<DbState> {
    const [row] = await this.db.query<DbState[]>(SNAPSHOT, [this.organisationIds(), requestId]);
    return row;
  }
}
