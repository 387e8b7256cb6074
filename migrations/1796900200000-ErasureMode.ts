import { MigrationInterface, QueryRunner } from 'typeorm';

/** The transaction-local setting an erasure sets (`SELECT set_config('lotse.erasure', 'on', true)`). */
const ERASING = `current_setting('lotse.erasure', true) = 'on'`;

/**
 * Erasure (Art. 17 GDPR, issue 20, ADR 0020): the guards that keep consent records, their grants
 * and submitted reports immutable let a DELETE through while the transaction erases a client
 * (and only then), and the statistics aggregates keep what they counted of an erased referral:
 * its DELETE does not count it out (the aggregates are pseudonymous facts the statistics still
 * need). Nothing else changes: an UPDATE is still refused, and TRUNCATE too.
 */
export class ErasureMode1796900200000 implements MigrationInterface {
  name = 'ErasureMode1796900200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "consent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' AND ${ERASING} THEN
                RETURN OLD;
              END IF;
              RAISE EXCEPTION '% on % is not allowed: consent records are immutable', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "reports_submitted_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' AND ${ERASING} THEN
                RETURN OLD;
              END IF;
              IF OLD.status = 'submitted' THEN
                RAISE EXCEPTION 'a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "report_sections_of_draft_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' AND ${ERASING} THEN
                RETURN OLD;
              END IF;
              IF EXISTS (SELECT 1 FROM reports r WHERE r.status = 'submitted'
                           AND r.id IN (COALESCE(NEW.report_id, OLD.report_id), OLD.report_id)) THEN
                RAISE EXCEPTION 'the sections of a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`DROP TRIGGER "referrals_statistics_insert_delete" ON "referrals"`);
    await queryRunner.query(`
            CREATE TRIGGER "referrals_statistics_insert" AFTER INSERT ON "referrals"
              FOR EACH ROW EXECUTE FUNCTION statistics_referrals_changed()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "referrals_statistics_delete" AFTER DELETE ON "referrals"
              FOR EACH ROW WHEN (current_setting('lotse.erasure', true) IS DISTINCT FROM 'on')
              EXECUTE FUNCTION statistics_referrals_changed()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "referrals_statistics_delete" ON "referrals"`);
    await queryRunner.query(`DROP TRIGGER "referrals_statistics_insert" ON "referrals"`);
    await queryRunner.query(`
            CREATE TRIGGER "referrals_statistics_insert_delete" AFTER INSERT OR DELETE ON "referrals"
              FOR EACH ROW EXECUTE FUNCTION statistics_referrals_changed()
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "report_sections_of_draft_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM reports r WHERE r.status = 'submitted'
                           AND r.id IN (COALESCE(NEW.report_id, OLD.report_id), OLD.report_id)) THEN
                RAISE EXCEPTION 'the sections of a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "reports_submitted_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.status = 'submitted' THEN
                RAISE EXCEPTION 'a submitted report cannot be changed' USING ERRCODE = 'insufficient_privilege';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$
        `);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION "consent_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '% on % is not allowed: consent records are immutable', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
  }
}
