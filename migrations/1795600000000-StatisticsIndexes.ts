import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statistics count a jobcenter's or a provider's referrals by the month they were sent. */
export class StatisticsIndexes1795600000000 implements MigrationInterface {
  name = 'StatisticsIndexes1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "referrals_jobcenter_id_sent_at_idx" ON "referrals" ("jobcenter_id", "sent_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "referrals_provider_id_sent_at_idx" ON "referrals" ("provider_id", "sent_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."referrals_provider_id_sent_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."referrals_jobcenter_id_sent_at_idx"
        `);
  }
}
