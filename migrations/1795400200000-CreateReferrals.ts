import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReferrals1795400200000 implements MigrationInterface {
  name = 'CreateReferrals1795400200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."referral_state" AS ENUM(
                'draft',
                'requested',
                'accepted',
                'in_progress',
                'on_hold',
                'completed',
                'ended',
                'rejected',
                'cancelled'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."referral_reason" AS ENUM(
                'lost_contact',
                'debts',
                'housing',
                'health',
                'mental_health',
                'family',
                'correspondence',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."referral_priority" AS ENUM('normal', 'high', 'urgent')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."referral_action" AS ENUM(
                'send',
                'accept',
                'reject',
                'start',
                'pause',
                'resume',
                'complete',
                'end',
                'cancel'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."activity_kind" AS ENUM(
                'contact_attempt',
                'home_visit',
                'phone',
                'office_meeting',
                'accompaniment',
                'letter',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "referrals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "contract_id" uuid,
                "case_manager_id" uuid NOT NULL,
                "state" "public"."referral_state" NOT NULL,
                "reason_category" "public"."referral_reason" NOT NULL,
                "reason_text" character varying(2000),
                "goals" character varying(2000),
                "requested_services" "public"."service_kind" array NOT NULL,
                "priority" "public"."referral_priority" NOT NULL DEFAULT 'normal',
                "assigned_worker_id" uuid,
                "first_contact_due" date,
                "first_contact_at" TIMESTAMP WITH TIME ZONE,
                "outcome" character varying(32),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_referrals_id" PRIMARY KEY ("id")
            )
        `);
    for (const [name, columns] of [
      ['referrals_jobcenter_id_updated_at_idx', '"jobcenter_id", "updated_at", "id"'],
      [
        'referrals_jobcenter_id_state_updated_at_idx',
        '"jobcenter_id", "state", "updated_at", "id"',
      ],
      ['referrals_provider_id_updated_at_idx', '"provider_id", "updated_at", "id"'],
      ['referrals_provider_id_state_updated_at_idx', '"provider_id", "state", "updated_at", "id"'],
      ['referrals_assigned_worker_id_updated_at_idx', '"assigned_worker_id", "updated_at", "id"'],
      ['referrals_case_manager_id_updated_at_idx', '"case_manager_id", "updated_at", "id"'],
      ['referrals_client_id_idx', '"client_id"'],
      ['referrals_contract_id_state_idx', '"contract_id", "state"'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "referrals" (${columns})`);
    }
    // The providers' overdue list: only referrals still waiting for their first contact.
    await queryRunner.query(`
            CREATE INDEX "referrals_first_contact_overdue_idx" ON "referrals" ("provider_id", "first_contact_due")
            WHERE "first_contact_at" IS NULL AND "state" IN ('accepted', 'in_progress', 'on_hold')
        `);
    await queryRunner.query(`
            CREATE TABLE "referral_transitions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "referral_id" uuid NOT NULL,
                "action" "public"."referral_action",
                "from_state" "public"."referral_state",
                "to_state" "public"."referral_state" NOT NULL,
                "reason" character varying(32),
                "reason_category" character varying(32),
                "actor_kind" character varying(16) NOT NULL,
                "actor_id" uuid NOT NULL,
                "actor_organisation_id" uuid NOT NULL,
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_referral_transitions_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "referral_transitions_referral_id_occurred_at_idx" ON "referral_transitions" ("referral_id", "occurred_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "activities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "referral_id" uuid NOT NULL,
                "author_organisation_id" uuid NOT NULL,
                "kind" "public"."activity_kind" NOT NULL,
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "duration_minutes" integer,
                "reached" boolean NOT NULL,
                "note" character varying(2000),
                "recorded_by_kind" character varying(16) NOT NULL,
                "recorded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_activities_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "activities_referral_id_occurred_at_idx" ON "activities" ("referral_id", "occurred_at", "id")
        `);
    for (const [table, column, target, onDelete] of [
      ['referrals', 'jobcenter_id', 'organisations', 'RESTRICT'],
      ['referrals', 'provider_id', 'organisations', 'RESTRICT'],
      ['referrals', 'client_id', 'clients', 'RESTRICT'],
      ['referrals', 'contract_id', 'contracts', 'RESTRICT'],
      ['referrals', 'case_manager_id', 'users', 'RESTRICT'],
      ['referrals', 'assigned_worker_id', 'users', 'RESTRICT'],
      ['referral_transitions', 'referral_id', 'referrals', 'CASCADE'],
      ['activities', 'referral_id', 'referrals', 'CASCADE'],
    ]) {
      await queryRunner.query(`
            ALTER TABLE "${table}"
            ADD CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(`DROP TABLE "referral_transitions"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    for (const type of [
      'activity_kind',
      'referral_action',
      'referral_priority',
      'referral_reason',
      'referral_state',
    ]) {
      await queryRunner.query(`DROP TYPE "public"."${type}"`);
    }
  }
}
