import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist's filters (`GET /worklist`, ADR 0019): each is a partial index over only the
 * referrals that are an item, in the worklist's order (the time the item arose, then the id).
 */
export class WorklistIndexes1797000000000 implements MigrationInterface {
  name = 'WorklistIndexes1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A caseworker's referrals awaiting the provider's answer, or its start.
    await queryRunner.query(
      `CREATE INDEX "referrals_worklist_case_manager_idx" ON "referrals" ("case_manager_id", (CASE WHEN "state" = 'requested' THEN "sent_at" ELSE "accepted_at" END), "id")
        WHERE "state" IN ('requested', 'accepted')`,
    );
    // A provider's referrals awaiting its decision, or (accepted) their first contact.
    await queryRunner.query(
      `CREATE INDEX "referrals_worklist_provider_idx" ON "referrals" ("provider_id", (CASE WHEN "state" = 'requested' THEN "sent_at" ELSE "accepted_at" END), "id")
        WHERE "state" = 'requested' OR ("state" = 'accepted' AND "first_contact_at" IS NULL)`,
    );
    // A provider worker's accepted referrals awaiting their first contact.
    await queryRunner.query(
      `CREATE INDEX "referrals_worklist_worker_idx" ON "referrals" ("assigned_worker_id", "accepted_at", "id")
        WHERE "state" = 'accepted' AND "first_contact_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "referrals_worklist_worker_idx"`);
    await queryRunner.query(`DROP INDEX "referrals_worklist_provider_idx"`);
    await queryRunner.query(`DROP INDEX "referrals_worklist_case_manager_idx"`);
  }
}
