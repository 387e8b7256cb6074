import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purpose binding (docs/architecture/0009): a consent record's grants release the content of
 * the referral the record names, and nothing of any other referral. Every record already names
 * its referral (`referral_id`, NOT NULL since the consent tables were made), so no row changes:
 * what changes is what a grant reaches, narrowed to that referral. The migration refuses to run
 * if a record names a referral of another client (the purpose would then be another person's
 * case), and indexes the lookups by referral that the disclosure rule and the statistics make.
 */
export class PurposeBoundConsent1795700000000 implements MigrationInterface {
  name = 'PurposeBoundConsent1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = (await queryRunner.query(`
            SELECT count(*)::int AS n
              FROM consent_records r JOIN referrals f ON f.id = r.referral_id
             WHERE f.client_id <> r.client_id
        `)) as { n: number }[];
    if (n > 0) {
      throw new Error(
        `${n} consent record(s) name a referral of another client; correct them before migrating`,
      );
    }
    await queryRunner.query(`
            CREATE INDEX "consent_records_referral_id_idx" ON "consent_records" ("referral_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."consent_records_referral_id_idx"
        `);
  }
}
