import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client without a fixed address (ohne festen Wohnsitz, issue 20): the address of residence
 * becomes optional, with the Erreichbarkeit instead (a postal address c/o, where the person is
 * usually met, the municipality); providers state their service area by municipality too.
 * Existing rows keep their values: every one has a full address, which the check accepts.
 */
export class NoFixedAddress1796900000000 implements MigrationInterface {
  name = 'NoFixedAddress1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "care_of" character varying(300)
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "usual_whereabouts" character varying(500)
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "municipality" character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_profiles"
            ADD "municipalities" character varying(100) array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "street" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "postcode" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "city" DROP NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "clients_reachability_check" CHECK (
                    (
                        "street" IS NOT NULL
                        AND "postcode" IS NOT NULL
                        AND "city" IS NOT NULL
                    )
                    OR (
                        "street" IS NULL
                        AND "postcode" IS NULL
                        AND "city" IS NULL
                        AND "municipality" IS NOT NULL
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "clients_reachability_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "city"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "postcode"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ALTER COLUMN "street"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "provider_profiles" DROP COLUMN "municipalities"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "usual_whereabouts"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "care_of"
        `);
  }
}
