import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProviders1795400100000 implements MigrationInterface {
  name = 'CreateProviders1795400100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."service_kind" AS ENUM(
                'outreach_home_visits',
                'debt_regulation',
                'housing_security',
                'health_access',
                'psychosocial_support',
                'correspondence_help',
                'accompaniment',
                'family_support',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "provider_profiles" (
                "organisation_id" uuid NOT NULL,
                "services" "public"."service_kind" array NOT NULL DEFAULT '{}',
                "postcodes" character varying(5) array NOT NULL DEFAULT '{}',
                "languages" character varying(8) array NOT NULL DEFAULT '{}',
                "contact_email" character varying(254),
                "contact_phone" character varying(40),
                "website" character varying(300),
                "description" character varying(2000),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_0aef715aba9ed93d69c43a5e651" PRIMARY KEY ("organisation_id")
            )
        `);
    // The directory filters with `@>` on these arrays; the entity declares them unsynchronised.
    await queryRunner.query(`
            CREATE INDEX "provider_profiles_services_idx" ON "provider_profiles" USING gin ("services")
        `);
    await queryRunner.query(`
            CREATE INDEX "provider_profiles_postcodes_idx" ON "provider_profiles" USING gin ("postcodes")
        `);
    await queryRunner.query(`
            CREATE TABLE "contracts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "number" character varying(64) NOT NULL,
                "valid_from" date NOT NULL,
                "valid_until" date,
                "services" "public"."service_kind" array NOT NULL,
                "capacity" integer NOT NULL,
                "first_contact_working_days" integer NOT NULL DEFAULT '10',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "contracts_first_contact_working_days_check" CHECK (
                    "first_contact_working_days" BETWEEN 1 AND 60
                ),
                CONSTRAINT "contracts_capacity_check" CHECK ("capacity" BETWEEN 1 AND 10000),
                CONSTRAINT "contracts_services_check" CHECK (cardinality("services") >= 1),
                CONSTRAINT "contracts_valid_period_check" CHECK (
                    "valid_until" IS NULL
                    OR "valid_until" >= "valid_from"
                ),
                CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "contracts_jobcenter_id_provider_id_idx" ON "contracts" ("jobcenter_id", "provider_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "contracts_provider_id_idx" ON "contracts" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "contracts_jobcenter_id_number_key" ON "contracts" ("jobcenter_id", "number")
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_profiles"
            ADD CONSTRAINT "provider_profiles_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_jobcenter_id_fkey" FOREIGN KEY ("jobcenter_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_provider_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_jobcenter_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_profiles" DROP CONSTRAINT "provider_profiles_organisation_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_jobcenter_id_number_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_provider_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_jobcenter_id_provider_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "contracts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."provider_profiles_postcodes_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."provider_profiles_services_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "provider_profiles"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."service_kind"
        `);
  }
}
