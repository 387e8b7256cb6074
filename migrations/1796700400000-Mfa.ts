import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor for local accounts (ADR 0017): a TOTP secret per user, sealed at rest, with
 * the last time step used (no replay); single-use recovery codes as SHA-256; sessions that wait
 * for their second factor; and organisations that require it of every member.
 */
export class Mfa1796700400000 implements MigrationInterface {
  name = 'Mfa1796700400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organisations" ADD "mfa_required" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" ADD "mfa_pending" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions" ADD "mfa_challenge_hash" bytea
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "sessions_mfa_challenge_hash_key" ON "sessions" ("mfa_challenge_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "mfa_factors" (
                "user_id" uuid NOT NULL,
                "secret_sealed" bytea,
                "pending_sealed" bytea,
                "enrolled_at" TIMESTAMP WITH TIME ZONE,
                "last_step" bigint,
                CONSTRAINT "mfa_factors_pkey" PRIMARY KEY ("user_id"),
                CONSTRAINT "mfa_factors_user_id_fkey" FOREIGN KEY ("user_id")
                    REFERENCES "users"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "mfa_recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "mfa_recovery_codes_pkey" PRIMARY KEY ("id"),
                CONSTRAINT "mfa_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id")
                    REFERENCES "users"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "mfa_recovery_codes_code_hash_key" ON "mfa_recovery_codes" ("user_id", "code_hash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mfa_recovery_codes"`);
    await queryRunner.query(`DROP TABLE "mfa_factors"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_mfa_challenge_hash_key"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "mfa_challenge_hash"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "mfa_pending"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "mfa_required"`);
  }
}
