import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of every limit, shared by all instances (ADR 0017). UNLOGGED: no WAL, so that
 * counting costs no disk flush; a crash empties the table, which forgives at most one window.
 * No entity: only the limit store's raw SQL touches it.
 */
export class SharedLimits1796700200000 implements MigrationInterface {
  name = 'SharedLimits1796700200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE UNLOGGED TABLE "rate_limit_counters" (
                "key" text NOT NULL,
                "hits" integer NOT NULL,
                "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "blocked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "rate_limit_counters"
        `);
  }
}
