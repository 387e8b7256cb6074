import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReports1795600200000 implements MigrationInterface {
  name = 'CreateReports1795600200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "organisation_id" uuid NOT NULL,
                "key" character varying(255) NOT NULL,
                "fingerprint" character varying(64) NOT NULL,
                "state" character varying(16) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "response_headers" jsonb,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_94ad185cd620ee841022da26a8b" PRIMARY KEY ("organisation_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_kind" AS ENUM('initial', 'interim', 'final')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted')
        `);
    await queryRunner.query(`
            CREATE TABLE "reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "referral_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "author_organisation_id" uuid NOT NULL,
                "kind" "public"."report_kind" NOT NULL,
                "period_from" date NOT NULL,
                "period_until" date NOT NULL,
                "status" "public"."report_status" NOT NULL DEFAULT 'draft',
                "edition" integer NOT NULL DEFAULT '1',
                "corrects_id" uuid,
                "created_by_kind" character varying(16) NOT NULL,
                "created_by_id" uuid NOT NULL,
                "submitted_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "reports_referral_id_created_at_idx" ON "reports" ("referral_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_sections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "category" "public"."data_category" NOT NULL,
                "text" character varying(5000) NOT NULL,
                "fields" jsonb,
                CONSTRAINT "PK_dd54e3d870698f0958ceaa0097f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "report_sections_report_id_category_idx" ON "report_sections" ("report_id", "category")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "report_sections_report_id_position_key" ON "report_sections" ("report_id", "position")
        `);
    await queryRunner.query(`
            ALTER TABLE "reports"
            ADD CONSTRAINT "reports_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "report_sections"
            ADD CONSTRAINT "report_sections_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // A report is corrected at most once: one linear chain of editions.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "reports_corrects_id_key" ON "reports" ("corrects_id") WHERE "corrects_id" IS NOT NULL
        `);
    // A submitted report, and its sections, never change again; the database refuses.
    await queryRunner.query(`
            CREATE FUNCTION "reports_submitted_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.status = 'submitted' THEN
                RAISE EXCEPTION 'a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "report_sections_of_draft_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM reports r WHERE r.status = 'submitted'
                           AND r.id IN (COALESCE(NEW.report_id, OLD.report_id), OLD.report_id)) THEN
                RAISE EXCEPTION 'the sections of a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "reports_submitted_immutable" BEFORE UPDATE OR DELETE ON "reports" FOR EACH ROW EXECUTE FUNCTION "reports_submitted_immutable"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "report_sections_of_draft_only" BEFORE INSERT OR UPDATE OR DELETE ON "report_sections" FOR EACH ROW EXECUTE FUNCTION "report_sections_of_draft_only"()
        `);
    await queryRunner.query(`
            CREATE FUNCTION "reports_refuse_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'TRUNCATE on % is not allowed: submitted reports are immutable', TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    for (const table of ['reports', 'report_sections']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "reports_refuse_truncate"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "report_sections_no_truncate" ON "report_sections"`);
    await queryRunner.query(`DROP TRIGGER "reports_no_truncate" ON "reports"`);
    await queryRunner.query(`DROP FUNCTION "reports_refuse_truncate"()`);
    await queryRunner.query(`DROP TRIGGER "report_sections_of_draft_only" ON "report_sections"`);
    await queryRunner.query(`DROP TRIGGER "reports_submitted_immutable" ON "reports"`);
    await queryRunner.query(`DROP FUNCTION "report_sections_of_draft_only"()`);
    await queryRunner.query(`DROP FUNCTION "reports_submitted_immutable"()`);
    await queryRunner.query(`DROP INDEX "public"."reports_corrects_id_key"`);
    await queryRunner.query(`
            ALTER TABLE "report_sections" DROP CONSTRAINT "report_sections_report_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "reports" DROP CONSTRAINT "reports_referral_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_sections_report_id_position_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_sections_report_id_category_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "report_sections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."reports_referral_id_created_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "reports"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."report_kind"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
