import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's disclosure record (`GET /clients/{id}/disclosures`) reads one client's events of
 * one action, newest first: this index serves each action as one backward range scan. Creating
 * an index is no UPDATE or DELETE, so the append-only triggers of `audit_events` do not object.
 */
export class DisclosureRecordIndex1795600100000 implements MigrationInterface {
  name = 'DisclosureRecordIndex1795600100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "audit_events_client_id_action_idx" ON "audit_events" ("client_id", "action", "id")
            WHERE "client_id" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."audit_events_client_id_action_idx"
        `);
  }
}
