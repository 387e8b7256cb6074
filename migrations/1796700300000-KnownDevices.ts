import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Devices a user signed in from (ADR 0017): a login presenting one is throttled per device, so
 * that wrong passwords from elsewhere cannot lock the owner out. Tokens as SHA-256 only.
 */
export class KnownDevices1796700300000 implements MigrationInterface {
  name = 'KnownDevices1796700300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "known_devices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "known_devices_pkey" PRIMARY KEY ("id"),
                CONSTRAINT "known_devices_user_id_fkey" FOREIGN KEY ("user_id")
                    REFERENCES "users"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "known_devices_token_hash_key" ON "known_devices" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "known_devices_user_id_idx" ON "known_devices" ("user_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "known_devices"
        `);
  }
}
