import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A jobcenter's Bundesland (issue 20, ADR 0020): the public holidays its first-contact due dates
 * skip. Existing organisations get none: until an admin or the jobcenter's lead sets it, only the
 * holidays of every Land count. Due dates already set stay as they are.
 */
export class JobcenterFederalState1796950000000 implements MigrationInterface {
  name = 'JobcenterFederalState1796950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."federal_state" AS ENUM(
                'BW',
                'BY',
                'BE',
                'BB',
                'HB',
                'HH',
                'HE',
                'MV',
                'NI',
                'NW',
                'RP',
                'SL',
                'SN',
                'ST',
                'SH',
                'TH'
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "organisations"
            ADD "federal_state" "public"."federal_state"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "organisations" DROP COLUMN "federal_state"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."federal_state"
        `);
  }
}
