import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotent replay returns the first answer byte for byte (ADR 0006): the body is kept as
 * the JSON text that was sent, since `jsonb` reorders an object's members. Answers stored so
 * far keep their (reordered) text; keys live for a day, so the difference soon passes.
 */
export class IdempotentReplayBytes1795700200000 implements MigrationInterface {
  name = 'IdempotentReplayBytes1795700200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE text USING "response_body"::text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE jsonb USING "response_body"::jsonb
        `);
  }
}
