import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restriction of processing (Art. 18 GDPR, issue 20, ADR 0020): since when and on which ground
 * of Art. 18(1) a client is restricted; both null, or both set.
 */
export class ClientRestriction1796900100000 implements MigrationInterface {
  name = 'ClientRestriction1796900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "restricted_at" TIMESTAMP(3) WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."restriction_ground" AS ENUM(
                'accuracy_contested',
                'unlawful_processing',
                'legal_claims',
                'objection_pending'
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD "restriction_ground" "public"."restriction_ground"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients"
            ADD CONSTRAINT "clients_restriction_check" CHECK (
                    ("restricted_at" IS NULL) = ("restriction_ground" IS NULL)
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clients" DROP CONSTRAINT "clients_restriction_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "restriction_ground"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."restriction_ground"
        `);
    await queryRunner.query(`
            ALTER TABLE "clients" DROP COLUMN "restricted_at"
        `);
  }
}
