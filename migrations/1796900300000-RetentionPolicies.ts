import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention schedules per jobcenter (issue 20, ADR 0020); a jobcenter without a row has the
 * defaults of `src/data-protection/retention.ts`.
 */
export class RetentionPolicies1796900300000 implements MigrationInterface {
  name = 'RetentionPolicies1796900300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "retention_policies" (
                "jobcenter_id" uuid NOT NULL,
                "case_content_months" smallint NOT NULL,
                "unreferred_client_months" smallint NOT NULL,
                "audit_trail_months" smallint NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "retention_policies_audit_trail_check" CHECK (
                    "audit_trail_months" BETWEEN 12 AND 240
                ),
                CONSTRAINT "retention_policies_unreferred_check" CHECK (
                    "unreferred_client_months" BETWEEN 1 AND 60
                ),
                CONSTRAINT "retention_policies_case_content_check" CHECK (
                    "case_content_months" BETWEEN 6 AND 120
                ),
                CONSTRAINT "PK_90b0af5b8cac6a7a5ed839a72db" PRIMARY KEY ("jobcenter_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "retention_policies"
            ADD CONSTRAINT "retention_policies_jobcenter_id_fkey" FOREIGN KEY ("jobcenter_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "retention_policies" DROP CONSTRAINT "retention_policies_jobcenter_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "retention_policies"
        `);
  }
}
