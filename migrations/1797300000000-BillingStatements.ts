import { MigrationInterface, QueryRunner } from 'typeorm';

const IMMUTABLE = ['billing_statements', 'billing_statement_lines'];

/**
 * Billing (issue 22, ADR 0023): the contracts' billing terms, and the statements' editions with
 * their lines, which the database keeps immutable (no UPDATE, DELETE or TRUNCATE): a correction
 * is a new edition.
 */
export class BillingStatements1797300000000 implements MigrationInterface {
  name = 'BillingStatements1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."billing_correction_reason" AS ENUM(
                'disputed_by_jobcenter',
                'terms_changed',
                'provider_error',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "billing_statements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "contract_id" uuid NOT NULL,
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "month" date NOT NULL,
                "edition" integer NOT NULL,
                "correction_reason" "public"."billing_correction_reason",
                "total_cents" bigint NOT NULL,
                "created_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "billing_statements_total_check" CHECK ("total_cents" >= 0),
                CONSTRAINT "billing_statements_reason_check" CHECK (("edition" = 1) = ("correction_reason" IS NULL)),
                CONSTRAINT "billing_statements_edition_check" CHECK ("edition" >= 1),
                CONSTRAINT "billing_statements_month_check" CHECK (
                    extract(
                        day
                        FROM "month"
                    ) = 1
                ),
                CONSTRAINT "PK_f3f369bc3048789c77e6923efa9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "billing_statements_provider_id_idx" ON "billing_statements" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "billing_statements_jobcenter_id_idx" ON "billing_statements" ("jobcenter_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "billing_statements_contract_id_month_edition_key" ON "billing_statements" ("contract_id", "month", "edition")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."billing_unit" AS ENUM('active_case_month', 'initial_assessment')
        `);
    await queryRunner.query(`
            CREATE TABLE "billing_statement_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "statement_id" uuid NOT NULL,
                "referral_id" uuid NOT NULL,
                "unit" "public"."billing_unit" NOT NULL,
                "unit_price_cents" integer NOT NULL,
                CONSTRAINT "billing_statement_lines_price_check" CHECK ("unit_price_cents" >= 0),
                CONSTRAINT "PK_916e86334e8f1d9aaf3ff054977" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "billing_statement_lines_statement_id_referral_id_unit_key" ON "billing_statement_lines" ("statement_id", "referral_id", "unit")
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD "billing_terms" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_billing_terms_check" CHECK (jsonb_typeof("billing_terms") = 'array')
        `);
    await queryRunner.query(`
            ALTER TABLE "billing_statements"
            ADD CONSTRAINT "billing_statements_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "billing_statement_lines"
            ADD CONSTRAINT "billing_statement_lines_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "billing_statements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE FUNCTION "billing_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '% on % is not allowed: billing statements are immutable', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    for (const table of IMMUTABLE) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "billing_refuse_change"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "billing_refuse_change"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of IMMUTABLE) {
      await queryRunner.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_immutable" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "billing_refuse_change"()`);
    await queryRunner.query(`
            ALTER TABLE "billing_statement_lines" DROP CONSTRAINT "billing_statement_lines_statement_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "billing_statements" DROP CONSTRAINT "billing_statements_contract_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_billing_terms_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP COLUMN "billing_terms"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."billing_statement_lines_statement_id_referral_id_unit_key"
        `);
    await queryRunner.query(`
            DROP TABLE "billing_statement_lines"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."billing_unit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."billing_statements_contract_id_month_edition_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."billing_statements_jobcenter_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."billing_statements_provider_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "billing_statements"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."billing_correction_reason"
        `);
  }
}
