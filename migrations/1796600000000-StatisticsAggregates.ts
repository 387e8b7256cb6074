import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics from aggregates maintained in the writing transaction (docs/architecture/0012):
 * counts of the sent referrals by (jobcenter, provider, year, state, outcome, accepted), by
 * (jobcenter, provider, month), by (organisation, month, service), and the whole days of their
 * durations by (organisation, year, measure). Triggers on `referrals` keep them exact; they and
 * the triggers on the consent tables and the history move `statistics_versions`, the version of
 * an organisation's statistics, so that a computed result is reused only while nothing it counts
 * has changed, and a revocation takes effect on the very next request.
 *
 * The end reasons and, for a jobcenter, the first contacts are not aggregated: whether they
 * count depends on the client's consent now, which is read live (ADR 0009).
 *
 * `statistics_rebuild()` recounts everything from `referrals` (here for the rows that exist, and
 * for bulk loads that switch the triggers off).
 */
export class StatisticsAggregates1796600000000 implements MigrationInterface {
  name = 'StatisticsAggregates1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "statistics_versions" (
                "organisation_id" uuid NOT NULL,
                "version" bigint NOT NULL DEFAULT '1',
                CONSTRAINT "statistics_versions_pkey" PRIMARY KEY ("organisation_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "statistics_state_counts" (
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "state" "public"."referral_state" NOT NULL,
                "outcome" character varying(40) NOT NULL,
                "accepted" boolean NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "statistics_state_counts_pkey"
                  PRIMARY KEY ("jobcenter_id", "provider_id", "year", "state", "outcome", "accepted")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "statistics_state_counts_provider_id_idx" ON "statistics_state_counts" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "statistics_month_counts" (
                "jobcenter_id" uuid NOT NULL,
                "provider_id" uuid NOT NULL,
                "month" date NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "statistics_month_counts_pkey" PRIMARY KEY ("jobcenter_id", "provider_id", "month")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "statistics_month_counts_provider_id_idx" ON "statistics_month_counts" ("provider_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "statistics_service_counts" (
                "organisation_id" uuid NOT NULL,
                "month" date NOT NULL,
                "service" "public"."service_kind" NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "statistics_service_counts_pkey" PRIMARY KEY ("organisation_id", "month", "service")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "statistics_durations" (
                "organisation_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "measure" character varying(20) NOT NULL,
                "days" integer NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "statistics_durations_pkey" PRIMARY KEY ("organisation_id", "year", "measure", "days")
            )
        `);
    // The version first and in a fixed order (jobcenter, then provider): concurrent writers of
    // one organisation's referrals queue there instead of deadlocking on the counters (a pause
    // and a resume move the same two counters in opposite directions).
    await queryRunner.query(`
            CREATE FUNCTION statistics_bump(organisation uuid) RETURNS void LANGUAGE sql AS $$
              INSERT INTO statistics_versions (organisation_id) VALUES (organisation)
              ON CONFLICT (organisation_id) DO UPDATE SET version = statistics_versions.version + 1
            $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION statistics_count(r referrals, sign integer) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
              sent_local timestamp := r.sent_at AT TIME ZONE 'Europe/Berlin';
              sent_month date := date_trunc('month', sent_local)::date;
              sent_year smallint := extract(year FROM sent_local)::smallint;
              accepted_days integer := floor(extract(epoch FROM r.accepted_at - r.sent_at) / 86400);
            BEGIN
              INSERT INTO statistics_state_counts AS t VALUES (
                r.jobcenter_id, r.provider_id, sent_year, r.state,
                CASE WHEN r.state IN ('completed', 'rejected', 'cancelled') THEN COALESCE(r.outcome, '') ELSE '' END,
                r.accepted_at IS NOT NULL, sign)
              ON CONFLICT ON CONSTRAINT statistics_state_counts_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
              INSERT INTO statistics_month_counts AS t VALUES (r.jobcenter_id, r.provider_id, sent_month, sign)
              ON CONFLICT ON CONSTRAINT statistics_month_counts_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
              INSERT INTO statistics_service_counts AS t
                SELECT o, sent_month, s, sign
                  FROM unnest(ARRAY[r.jobcenter_id, r.provider_id]) o,
                       (SELECT DISTINCT unnest(r.requested_services) AS s) v
              ON CONFLICT ON CONSTRAINT statistics_service_counts_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
              IF r.accepted_at IS NOT NULL THEN
                INSERT INTO statistics_durations AS t
                  SELECT o, sent_year, 'acceptance', accepted_days, sign FROM unnest(ARRAY[r.jobcenter_id, r.provider_id]) o
                ON CONFLICT ON CONSTRAINT statistics_durations_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
                IF r.closed_at IS NOT NULL THEN
                  INSERT INTO statistics_durations AS t
                    SELECT o, sent_year, 'closure', floor(extract(epoch FROM r.closed_at - r.sent_at) / 86400), sign
                      FROM unnest(ARRAY[r.jobcenter_id, r.provider_id]) o
                  ON CONFLICT ON CONSTRAINT statistics_durations_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
                END IF;
                -- The first contact is participation content: aggregated for its author only.
                IF r.first_contact_at IS NOT NULL THEN
                  INSERT INTO statistics_durations AS t VALUES (r.provider_id, sent_year, 'first_contact',
                    floor(extract(epoch FROM r.first_contact_at - r.accepted_at) / 86400), sign)
                  ON CONFLICT ON CONSTRAINT statistics_durations_pkey DO UPDATE SET n = t.n + EXCLUDED.n;
                END IF;
              END IF;
            END $$
        `);
    await queryRunner.query(`
            CREATE FUNCTION statistics_referrals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              was_sent boolean := TG_OP <> 'INSERT' AND OLD.state <> 'draft' AND OLD.sent_at IS NOT NULL;
              is_sent boolean := TG_OP <> 'DELETE' AND NEW.state <> 'draft' AND NEW.sent_at IS NOT NULL;
            BEGIN
              IF was_sent THEN
                PERFORM statistics_bump(OLD.jobcenter_id);
                PERFORM statistics_bump(OLD.provider_id);
              END IF;
              IF is_sent AND NOT (was_sent AND OLD.jobcenter_id = NEW.jobcenter_id AND OLD.provider_id = NEW.provider_id) THEN
                PERFORM statistics_bump(NEW.jobcenter_id);
                PERFORM statistics_bump(NEW.provider_id);
              END IF;
              IF was_sent THEN PERFORM statistics_count(OLD, -1); END IF;
              IF is_sent THEN PERFORM statistics_count(NEW, 1); END IF;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "referrals_statistics_insert_delete" AFTER INSERT OR DELETE ON "referrals"
              FOR EACH ROW EXECUTE FUNCTION statistics_referrals_changed()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "referrals_statistics_update" AFTER UPDATE ON "referrals"
              FOR EACH ROW WHEN (
                OLD.state IS DISTINCT FROM NEW.state OR OLD.sent_at IS DISTINCT FROM NEW.sent_at
                OR OLD.accepted_at IS DISTINCT FROM NEW.accepted_at
                OR OLD.first_contact_at IS DISTINCT FROM NEW.first_contact_at
                OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.outcome IS DISTINCT FROM NEW.outcome
                OR OLD.requested_services IS DISTINCT FROM NEW.requested_services
                OR OLD.jobcenter_id IS DISTINCT FROM NEW.jobcenter_id
                OR OLD.provider_id IS DISTINCT FROM NEW.provider_id
                OR OLD.contract_id IS DISTINCT FROM NEW.contract_id)
              EXECUTE FUNCTION statistics_referrals_changed()
        `);
    // An end's reason (history) and a consent counted live: their change moves the version of
    // the referral's jobcenter (and, for the end, of its provider) in the same transaction.
    await queryRunner.query(`
            CREATE FUNCTION statistics_referral_event() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              referral uuid;
              jobcenter uuid;
              provider uuid;
            BEGIN
              IF TG_TABLE_NAME = 'referral_transitions' THEN
                referral := NEW.referral_id;
              ELSIF TG_TABLE_NAME = 'consent_records' THEN
                referral := CASE WHEN TG_OP = 'DELETE' THEN OLD.referral_id ELSE NEW.referral_id END;
              ELSE
                SELECT cr.referral_id INTO referral FROM consent_records cr
                 WHERE cr.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.consent_id ELSE NEW.consent_id END;
              END IF;
              SELECT f.jobcenter_id, f.provider_id INTO jobcenter, provider FROM referrals f WHERE f.id = referral;
              IF jobcenter IS NOT NULL THEN PERFORM statistics_bump(jobcenter); END IF;
              IF provider IS NOT NULL AND TG_TABLE_NAME = 'referral_transitions' THEN
                PERFORM statistics_bump(provider);
              END IF;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "referral_transitions_statistics" AFTER INSERT ON "referral_transitions"
              FOR EACH ROW WHEN (NEW.to_state = 'ended') EXECUTE FUNCTION statistics_referral_event()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "consent_records_statistics" AFTER INSERT OR UPDATE OR DELETE ON "consent_records"
              FOR EACH ROW EXECUTE FUNCTION statistics_referral_event()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "consent_grants_statistics" AFTER INSERT OR UPDATE OR DELETE ON "consent_grants"
              FOR EACH ROW EXECUTE FUNCTION statistics_referral_event()
        `);
    // The capacity table (contracts) and the names shown change the figures too.
    await queryRunner.query(`
            CREATE FUNCTION statistics_contracts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN
                PERFORM statistics_bump(OLD.jobcenter_id);
                PERFORM statistics_bump(OLD.provider_id);
              END IF;
              IF TG_OP <> 'DELETE' THEN
                PERFORM statistics_bump(NEW.jobcenter_id);
                PERFORM statistics_bump(NEW.provider_id);
              END IF;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "contracts_statistics" AFTER INSERT OR UPDATE OR DELETE ON "contracts"
              FOR EACH ROW EXECUTE FUNCTION statistics_contracts_changed()
        `);
    await queryRunner.query(`
            CREATE FUNCTION statistics_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              -- The organisation and those whose statistics show its name: its counterparts.
              UPDATE statistics_versions SET version = version + 1
               WHERE organisation_id = NEW.id
                  OR organisation_id IN (SELECT jobcenter_id FROM referrals WHERE provider_id = NEW.id)
                  OR organisation_id IN (SELECT provider_id FROM referrals WHERE jobcenter_id = NEW.id)
                  OR organisation_id IN (SELECT jobcenter_id FROM contracts WHERE provider_id = NEW.id)
                  OR organisation_id IN (SELECT provider_id FROM contracts WHERE jobcenter_id = NEW.id);
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "organisations_statistics" AFTER UPDATE OF "name" ON "organisations"
              FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
              EXECUTE FUNCTION statistics_names_changed()
        `);
    // Set-based, with the very expressions of statistics_count: a row-by-row loop took over a
    // minute for 250,000 referrals.
    await queryRunner.query(`
            CREATE FUNCTION statistics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM statistics_state_counts;
              DELETE FROM statistics_month_counts;
              DELETE FROM statistics_service_counts;
              DELETE FROM statistics_durations;
              DROP TABLE IF EXISTS pg_temp.statistics_sent;
              CREATE TEMP TABLE statistics_sent AS
                SELECT r.*, date_trunc('month', r.sent_at AT TIME ZONE 'Europe/Berlin')::date AS sent_month,
                       extract(year FROM r.sent_at AT TIME ZONE 'Europe/Berlin')::smallint AS sent_year
                  FROM referrals r WHERE r.state <> 'draft' AND r.sent_at IS NOT NULL;
              INSERT INTO statistics_state_counts
                SELECT jobcenter_id, provider_id, sent_year, state,
                       CASE WHEN state IN ('completed', 'rejected', 'cancelled') THEN COALESCE(outcome, '') ELSE '' END,
                       accepted_at IS NOT NULL, count(*)
                  FROM statistics_sent GROUP BY 1, 2, 3, 4, 5, 6;
              INSERT INTO statistics_month_counts
                SELECT jobcenter_id, provider_id, sent_month, count(*) FROM statistics_sent GROUP BY 1, 2, 3;
              INSERT INTO statistics_service_counts
                SELECT o, r.sent_month, v.s, count(*)
                  FROM statistics_sent r, unnest(ARRAY[r.jobcenter_id, r.provider_id]) o,
                       LATERAL (SELECT DISTINCT unnest(r.requested_services) AS s) v
                 GROUP BY 1, 2, 3;
              INSERT INTO statistics_durations
                SELECT o, r.sent_year, 'acceptance', floor(extract(epoch FROM r.accepted_at - r.sent_at) / 86400), count(*)
                  FROM statistics_sent r, unnest(ARRAY[r.jobcenter_id, r.provider_id]) o
                 WHERE r.accepted_at IS NOT NULL GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT o, r.sent_year, 'closure', floor(extract(epoch FROM r.closed_at - r.sent_at) / 86400), count(*)
                  FROM statistics_sent r, unnest(ARRAY[r.jobcenter_id, r.provider_id]) o
                 WHERE r.accepted_at IS NOT NULL AND r.closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT r.provider_id, r.sent_year, 'first_contact',
                       floor(extract(epoch FROM r.first_contact_at - r.accepted_at) / 86400), count(*)
                  FROM statistics_sent r
                 WHERE r.accepted_at IS NOT NULL AND r.first_contact_at IS NOT NULL GROUP BY 1, 2, 3, 4;
              DROP TABLE statistics_sent;
              INSERT INTO statistics_versions (organisation_id) SELECT id FROM organisations
              ON CONFLICT (organisation_id) DO UPDATE SET version = statistics_versions.version + 1;
            END $$
        `);
    await queryRunner.query(`SELECT statistics_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "organisations_statistics" ON "organisations"`);
    await queryRunner.query(`DROP TRIGGER "contracts_statistics" ON "contracts"`);
    await queryRunner.query(`DROP TRIGGER "consent_grants_statistics" ON "consent_grants"`);
    await queryRunner.query(`DROP TRIGGER "consent_records_statistics" ON "consent_records"`);
    await queryRunner.query(
      `DROP TRIGGER "referral_transitions_statistics" ON "referral_transitions"`,
    );
    await queryRunner.query(`DROP TRIGGER "referrals_statistics_update" ON "referrals"`);
    await queryRunner.query(`DROP TRIGGER "referrals_statistics_insert_delete" ON "referrals"`);
    await queryRunner.query(`DROP FUNCTION statistics_rebuild()`);
    await queryRunner.query(`DROP FUNCTION statistics_names_changed()`);
    await queryRunner.query(`DROP FUNCTION statistics_contracts_changed()`);
    await queryRunner.query(`DROP FUNCTION statistics_referral_event()`);
    await queryRunner.query(`DROP FUNCTION statistics_referrals_changed()`);
    await queryRunner.query(`DROP FUNCTION statistics_count(referrals, integer)`);
    await queryRunner.query(`DROP FUNCTION statistics_bump(uuid)`);
    await queryRunner.query(`DROP TABLE "statistics_durations"`);
    await queryRunner.query(`DROP TABLE "statistics_service_counts"`);
    await queryRunner.query(`DROP TABLE "statistics_month_counts"`);
    await queryRunner.query(`DROP TABLE "statistics_state_counts"`);
    await queryRunner.query(`DROP TABLE "statistics_versions"`);
  }
}
