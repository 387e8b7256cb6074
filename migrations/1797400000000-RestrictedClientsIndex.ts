import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The restricted clients (Art. 18 GDPR, ADR 0020), few or none: every referral list leaves
 * their referrals out with `NOT EXISTS (… clients … restricted_at IS NOT NULL)`, which without
 * this index PostgreSQL answered by scanning every client once per page (≈ 70 ms of 74 ms for a
 * page of 50 at 100,000 clients, BENCHMARKS.md; ADR 0024). With it the anti-join reads an index
 * of the restricted ones only.
 */
export class RestrictedClientsIndex1797400000000 implements MigrationInterface {
  name = 'RestrictedClientsIndex1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "clients_restricted_idx" ON "clients" ("id") WHERE "restricted_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "clients_restricted_idx"`);
  }
}
