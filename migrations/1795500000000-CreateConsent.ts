import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsent1795500000000 implements MigrationInterface {
  name = 'CreateConsent1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."data_category" AS ENUM(
                'participation',
                'goals',
                'debts',
                'housing',
                'health',
                'mental_health',
                'family',
                'correspondence',
                'summary'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "consent_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organisation_id" uuid NOT NULL,
                "key" character varying(64) NOT NULL,
                "version" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" character varying(20000) NOT NULL,
                "categories" "public"."data_category" array NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "approved_by" uuid,
                "approved_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_8dad5a4035191a16c11cdecf846" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "consent_templates_organisation_id_key_version_key" ON "consent_templates" ("organisation_id", "key", "version")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."consent_evidence_form" AS ENUM('written', 'verbal_witnessed', 'digital')
        `);
    await queryRunner.query(`
            CREATE TABLE "consent_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "releasing_organisation_id" uuid NOT NULL,
                "referral_id" uuid NOT NULL,
                "template_id" uuid NOT NULL,
                "valid_from" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "valid_until" TIMESTAMP(3) WITH TIME ZONE,
                "evidence_form" "public"."consent_evidence_form" NOT NULL,
                "given_on" date NOT NULL,
                "document_reference" character varying(200),
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "supersedes_id" uuid,
                CONSTRAINT "PK_030be152eaa44998166470b2ccc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consent_records_releasing_organisation_id_valid_until_idx" ON "consent_records" ("releasing_organisation_id", "valid_until")
        `);
    await queryRunner.query(`
            CREATE INDEX "consent_records_client_id_recorded_at_idx" ON "consent_records" ("client_id", "recorded_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "consent_grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "consent_id" uuid NOT NULL,
                "category" "public"."data_category" NOT NULL,
                "recipient_organisation_id" uuid NOT NULL,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "revoked_by" uuid,
                CONSTRAINT "PK_f579a04c8a9da58989fb5f387b0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "consent_grants_recipient_organisation_id_idx" ON "consent_grants" ("recipient_organisation_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "consent_grants_consent_id_category_recipient_key" ON "consent_grants" (
                "consent_id",
                "category",
                "recipient_organisation_id"
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "activities"
            ADD "category" "public"."data_category" NOT NULL DEFAULT 'participation'
        `);
    // The category of a transition's reason was a string; it is one of the data categories.
    await queryRunner.query(`
            ALTER TABLE "referral_transitions"
            ALTER COLUMN "reason_category" TYPE "public"."data_category" USING "reason_category"::"public"."data_category"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_templates"
            ADD CONSTRAINT "consent_templates_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records"
            ADD CONSTRAINT "consent_records_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records"
            ADD CONSTRAINT "consent_records_releasing_organisation_id_fkey" FOREIGN KEY ("releasing_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records"
            ADD CONSTRAINT "consent_records_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records"
            ADD CONSTRAINT "consent_records_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "consent_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records"
            ADD CONSTRAINT "consent_records_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "consent_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_grants"
            ADD CONSTRAINT "consent_grants_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consent_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_grants"
            ADD CONSTRAINT "consent_grants_recipient_organisation_id_fkey" FOREIGN KEY ("recipient_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // One chain per client, releasing organisation and referral: a single first record …
    await queryRunner.query(`
            CREATE UNIQUE INDEX "consent_records_first_key" ON "consent_records" ("client_id", "releasing_organisation_id", "referral_id")
            WHERE "supersedes_id" IS NULL
        `);
    // … and each record superseded at most once: two concurrent changes cannot both win.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "consent_records_supersedes_id_key" ON "consent_records" ("supersedes_id")
            WHERE "supersedes_id" IS NOT NULL
        `);
    // Immutability in the database itself: records and templates are never changed or deleted
    // (a template only gets its approval, once); a grant only gets its revocation, once.
    await queryRunner.query(`
            CREATE FUNCTION "consent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '% on % is not allowed: consent records are immutable', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "consent_grants_revoke_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
                 AND NEW.id = OLD.id AND NEW.consent_id = OLD.consent_id AND NEW.category = OLD.category
                 AND NEW.recipient_organisation_id = OLD.recipient_organisation_id THEN
                RETURN NEW;
              END IF;
              RAISE EXCEPTION 'a consent grant can only be revoked, once' USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION "consent_templates_approve_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.approved_at IS NULL AND NEW.approved_at IS NOT NULL AND NEW.body = OLD.body
                 AND NEW.categories = OLD.categories AND NEW.title = OLD.title AND NEW.key = OLD.key
                 AND NEW.version = OLD.version AND NEW.organisation_id = OLD.organisation_id THEN
                RETURN NEW;
              END IF;
              RAISE EXCEPTION 'a consent template can only be approved, once' USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    for (const statement of [
      `CREATE TRIGGER "consent_records_immutable" BEFORE UPDATE OR DELETE ON "consent_records" FOR EACH ROW EXECUTE FUNCTION "consent_refuse_change"()`,
      `CREATE TRIGGER "consent_records_no_truncate" BEFORE TRUNCATE ON "consent_records" FOR EACH STATEMENT EXECUTE FUNCTION "consent_refuse_change"()`,
      `CREATE TRIGGER "consent_grants_revoke_once" BEFORE UPDATE ON "consent_grants" FOR EACH ROW EXECUTE FUNCTION "consent_grants_revoke_only"()`,
      `CREATE TRIGGER "consent_grants_no_delete" BEFORE DELETE ON "consent_grants" FOR EACH ROW EXECUTE FUNCTION "consent_refuse_change"()`,
      `CREATE TRIGGER "consent_grants_no_truncate" BEFORE TRUNCATE ON "consent_grants" FOR EACH STATEMENT EXECUTE FUNCTION "consent_refuse_change"()`,
      `CREATE TRIGGER "consent_templates_approve_once" BEFORE UPDATE ON "consent_templates" FOR EACH ROW EXECUTE FUNCTION "consent_templates_approve_only"()`,
      `CREATE TRIGGER "consent_templates_no_delete" BEFORE DELETE ON "consent_templates" FOR EACH ROW EXECUTE FUNCTION "consent_refuse_change"()`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['consent_records_immutable', 'consent_records'],
      ['consent_records_no_truncate', 'consent_records'],
      ['consent_grants_revoke_once', 'consent_grants'],
      ['consent_grants_no_delete', 'consent_grants'],
      ['consent_grants_no_truncate', 'consent_grants'],
      ['consent_templates_approve_once', 'consent_templates'],
      ['consent_templates_no_delete', 'consent_templates'],
    ]) {
      await queryRunner.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    }
    for (const fn of [
      'consent_refuse_change',
      'consent_grants_revoke_only',
      'consent_templates_approve_only',
    ]) {
      await queryRunner.query(`DROP FUNCTION "${fn}"()`);
    }
    await queryRunner.query(`DROP INDEX "public"."consent_records_supersedes_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."consent_records_first_key"`);
    await queryRunner.query(`
            ALTER TABLE "consent_grants" DROP CONSTRAINT "consent_grants_recipient_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_grants" DROP CONSTRAINT "consent_grants_consent_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_supersedes_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_template_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_referral_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_releasing_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_records" DROP CONSTRAINT "consent_records_client_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "consent_templates" DROP CONSTRAINT "consent_templates_organisation_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "referral_transitions"
            ALTER COLUMN "reason_category" TYPE character varying(32) USING "reason_category"::text
        `);
    await queryRunner.query(`
            ALTER TABLE "activities" DROP COLUMN "category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consent_grants_consent_id_category_recipient_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consent_grants_recipient_organisation_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_grants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consent_records_client_id_recorded_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consent_records_releasing_organisation_id_valid_until_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_records"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."consent_evidence_form"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."consent_templates_organisation_id_key_version_key"
        `);
    await queryRunner.query(`
            DROP TABLE "consent_templates"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."data_category"
        `);
  }
}
