import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner organisations and onward referrals (issue 22 point 2, ADR 0022): the organisation kind
 * `partner` and the role `partner_staff`, the jobcenters' agreements with partners (their own
 * table: the jobcenter–provider `contracts` are untouched) and the providers' onward referrals.
 * New tables only; no existing row changes.
 */
export class PartnerOrganisations1797200000000 implements MigrationInterface {
  name = 'PartnerOrganisations1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "partner_agreements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "jobcenter_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "category" "public"."data_category" NOT NULL,
                "reserved_places" integer NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "partner_agreements_reserved_places_check" CHECK (
                    "reserved_places" BETWEEN 1 AND 10000
                ),
                CONSTRAINT "partner_agreements_valid_period_check" CHECK (
                    "valid_until" IS NULL
                    OR "valid_until" >= "valid_from"
                ),
                CONSTRAINT "PK_15637baa189d2548f6854f7a02b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "partner_agreements_partner_id_idx" ON "partner_agreements" ("partner_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "partner_agreements_jobcenter_id_partner_id_key" ON "partner_agreements" ("jobcenter_id", "partner_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."onward_referral_state" AS ENUM(
                'requested',
                'accepted',
                'declined',
                'took_up',
                'did_not_take_up'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "onward_referrals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "referral_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "partner_id" uuid NOT NULL,
                "agreement_id" uuid NOT NULL,
                "category" "public"."data_category" NOT NULL,
                "state" "public"."onward_referral_state" NOT NULL DEFAULT 'requested',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP(3) WITH TIME ZONE,
                "uptake_recorded_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_6c981e4ba7304db73b075e04914" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "onward_referrals_agreement_id_state_idx" ON "onward_referrals" ("agreement_id", "state")
        `);
    await queryRunner.query(`
            CREATE INDEX "onward_referrals_partner_id_created_at_idx" ON "onward_referrals" ("partner_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "onward_referrals_client_id_idx" ON "onward_referrals" ("client_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "onward_referrals_referral_id_idx" ON "onward_referrals" ("referral_id")
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."organisation_kind"
            ADD VALUE 'partner'
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."user_role"
            ADD VALUE 'partner_staff'
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_agreements"
            ADD CONSTRAINT "partner_agreements_jobcenter_id_fkey" FOREIGN KEY ("jobcenter_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_agreements"
            ADD CONSTRAINT "partner_agreements_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_jobcenter_id_fkey" FOREIGN KEY ("jobcenter_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals"
            ADD CONSTRAINT "onward_referrals_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "partner_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_agreement_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_partner_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_provider_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_jobcenter_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_client_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "onward_referrals" DROP CONSTRAINT "onward_referrals_referral_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_agreements" DROP CONSTRAINT "partner_agreements_partner_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "partner_agreements" DROP CONSTRAINT "partner_agreements_jobcenter_id_fkey"
        `);
    // PostgreSQL cannot drop an enum value: the types are recreated without them, which fails
    // while a row still holds one (a partner organisation or a partner's staff member).
    await queryRunner.query(`
            CREATE TYPE "public"."user_role_old" AS ENUM(
                'caseworker',
                'jobcenter_lead',
                'provider_worker',
                'provider_lead',
                'auditor',
                'admin'
            )
        `);
    for (const table of ['approval_requests', 'users']) {
      await queryRunner.query(`
            ALTER TABLE "${table}"
            ALTER COLUMN "roles" TYPE "public"."user_role_old" [] USING "roles"::"text"::"public"."user_role_old" []
        `);
    }
    await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."user_role_old"
            RENAME TO "user_role"
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."organisation_kind_old" AS ENUM('jobcenter', 'provider', 'operator')
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ALTER COLUMN "kind" TYPE "public"."organisation_kind_old" USING "kind"::"text"::"public"."organisation_kind_old"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."organisation_kind"
        `);
    await queryRunner.query(`
            ALTER TYPE "public"."organisation_kind_old"
            RENAME TO "organisation_kind"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."onward_referrals_referral_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."onward_referrals_client_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."onward_referrals_partner_id_created_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."onward_referrals_agreement_id_state_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "onward_referrals"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."onward_referral_state"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partner_agreements_jobcenter_id_partner_id_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."partner_agreements_partner_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "partner_agreements"
        `);
  }
}
