import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The jobcenter's own version and time of change of a referral (docs/architecture/0009): they
 * move with every change the jobcenter can see and not with the provider's internal ones, so
 * that a worker reassigned inside the provider does not show in the jobcenter's ETag,
 * `updatedAt`, list order or `updatedSince` filter. Existing rows start from their current
 * version and time; the jobcenter's list indexes move to the new column.
 */
export class ReferralJobcenterVersion1795700100000 implements MigrationInterface {
  name = 'ReferralJobcenterVersion1795700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "referrals"
              ADD "jobcenter_version" integer NOT NULL DEFAULT '1',
              ADD "jobcenter_updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            UPDATE "referrals" SET "jobcenter_version" = "version", "jobcenter_updated_at" = "updated_at"
        `);
    for (const name of [
      'referrals_jobcenter_id_updated_at_idx',
      'referrals_jobcenter_id_state_updated_at_idx',
      'referrals_case_manager_id_updated_at_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
    await queryRunner.query(`
            CREATE INDEX "referrals_jobcenter_id_jobcenter_updated_at_idx" ON "referrals" ("jobcenter_id", "jobcenter_updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "referrals_jobcenter_id_state_jobcenter_updated_at_idx" ON "referrals" ("jobcenter_id", "state", "jobcenter_updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "referrals_case_manager_id_jobcenter_updated_at_idx" ON "referrals" ("case_manager_id", "jobcenter_updated_at", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'referrals_case_manager_id_jobcenter_updated_at_idx',
      'referrals_jobcenter_id_state_jobcenter_updated_at_idx',
      'referrals_jobcenter_id_jobcenter_updated_at_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
    await queryRunner.query(`
            CREATE INDEX "referrals_case_manager_id_updated_at_idx" ON "referrals" ("case_manager_id", "updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "referrals_jobcenter_id_state_updated_at_idx" ON "referrals" ("jobcenter_id", "state", "updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "referrals_jobcenter_id_updated_at_idx" ON "referrals" ("jobcenter_id", "updated_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "referrals" DROP COLUMN "jobcenter_updated_at", DROP COLUMN "jobcenter_version"
        `);
  }
}
