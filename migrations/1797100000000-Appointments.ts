import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments of clients with their case managers and the providers' records of accompaniments
 * to them (ADR 0021): two tables hanging off `referrals`, so that an erasure reaches both.
 */
export class Appointments1797100000000 implements MigrationInterface {
  name = 'Appointments1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."appointment_mode" AS ENUM('in_person', 'by_phone')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."appointment_purpose" AS ENUM(
                'initial_meeting',
                'counselling',
                'cooperation_plan',
                'benefits',
                'placement',
                'other'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."appointment_party" AS ENUM('jobcenter', 'provider')
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."appointment_outcome" AS ENUM(
                'took_place',
                'client_did_not_come',
                'rescheduled'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "appointments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "referral_id" uuid NOT NULL,
                "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "duration_minutes" integer,
                "mode" "public"."appointment_mode" NOT NULL,
                "location" character varying(200),
                "purpose" "public"."appointment_purpose" NOT NULL,
                "accompaniment_wished" boolean,
                "accompaniment_wish_recorded_by" "public"."appointment_party",
                "accompaniment_confirmed_at" TIMESTAMP(3) WITH TIME ZONE,
                "outcome" "public"."appointment_outcome",
                "outcome_recorded_at" TIMESTAMP(3) WITH TIME ZONE,
                "rescheduled_from_id" uuid,
                "created_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "appointments_referral_id_starts_at_idx" ON "appointments" ("referral_id", "starts_at", "id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."accompaniment_meeting" AS ENUM('met_client', 'client_did_not_come')
        `);
    await queryRunner.query(`
            CREATE TABLE "appointment_attendances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "appointment_id" uuid NOT NULL,
                "referral_id" uuid NOT NULL,
                "author_organisation_id" uuid NOT NULL,
                "category" "public"."data_category" NOT NULL DEFAULT 'participation',
                "meeting" "public"."accompaniment_meeting" NOT NULL,
                "note" character varying(2000),
                "recorded_by_id" uuid NOT NULL,
                "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "appointment_attendances_appointment_id_key" UNIQUE ("appointment_id"),
                CONSTRAINT "PK_4028c7c72c5b2dbf21f65b4dab7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "appointments"
            ADD CONSTRAINT "appointments_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "appointments"
            ADD CONSTRAINT "appointments_rescheduled_from_id_fkey" FOREIGN KEY ("rescheduled_from_id") REFERENCES "appointments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment_attendances"
            ADD CONSTRAINT "appointment_attendances_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment_attendances"
            ADD CONSTRAINT "appointment_attendances_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "appointment_attendances" DROP CONSTRAINT "appointment_attendances_referral_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment_attendances" DROP CONSTRAINT "appointment_attendances_appointment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointments" DROP CONSTRAINT "appointments_rescheduled_from_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointments" DROP CONSTRAINT "appointments_referral_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "appointment_attendances"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."accompaniment_meeting"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."appointments_referral_id_starts_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "appointments"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."appointment_outcome"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."appointment_party"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."appointment_purpose"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."appointment_mode"
        `);
  }
}
