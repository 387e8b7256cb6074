// The module map of src/ (docs/architecture/0016-module-boundaries.md): which files of a module
// other modules may import (its public entry), and which tables a module may name in SQL
// besides its own. Read by .dependency-cruiser.js (the import rules) and by
// scripts/check-boundaries.mjs (the module cycles and the table owners). Paths are relative to
// the module's folder.

/**
 * Public in every module: its Nest module, its services, its DTOs (`dto/`), its entities (for
 * relations, types and their column enums), its decorators, and the SQL it publishes about its
 * own tables (`*.sql.ts`).
 */
const PUBLIC_IN_EVERY_MODULE = [
  '[^/]+\\.module\\.ts',
  '[^/]+\\.service\\.ts',
  'dto/.+',
  '[^/]+\\.entity\\.ts',
  '.+\\.decorator\\.ts',
  '[^/]+\\.sql\\.ts',
];

/** Public besides the files every module publishes: vocabulary, pure rules and mappers. */
const PUBLIC_FILES = {
  // `audit-actions.ts`: the catalogue of actions every module writes; `disclosure-record.ts`:
  // which actions the disclosure record reads; `audit-visibility.ts`: the marker that withholds
  // a client id; `audit-chain.ts`: why a link of the chain broke.
  audit: ['audit-actions.ts', 'audit-chain.ts', 'audit-visibility.ts', 'disclosure-record.ts'],
  // Authorization: who the caller is, roles, permissions, and the metadata the guard reads.
  auth: ['access-metadata.ts', 'actor.ts', 'permission.ts', 'role-permissions.ts', 'role.ts'],
  // The rate limit's response headers, which the OpenAPI document declares; the entity of a
  // single sign-on in flight (for the entity list).
  authentication: ['rate-limit.ts', 'oidc/oidc-transaction.entity.ts'],
  // The client as a referral shows it.
  clients: ['clients.mappers.ts'],
  // The case-access home (docs/architecture/0009) and the disclosure policy.
  confidentiality: [
    'case-access.ts',
    'content-category.ts',
    'data-category.ts',
    'disclosed.ts',
    'disclosure.ts',
    'restriction.ts',
  ],
  config: ['app-config.ts', 'environment.schema.ts'],
  consent: ['consent-status.ts'],
  database: ['schema-status.ts'],
  // The retention periods and the erasure reasons, which the labels name.
  'data-protection': ['retention.ts'],
  // The demo world's names, which the OpenAPI examples use.
  'demo-data': ['demo-world.ts'],
  // The event types (ADR 0019), which the referral action table names.
  events: ['event-types.ts'],
  // The user as `GET /me` shows it; single sign-on (ADR 0018): the identity providers and the
  // links of their subjects, which the OIDC login of `authentication` reads, and their entities.
  identity: [
    'identity.mappers.ts',
    'sso/identity-providers.service.ts',
    'sso/identity-links.service.ts',
    'sso/identity-provider.entity.ts',
    'sso/identity-link.entity.ts',
    'sso/oidc-session.entity.ts',
  ],
  labels: ['enum-labels.ts', 'labels.dto.ts'],
  // The store of every limit, which the login throttles and the rate limit count in.
  limits: ['limit-store.ts'],
  // The services and the billing units (ADR 0023), which referrals and billing name.
  providers: ['billing-unit.ts', 'service-kind.ts'],
  // The codes of appointments (ADR 0021), which the labels name.
  appointments: ['appointment-codes.ts'],
  // The states of an onward referral and the uptake codes, which the labels name.
  partners: ['onward-referral-state.ts'],
  // The state machine (actions, transitions) and the codes of reasons and outcomes.
  referrals: ['referral-codes.ts', 'referral-state.ts'],
};

/** The shared kernel: every module may import all of it; it imports no module. */
const KERNEL = 'common';

/**
 * Entry points (command-line scripts) that may import the composition root (`src/*.ts`: the
 * app module, its setup, `main.ts`); no other file of a module may.
 */
const ENTRY_POINTS = [
  'src/auth/write-authorization-table.ts',
  'src/demo-data/seed.ts',
  'src/identity/create-admin.ts',
  'src/openapi/write-openapi.ts',
];

/**
 * Tables no entity maps, by owning module (the others are owned by the module of their
 * `@Entity`). The statistics aggregates are written by triggers (docs/architecture/0012).
 */
const TABLES_WITHOUT_ENTITY = {
  known_devices: 'mfa',
  mfa_factors: 'mfa',
  mfa_recovery_codes: 'mfa',
  rate_limit_counters: 'limits',
  statistics_durations: 'statistics',
  statistics_month_counts: 'statistics',
  statistics_service_counts: 'statistics',
  statistics_state_counts: 'statistics',
  statistics_versions: 'statistics',
};

/**
 * Where SQL may name another module's table. `confidentiality` is the case-access home: it
 * reads the clients, referrals and consent tables to decide access (docs/architecture/0009).
 * `data-protection` erases a client from every table the catalogue names, and must reach all of
 * them so that none is forgotten (docs/architecture/0020).
 * Every other read goes through the owning module's `*.sql.ts`.
 */
const TABLE_HOMES = ['confidentiality', 'data-protection'];

/** Single files that may name tables of other modules, each with its reason. */
const TABLE_ALLOWANCES = [
  {
    file: 'src/audit/client-disclosures.repository.ts',
    tables: ['organisations'],
    why:
      "The disclosure record names each recipient in the same query that merges the record's " +
      'events (one LEFT JOIN, read-only). Identity writes audit events, so audit cannot import ' +
      "identity's join without a module cycle.",
  },
  {
    file: 'src/providers/contract.repository.ts',
    tables: ['referrals'],
    why:
      'Lowering a capacity counts the referrals open under the contract, inside the transaction ' +
      'that holds the contract row locked as a send does (read-only, one count). Referrals books ' +
      'places under contracts, so providers cannot import its SQL without a module cycle.',
  },
];

module.exports = {
  PUBLIC_IN_EVERY_MODULE,
  PUBLIC_FILES,
  KERNEL,
  ENTRY_POINTS,
  TABLES_WITHOUT_ENTITY,
  TABLE_HOMES,
  TABLE_ALLOWANCES,
};
