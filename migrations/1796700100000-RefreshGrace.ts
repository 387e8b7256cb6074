import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rotated refresh token keeps its successor, sealed with a key derived from the rotated token
 * itself, so that a second use within the grace window returns the same pair (ADR 0017).
 */
export class RefreshGrace1796700100000 implements MigrationInterface {
  name = 'RefreshGrace1796700100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" ADD "successor_sealed" bytea
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP COLUMN "successor_sealed"
        `);
  }
}
