import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox and event feed (`events`), webhook subscriptions and their delivery
 * log (docs/architecture/0019-outbox-webhooks-event-feed.md). Ids only: no case content.
 */
export class CreateEvents1796800000000 implements MigrationInterface {
  name = 'CreateEvents1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "events" (
                "sequence" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "id" uuid NOT NULL,
                "type" character varying(60) NOT NULL,
                "organisation_id" uuid NOT NULL,
                "subject_type" character varying(20) NOT NULL,
                "subject_id" uuid NOT NULL,
                "referral_id" uuid,
                "instruction" character varying(10) NOT NULL,
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "position" bigint,
                CONSTRAINT "UQ_40731c7151fe4be3116e45ddf73" UNIQUE ("id"),
                CONSTRAINT "UQ_d5e01c63c9c1aa38b3c7015184b" UNIQUE ("position"),
                CONSTRAINT "PK_f76b4ba9e52adc10a9b8be4dc76" PRIMARY KEY ("sequence")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "events_undispatched_idx" ON "events" ("sequence")
            WHERE "position" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "events_organisation_position_idx" ON "events" ("organisation_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "event_types" character varying(60) array NOT NULL,
                "secrets" jsonb NOT NULL,
                "paused" boolean NOT NULL DEFAULT false,
                "failing_since" TIMESTAMP(3) WITH TIME ZONE,
                "version" integer NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_subscriptions_organisation_idx" ON "webhook_subscriptions" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subscription_id" uuid NOT NULL,
                "event_sequence" bigint NOT NULL,
                "status" character varying(10) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
                "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
                "last_status_code" integer,
                "last_error" character varying(300),
                "delivered_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "webhook_deliveries_subscription_event_key" UNIQUE ("subscription_id", "event_sequence"),
                CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            ALTER TABLE "events"
            ADD CONSTRAINT "events_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions"
            ADD CONSTRAINT "webhook_subscriptions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "webhook_deliveries_event_sequence_fkey" FOREIGN KEY ("event_sequence") REFERENCES "events"("sequence") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_event_sequence_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_subscription_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions" DROP CONSTRAINT "webhook_subscriptions_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "events" DROP CONSTRAINT "events_organisation_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_due_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_subscriptions_organisation_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_subscriptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."events_organisation_position_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."events_undispatched_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "events"
        `);
  }
}
