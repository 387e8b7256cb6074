import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dual control for operator admins (ADR 0008): one-time activation codes (a user chooses their
 * own password; nobody sets it for them over the API), approval requests for the admin's
 * changes that grant access inside an organisation, passwords that may be unset (new users,
 * after a reset), and the index behind an organisation's list of operator actions: audit events
 * name the organisation they concern in `details.organisationId`. Creating an index is no
 * UPDATE or DELETE, so the append-only triggers of `audit_events` do not object.
 */
export class DualControl1796558277117 implements MigrationInterface {
  name = 'DualControl1796558277117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."activation_purpose" AS ENUM('activation', 'password_reset')
        `);
    await queryRunner.query(`
            CREATE TABLE "activation_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" bytea NOT NULL,
                "purpose" "public"."activation_purpose" NOT NULL,
                "issued_to" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a72dbbeaa882b981dde20ccefc9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "activation_codes_user_id_idx" ON "activation_codes" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "activation_codes_code_hash_key" ON "activation_codes" ("code_hash")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."approval_kind" AS ENUM(
                'user.create',
                'user.update',
                'user.reset_password',
                'api_key.create'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn')
        `);
    await queryRunner.query(`
            CREATE TABLE "approval_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "kind" "public"."approval_kind" NOT NULL,
                "status" "public"."approval_status" NOT NULL,
                "open_rank" smallint NOT NULL,
                "target_user_id" uuid,
                "email" character varying(254),
                "display_name" character varying(200),
                "roles" "public"."user_role" array,
                "reactivate" boolean,
                "api_key_name" character varying(100),
                "api_key_scopes" "public"."api_key_scope" array,
                "api_key_expires_at" TIMESTAMP WITH TIME ZONE,
                "requested_by" uuid NOT NULL,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "result_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_484806bb8ff331b851fc75973c0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "approval_requests_queue_idx" ON "approval_requests" ("open_rank", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "approval_requests_organisation_queue_idx" ON "approval_requests" (
                "organisation_id",
                "open_rank",
                "created_at",
                "id"
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "activation_codes"
            ADD CONSTRAINT "activation_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "activation_codes"
            ADD CONSTRAINT "activation_codes_issued_to_fkey" FOREIGN KEY ("issued_to") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "approval_requests_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "approval_requests_target_user_id_fkey" FOREIGN KEY ("target_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "approval_requests_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD CONSTRAINT "approval_requests_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_events_subject_organisation_idx" ON "audit_events" ((("details" ->> 'organisationId')), "id")
            WHERE "details" ? 'organisationId'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."audit_events_subject_organisation_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_decided_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_requested_by_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_target_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP CONSTRAINT "approval_requests_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "activation_codes" DROP CONSTRAINT "activation_codes_issued_to_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "activation_codes" DROP CONSTRAINT "activation_codes_user_id_fkey"
        `);
    // Users still without a password get a well-formed hash that no password matches.
    await queryRunner.query(`
            UPDATE "users"
               SET "password_hash" = '$argon2id$v=19$m=19456,t=2,p=1$bm8tcGFzc3dvcmQteWV0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
             WHERE "password_hash" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "password_hash"
            SET NOT NULL
        `);
    await queryRunner.query(`
            DROP INDEX "public"."approval_requests_organisation_queue_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."approval_requests_queue_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "approval_requests"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."approval_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."approval_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."activation_codes_code_hash_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."activation_codes_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "activation_codes"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."activation_purpose"
        `);
  }
}
