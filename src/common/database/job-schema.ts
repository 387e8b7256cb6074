/**
 * The schema pg-boss keeps its queues in (docs/architecture/0019-outbox-webhooks-event-feed.md,
 * "Jobs on pg-boss"): created and migrated by pg-boss at start, outside our migrations and the
 * table-ownership check; with `DB_APP_ROLE` the migration step creates it owned by that role.
 */
export const JOB_SCHEMA = 'pgboss';
