import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on over OpenID Connect (ADR 0018): an organisation's identity provider (client
 * secret encrypted), the explicit links from a provider's subject to a user, the sign-ins in
 * flight (state, nonce, PKCE verifier), the Lotse sessions begun by single sign-on (for
 * back-channel logout), two new reasons a session ends, and the admin's link request as a new
 * kind of approval request. `ALTER TYPE … ADD VALUE` runs in the migration's transaction
 * (PostgreSQL 12 and later); nothing here uses the new values in the same transaction.
 */
export class SingleSignOn1796700000000 implements MigrationInterface {
  name = 'SingleSignOn1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "oidc_sessions" (
                "session_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "subject" character varying(255) NOT NULL,
                "idp_session_id" character varying(255),
                CONSTRAINT "PK_16cdb43fd0dfeeed86ad6b71738" PRIMARY KEY ("session_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oidc_sessions_provider_id_idp_session_id_idx" ON "oidc_sessions" ("provider_id", "idp_session_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "oidc_sessions_provider_id_subject_idx" ON "oidc_sessions" ("provider_id", "subject")
        `);
    await queryRunner.query(`
            CREATE TABLE "oidc_transactions" (
                "state_hash" bytea NOT NULL,
                "provider_id" uuid NOT NULL,
                "code_verifier" character varying(128) NOT NULL,
                "nonce" character varying(128) NOT NULL,
                "browser_hash" bytea NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b2c2ed4419ae7cf2549ecd0596f" PRIMARY KEY ("state_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oidc_transactions_expires_at_idx" ON "oidc_transactions" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "identity_providers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "issuer" character varying(500) NOT NULL,
                "client_id" character varying(200) NOT NULL,
                "client_secret_enc" bytea,
                "roles_claim" character varying(100) NOT NULL,
                "role_mapping" jsonb NOT NULL,
                "password_login" boolean NOT NULL DEFAULT true,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_3ac9e77e3690c03f7f25579c8e0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "identity_providers_organisation_id_key" ON "identity_providers" ("organisation_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "identity_providers_issuer_idx" ON "identity_providers" ("issuer")
        `);
    await queryRunner.query(`
            CREATE TABLE "identity_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "provider_id" uuid NOT NULL,
                "subject" character varying(255) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_752268a8618b739e2c007beae59" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "identity_links_user_id_idx" ON "identity_links" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "identity_links_provider_id_user_id_key" ON "identity_links" ("provider_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "identity_links_provider_id_subject_key" ON "identity_links" ("provider_id", "subject")
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ADD "subject" character varying(255)
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."session_end_reason"
            ADD VALUE 'idp_logout'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."session_end_reason"
            ADD VALUE 'identity_unlinked'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."approval_kind"
            ADD VALUE 'identity_link.create'
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_sessions"
            ADD CONSTRAINT "oidc_sessions_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "identity_providers"
            ADD CONSTRAINT "identity_providers_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "identity_links"
            ADD CONSTRAINT "identity_links_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "identity_providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "identity_links"
            ADD CONSTRAINT "identity_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "identity_links" DROP CONSTRAINT "identity_links_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "identity_links" DROP CONSTRAINT "identity_links_provider_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "identity_providers" DROP CONSTRAINT "identity_providers_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_sessions" DROP CONSTRAINT "oidc_sessions_session_id_fkey"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."approval_kind_old" AS ENUM(
                'user.create',
                'user.update',
                'user.reset_password',
                'api_key.create'
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests"
            ALTER COLUMN "kind" TYPE "public"."approval_kind_old" USING "kind"::"text"::"public"."approval_kind_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."approval_kind"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."approval_kind_old"
            RENAME TO "approval_kind"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."session_end_reason_old" AS ENUM(
                'logout',
                'refresh_reuse',
                'user_disabled',
                'password_changed',
                'password_reset',
                'organisation_deactivated'
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ALTER COLUMN "end_reason" TYPE "public"."session_end_reason_old" USING "end_reason"::"text"::"public"."session_end_reason_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."session_end_reason"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."session_end_reason_old"
            RENAME TO "session_end_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "approval_requests" DROP COLUMN "subject"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."identity_links_provider_id_subject_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."identity_links_provider_id_user_id_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."identity_links_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "identity_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."identity_providers_issuer_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."identity_providers_organisation_id_key"
        `);
    await queryRunner.query(`
            DROP TABLE "identity_providers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_transactions_expires_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_transactions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_sessions_provider_id_subject_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oidc_sessions_provider_id_idp_session_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_sessions"
        `);
  }
}
