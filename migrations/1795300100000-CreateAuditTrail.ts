import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: events, the hash chain that seals them, the sealer's work queue and the
 * chain head. Events and seals are append-only in the database itself: triggers refuse UPDATE,
 * DELETE and TRUNCATE for every role, the owner included (who can only get round them by
 * disabling the trigger, which verification then exposes). Grants for a deployment with a
 * separate app role: docs/operations/audit-trail.md.
 */
export class CreateAuditTrail1795300100000 implements MigrationInterface {
  name = 'CreateAuditTrail1795300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."audit_actor_kind" AS ENUM('user', 'api_key', 'anonymous', 'system')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."audit_outcome" AS ENUM('success', 'failure', 'denied')
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_kind" "public"."audit_actor_kind" NOT NULL,
                "actor_id" uuid,
                "organisation_id" uuid,
                "action" character varying(64) NOT NULL,
                "resource_type" character varying(64),
                "resource_id" character varying(200),
                "client_id" uuid,
                "categories" text array NOT NULL DEFAULT '{}',
                "request_id" character varying(128),
                "outcome" "public"."audit_outcome" NOT NULL,
                "details" jsonb,
                CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_organisation_id_idx" ON "audit_events" ("organisation_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" ("actor_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_client_id_idx" ON "audit_events" ("client_id", "id")
            WHERE "client_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_action_idx" ON "audit_events" ("action", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_resource_idx" ON "audit_events" ("resource_type", "resource_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" ("occurred_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_seals" (
                "position" bigint NOT NULL,
                "event_id" bigint NOT NULL,
                "prev_hash" bytea NOT NULL,
                "hash" bytea NOT NULL,
                "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "audit_seals_pkey" PRIMARY KEY ("position")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "audit_seals_event_id_key" ON "audit_seals" ("event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_pending" (
                "event_id" bigint NOT NULL,
                CONSTRAINT "audit_pending_pkey" PRIMARY KEY ("event_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" smallint NOT NULL,
                "position" bigint NOT NULL,
                "hash" bytea NOT NULL,
                CONSTRAINT "audit_chain_head_single_row" CHECK ("id" = 1),
                CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "audit_chain_head" ("id", "position", "hash")
            VALUES (1, 0, decode(repeat('00', 32), 'hex'))
        `);

    await queryRunner.query(`
            CREATE FUNCTION "public"."audit_refuse_change"() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% on % is not allowed: the audit trail is append-only',
                    TG_OP, TG_TABLE_NAME;
            END
            $$
        `);
    for (const table of ['audit_events', 'audit_seals']) {
      await queryRunner.query(`
            CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
            FOR EACH ROW EXECUTE FUNCTION "public"."audit_refuse_change"()
        `);
      await queryRunner.query(`
            CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
            FOR EACH STATEMENT EXECUTE FUNCTION "public"."audit_refuse_change"()
        `);
    }
    // The head is updated by every seal, but its one row must never go away.
    await queryRunner.query(`
            CREATE TRIGGER "audit_chain_head_keep" BEFORE DELETE ON "audit_chain_head"
            FOR EACH ROW EXECUTE FUNCTION "public"."audit_refuse_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head"
            FOR EACH STATEMENT EXECUTE FUNCTION "public"."audit_refuse_change"()
        `);

    // Queues each new event for sealing in the transaction that writes it, so that business
    // transactions never wait for the chain head (the sealer takes it on its own, later).
    await queryRunner.query(`
            CREATE FUNCTION "public"."audit_enqueue_seal"() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "public"."audit_pending" ("event_id") VALUES (NEW."id");
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_events_enqueue_seal" AFTER INSERT ON "audit_events"
            FOR EACH ROW EXECUTE FUNCTION "public"."audit_enqueue_seal"()
        `);

    // Without effect for the owner, who bypasses grants; the app role's grants are documented.
    await queryRunner.query(`
            REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events", "audit_seals" FROM PUBLIC
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "audit_chain_head"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_seals"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP FUNCTION "public"."audit_enqueue_seal"()
        `);
    await queryRunner.query(`
            DROP FUNCTION "public"."audit_refuse_change"()
        `);
    await queryRunner.query(`
            DROP TYPE "public"."audit_outcome"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."audit_actor_kind"
        `);
  }
}
