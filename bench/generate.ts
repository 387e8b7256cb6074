import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainRepository } from '../src/audit/audit-chain.repository';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { AuditEventRepository } from '../src/audit/audit-event.repository';
import { AuditSealer } from '../src/audit/audit-sealer.service';
import { runMigrationsExclusively } from '../src/database/run-migrations';
import { dataSourceOptions } from '../src/database/typeorm-options';
import { PasswordHasher } from '../src/identity/password/password-hasher';

/**
 * `npm run bench:data -- --scale=small|default|<referrals> [--fresh]`: writes a synthetic world
 * at Essen scale into the PostgreSQL database at DATABASE_URL, with set-based
 * `INSERT … SELECT generate_series(…)` in batches. Ids are derived from row numbers
 * (`pg_temp.u(kind, n)`: an md5 shaped as a version-4 uuid), so that every table can name the
 * rows of another without a lookup. Every row goes through the schema's constraints and
 * triggers; the audit events are sealed afterwards by the app's own AuditSealer.
 */

export const WORLD_FILE = join(__dirname, 'world.json');
export const BENCH_PASSWORD = 'Bench-Lotse-Essen-2026';

const JOBCENTERS = 3;
const PROVIDERS = 40;
const CASEWORKERS_PER_JOBCENTER = 20;
const WORKERS_PER_PROVIDER = 5;
const ACTIVITIES_PER_STARTED_REFERRAL = 14;
const AUDIT_EVENTS_PER_REFERRAL = 20;
const BATCH = 10_000;
/** The triggers that keep the statistics' aggregates (migration StatisticsAggregates). */
const STATISTICS_TRIGGERS = [
  ['referrals', 'referrals_statistics_insert'],
  ['referrals', 'referrals_statistics_delete'],
  ['referrals', 'referrals_statistics_update'],
  ['referral_transitions', 'referral_transitions_statistics'],
  ['consent_records', 'consent_records_statistics'],
  ['consent_grants', 'consent_grants_statistics'],
  ['contracts', 'contracts_statistics'],
  ['organisations', 'organisations_statistics'],
];

const CATEGORIES = [
  'participation',
  'goals',
  'debts',
  'housing',
  'health',
  'mental_health',
  'family',
  'correspondence',
  'summary',
];
const SERVICES = [
  'outreach_home_visits',
  'debt_regulation',
  'housing_security',
  'health_access',
  'psychosocial_support',
  'correspondence_help',
  'accompaniment',
  'family_support',
  'other',
];

export interface World {
  scale: number;
  generatedAt: string;
  password: string;
  logins: {
    caseworker: string;
    providerWorker: string;
    jobcenterLead: string;
    /** The lead of another jobcenter, whose statistics no earlier scenario computed. */
    secondJobcenterLead?: string;
  };
  /** Referrals of the caseworker's jobcenter in progress, assigned to the provider worker. */
  workerReferralIds: string[];
  /** Submitted reports readable by the caseworker with at least one released section. */
  releasedReportIds: string[];
  anyReferralId: string;
}

function parseArgs(argv: string[]): { referrals: number; fresh: boolean; sealOnly: boolean } {
  let referrals = 250_000;
  let fresh = false;
  let sealOnly = false;
  for (const arg of argv) {
    if (arg === '--fresh') fresh = true;
    else if (arg === '--seal-only') sealOnly = true;
    else if (arg.startsWith('--scale=')) {
      const value = arg.slice('--scale='.length);
      if (value === 'small') referrals = 10_000;
      else if (value === 'default') referrals = 250_000;
      else if (/^\d+$/.test(value) && Number(value) >= 100) referrals = Number(value);
      else throw new Error(`--scale must be small, default or a number ≥ 100, not "${value}"`);
    } else throw new Error(`Unknown argument ${arg}`);
  }
  return { referrals, fresh, sealOnly };
}

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * Everything about referral `i` that other tables need, as SQL over a series `i` from $1 to $2.
 * The states follow the workflow's shares; dates are consistent with the state (sent after
 * created, accepted after sent, closed last) and open referrals are recent.
 */
function referralSeries(clients: number): string {
  return `
  b AS (
    SELECT i, (i - 1) % ${clients} + 1 AS c, ((i - 1) % ${clients} + 1) % ${JOBCENTERS} AS j,
           (i * 31 + i / 7) % ${PROVIDERS} AS p, (i * 17) % 100 AS sp
      FROM generate_series($1::int, $2::int) i),
  s AS (
    SELECT b.*,
           CASE WHEN sp < 3 THEN 'draft' WHEN sp < 10 THEN 'requested' WHEN sp < 18 THEN 'accepted'
                WHEN sp < 43 THEN 'in_progress' WHEN sp < 47 THEN 'on_hold'
                WHEN sp < 77 THEN 'completed' WHEN sp < 87 THEN 'ended'
                WHEN sp < 95 THEN 'rejected' ELSE 'cancelled' END AS st
      FROM b),
  a AS (
    SELECT s.*,
           CASE WHEN st IN ('draft', 'requested') THEN (i * 37) % 30
                WHEN st = 'accepted' THEN 5 + (i * 37) % 60
                WHEN st IN ('in_progress', 'on_hold') THEN 20 + (i * 37) % 365
                ELSE 120 + (i * 37) % 975 END AS age,
           st IN ('accepted', 'in_progress', 'on_hold', 'completed', 'ended')
             OR (st = 'cancelled' AND i % 2 = 0) AS was_accepted,
           st IN ('in_progress', 'on_hold', 'completed', 'ended') AS was_started
      FROM s),
  t AS (
    SELECT a.*, now() - make_interval(days => age, secs => i % 86400) AS created
      FROM a),
  r AS (
    SELECT t.*,
           CASE WHEN st <> 'draft' THEN created + interval '1 day' END AS sent,
           CASE WHEN was_accepted THEN created + interval '4 days' END AS accepted,
           CASE WHEN was_started THEN created + interval '6 days' END AS started,
           CASE WHEN st IN ('completed', 'ended') THEN created + make_interval(days => 60 + i % 40)
                WHEN st = 'rejected' THEN created + interval '3 days'
                WHEN st = 'cancelled' THEN created + interval '9 days' END AS closed
      FROM t)`;
}

async function main(): Promise<void> {
  const { referrals: N, fresh, sealOnly } = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Refused: set DATABASE_URL to a PostgreSQL server. The embedded database is never used ' +
        'for bulk loads (ADR 0002).',
    );
    process.exit(1);
  }
  const started = Date.now();
  const db = new Client({ connectionString: url });
  await db.connect();
  const version = (await db.query<{ v: string }>('SELECT version() AS v')).rows[0].v;
  if (/pglite|emscripten|wasm/i.test(version)) {
    console.error(`Refused: ${version} is the embedded database (ADR 0002).`);
    process.exit(1);
  }
  const hasSchema = await db.query("SELECT to_regclass('public.organisations') AS t");
  const existing = (hasSchema.rows[0] as { t: string | null }).t
    ? Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM organisations')).rows[0].n)
    : 0;
  if (existing > 0 && !fresh && !sealOnly) {
    console.error('Refused: the database already holds data. Add --fresh to drop schema public.');
    process.exit(1);
  }
  if (fresh && !sealOnly) {
    await db.query('DROP SCHEMA IF EXISTS public CASCADE');
    await db.query('CREATE SCHEMA public');
  }

  const options = dataSourceOptions({
    url,
    poolMax: 2,
    connectTimeoutMs: 5000,
    queryTimeoutMs: 600_000,
    migrationsRun: false,
  });
  // Generator only: with millions queued, the planner merge-joins the queue with audit_events
  // from id 1 on every batch (quadratic; BENCHMARKS.md, "Audit sealer backlog"). A nested loop
  // over the queue's head is what the sealer's query means; the sealing code is the app's own.
  const dataSource = new DataSource({
    ...options,
    extra: { ...(options.extra as object), options: '-c enable_mergejoin=off' },
  });
  await dataSource.initialize();
  await runMigrationsExclusively(dataSource);

  const C = Math.max(Math.round(N * 0.4), 100);

  const log = (line: string) => process.stdout.write(`\r\x1b[K${line}`);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const sql = (text: string, params: unknown[] = []) => db.query(text, params);
  async function batched(label: string, total: number, text: string): Promise<void> {
    for (let from = 1; from <= total; from += BATCH) {
      const to = Math.min(from + BATCH - 1, total);
      await sql(text, [from, to]);
      log(`${label}: ${to.toLocaleString('en')}/${total.toLocaleString('en')} (${elapsed()})`);
    }
    process.stdout.write('\n');
  }

  await sql(`CREATE FUNCTION pg_temp.u(k text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT overlay(overlay(md5(k || ':' || i) placing '4' from 13) placing '8' from 17)::uuid $$`);
  // --seal-only: an interrupted run's data is complete; seal what is queued and describe it.
  if (!sealOnly) {
    console.warn(
      `Generating ${N.toLocaleString('en')} referrals, ${C.toLocaleString('en')} clients`,
    );
    // The statistics' aggregates are counted once at the end (statistics_rebuild): row by row,
    // their triggers would move one version row a million times in one transaction.
    for (const [table, trigger] of STATISTICS_TRIGGERS) {
      await sql(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    }
    const hash = await new PasswordHasher().hash(BENCH_PASSWORD);

    // Organisations, users, provider profiles, contracts, consent templates.
    await sql(`INSERT INTO organisations (id, kind, name)
    SELECT pg_temp.u('jc', j), 'jobcenter'::organisation_kind, 'Jobcenter Bench ' || j FROM generate_series(0, ${JOBCENTERS - 1}) j
    UNION ALL
    SELECT pg_temp.u('pv', p), 'provider'::organisation_kind, 'Träger Bench ' || p FROM generate_series(0, ${PROVIDERS - 1}) p`);
    await sql(
      `INSERT INTO users (id, organisation_id, email, display_name, roles, password_hash, password_changed_at)
    SELECT pg_temp.u('cw', j * 100 + k), pg_temp.u('jc', j), 'cw' || k || '.jc' || j || '@bench.example',
           'Fallmanager:in ' || j || '-' || k, '{caseworker}'::user_role[], $1, now()
      FROM generate_series(0, ${JOBCENTERS - 1}) j, generate_series(0, ${CASEWORKERS_PER_JOBCENTER - 1}) k
    UNION ALL
    SELECT pg_temp.u('jl', j), pg_temp.u('jc', j), 'lead.jc' || j || '@bench.example',
           'Leitung ' || j, '{jobcenter_lead}'::user_role[], $1, now() FROM generate_series(0, ${JOBCENTERS - 1}) j
    UNION ALL
    SELECT pg_temp.u('pw', p * 100 + k), pg_temp.u('pv', p), 'pw' || k || '.pv' || p || '@bench.example',
           'Fachkraft ' || p || '-' || k, '{provider_worker}'::user_role[], $1, now()
      FROM generate_series(0, ${PROVIDERS - 1}) p, generate_series(0, ${WORKERS_PER_PROVIDER - 1}) k
    UNION ALL
    SELECT pg_temp.u('pl', p), pg_temp.u('pv', p), 'lead.pv' || p || '@bench.example',
           'Teamleitung ' || p, '{provider_lead}'::user_role[], $1, now() FROM generate_series(0, ${PROVIDERS - 1}) p`,
      [hash],
    );
    await sql(`INSERT INTO provider_profiles (organisation_id, services, postcodes, languages, contact_email, description)
    SELECT pg_temp.u('pv', p), ${list(SERVICES)}::service_kind[],
           ARRAY(SELECT lpad((45100 + ((p * 7 + k) % 50) * 10)::text, 5, '0') FROM generate_series(0, 9) k),
           '{de,tr,ar}', 'kontakt.pv' || p || '@bench.example', 'Aufsuchende Hilfe, Träger ' || p
      FROM generate_series(0, ${PROVIDERS - 1}) p`);
    await sql(`INSERT INTO contracts (id, jobcenter_id, provider_id, number, valid_from, services, capacity)
    SELECT pg_temp.u('ct', j * 100 + p), pg_temp.u('jc', j), pg_temp.u('pv', p), 'V-' || j || '-' || p,
           current_date - 1200, ${list(SERVICES)}::service_kind[], 200 + (p * 53) % 1800
      FROM generate_series(0, ${JOBCENTERS - 1}) j, generate_series(0, ${PROVIDERS - 1}) p`);
    await sql(`INSERT INTO consent_templates (id, organisation_id, key, version, title, body, categories, created_by, approved_by, approved_at)
    SELECT pg_temp.u('tp', j), pg_temp.u('jc', j), 'schweigepflicht', 1, 'Schweigepflichtentbindung',
           'Ich entbinde den Träger von der Schweigepflicht gegenüber dem Jobcenter für die angekreuzten Bereiche.',
           ${list(CATEGORIES)}::data_category[], pg_temp.u('jl', j), pg_temp.u('jl', j), now() - interval '1300 days'
      FROM generate_series(0, ${JOBCENTERS - 1}) j`);
    log(`organisations, users, contracts (${elapsed()})\n`);

    const given = ['Ayşe', 'Jonas', 'Fatma', 'Lukas', 'Olena', 'Mehmet', 'Sabine', 'Dariusz'];
    const family = [
      'Yılmaz',
      'Schmidt',
      'Kowalski',
      'Becker',
      'Hoffmann',
      'Nowak',
      'Demir',
      'Wagner',
    ];
    await batched(
      'clients',
      C,
      `INSERT INTO clients (id, jobcenter_id, customer_number, given_name, family_name, date_of_birth,
                          street, postcode, city, phone, email, preferred_contact, created_by, created_at, updated_at)
    SELECT pg_temp.u('cl', c), pg_temp.u('jc', c % ${JOBCENTERS}), '123D' || lpad(c::text, 8, '0'),
           (${list(given)})[c % 8 + 1], (${list(family)})[(c / 8) % 8 + 1],
           date '1960-01-01' + (c * 97 % 15000), 'Altendorfer Str. ' || (c % 300 + 1),
           lpad((45100 + (c % 50) * 10)::text, 5, '0'), 'Essen',
           CASE WHEN c % 3 = 0 THEN '0201 ' || (1000000 + c) END,
           CASE WHEN c % 4 = 0 THEN 'client' || c || '@mail.example' END,
           (ARRAY['phone','email','letter','home_visit','no_preference'])[c % 5 + 1]::client_contact_way,
           pg_temp.u('cw', (c % ${JOBCENTERS}) * 100 + c % ${CASEWORKERS_PER_JOBCENTER}),
           now() - make_interval(days => 1200), now() - make_interval(days => c % 1200)
      FROM generate_series($1::int, $2::int) c`,
    );

    await batched(
      'referrals',
      N,
      `WITH ${referralSeries(C)}
    INSERT INTO referrals (id, jobcenter_id, provider_id, client_id, contract_id, case_manager_id, state,
      reason_category, reason_text, goals, requested_services, priority, assigned_worker_id,
      first_contact_due, first_contact_at, outcome, sent_at, accepted_at, started_at, closed_at,
      created_at, updated_at)
    SELECT pg_temp.u('rf', i), pg_temp.u('jc', j), pg_temp.u('pv', p), pg_temp.u('cl', c),
           pg_temp.u('ct', j * 100 + p), pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER}),
           st::referral_state,
           (ARRAY['lost_contact','debts','housing','health','mental_health','family','correspondence','other'])[i % 8 + 1]::referral_reason,
           'Kontakt seit Monaten abgebrochen; Post kommt zurück.', 'Kontakt wiederherstellen, Unterlagen sichten.',
           ARRAY[(${list(SERVICES)})[i % 9 + 1]]::service_kind[],
           (CASE WHEN i % 10 = 0 THEN 'urgent' WHEN i % 10 < 3 THEN 'high' ELSE 'normal' END)::referral_priority,
           CASE WHEN was_accepted THEN pg_temp.u('pw', p * 100 + i % ${WORKERS_PER_PROVIDER}) END,
           CASE WHEN was_accepted THEN (sent + interval '14 days')::date END,
           CASE WHEN was_started THEN started END,
           CASE st WHEN 'completed' THEN (ARRAY['goals_reached','handed_over','other'])[i % 3 + 1]
                   WHEN 'rejected' THEN (ARRAY['no_capacity','outside_service_area','not_suitable','other'])[i % 4 + 1]
                   WHEN 'cancelled' THEN (ARRAY['client_moved_away','no_longer_needed','other'])[i % 3 + 1] END,
           sent, accepted, started, closed, created,
           COALESCE(closed, started + make_interval(days => i % 14), accepted, sent, created)
      FROM r`,
    );

    // The history: one row per step the referral took, by the side that takes it.
    await batched(
      'referral history',
      N,
      `WITH ${referralSeries(C)},
    steps AS (
      SELECT i, j, p, 'send' AS action, 'draft' AS fr, 'requested' AS tr, sent AS at, NULL AS reason, 'jc' AS side FROM r WHERE sent IS NOT NULL
      UNION ALL SELECT i, j, p, 'accept', 'requested', 'accepted', accepted, NULL, 'pv' FROM r WHERE accepted IS NOT NULL
      UNION ALL SELECT i, j, p, 'reject', 'requested', 'rejected', closed, 'no_capacity', 'pv' FROM r WHERE st = 'rejected'
      UNION ALL SELECT i, j, p, 'start', 'accepted', 'in_progress', started, NULL, 'pv' FROM r WHERE started IS NOT NULL
      UNION ALL SELECT i, j, p, 'pause', 'in_progress', 'on_hold', started + interval '20 days', 'client_request', 'pv' FROM r WHERE st = 'on_hold'
      UNION ALL SELECT i, j, p, 'complete', 'in_progress', 'completed', closed, NULL, 'pv' FROM r WHERE st = 'completed'
      UNION ALL SELECT i, j, p, 'end', 'in_progress', 'ended', closed, (ARRAY['client_unreachable','client_declined','client_withdrew','other'])[i % 4 + 1], 'pv' FROM r WHERE st = 'ended'
      UNION ALL SELECT i, j, p, 'cancel', CASE WHEN accepted IS NULL THEN 'requested' ELSE 'accepted' END, 'cancelled', closed, 'no_longer_needed', 'jc' FROM r WHERE st = 'cancelled')
    INSERT INTO referral_transitions (referral_id, action, from_state, to_state, reason, reason_category,
      actor_kind, actor_id, actor_organisation_id, occurred_at)
    SELECT pg_temp.u('rf', i), action::referral_action, fr::referral_state, tr::referral_state, reason,
           CASE WHEN action = 'end' THEN 'participation'::data_category END, 'user',
           CASE side WHEN 'jc' THEN pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER})
                     ELSE pg_temp.u('pl', p) END,
           CASE side WHEN 'jc' THEN pg_temp.u('jc', j) ELSE pg_temp.u('pv', p) END, at
      FROM steps`,
    );

    await batched(
      'activities',
      N,
      `WITH ${referralSeries(C)}
    INSERT INTO activities (referral_id, author_organisation_id, kind, occurred_at, duration_minutes,
      reached, note, recorded_by_kind, recorded_by_id, created_at)
    SELECT pg_temp.u('rf', i), pg_temp.u('pv', p),
           (ARRAY['contact_attempt','home_visit','phone','office_meeting','accompaniment','letter','other'])[(i + k) % 7 + 1]::activity_kind,
           started + (COALESCE(closed, now()) - started) * k / ${ACTIVITIES_PER_STARTED_REFERRAL + 1},
           CASE WHEN k % 4 <> 0 THEN 15 + (i + k) % 90 END, k % 3 <> 0,
           CASE WHEN k % 2 = 0 THEN 'Hausbesuch, Unterlagen gemeinsam sortiert.' END,
           'user', pg_temp.u('pw', p * 100 + i % ${WORKERS_PER_PROVIDER}),
           started + (COALESCE(closed, now()) - started) * k / ${ACTIVITIES_PER_STARTED_REFERRAL + 1}
      FROM r, generate_series(1, ${ACTIVITIES_PER_STARTED_REFERRAL}) k
     WHERE was_started`,
    );

    // Consents of accepted referrals, by pattern: 0-3 participation released (with goals and
    // summary), 4 partial (goals and debts only), 5 revoked, 6 expired, 7 superseded, 8-9 none.
    await batched(
      'consents',
      N,
      `WITH ${referralSeries(C)},
    k AS (SELECT r.*, (i * 7) % 10 AS pattern FROM r WHERE was_accepted AND (i * 7) % 10 < 8),
    rec AS (
      INSERT INTO consent_records (id, client_id, releasing_organisation_id, referral_id, template_id,
        valid_from, valid_until, evidence_form, given_on, document_reference, recorded_by, recorded_at, supersedes_id)
      SELECT pg_temp.u('cn', i), pg_temp.u('cl', c), pg_temp.u('pv', p), pg_temp.u('rf', i), pg_temp.u('tp', j),
             accepted - interval '2 days',
             CASE WHEN pattern = 6 THEN accepted - interval '2 days' + (now() - accepted) / 2 END,
             'written'::consent_evidence_form, (accepted - interval '2 days')::date, 'Akte ' || i,
             pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER}), accepted, NULL
        FROM k
      UNION ALL
      SELECT pg_temp.u('cn2', i), pg_temp.u('cl', c), pg_temp.u('pv', p), pg_temp.u('rf', i), pg_temp.u('tp', j),
             accepted + (now() - accepted) / 2, NULL, 'written'::consent_evidence_form, (accepted + (now() - accepted) / 2)::date,
             'Akte ' || i || ' (neu)', pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER}),
             accepted + (now() - accepted) / 2, pg_temp.u('cn', i)
        FROM k WHERE pattern = 7
      RETURNING 1)
    INSERT INTO consent_grants (consent_id, category, recipient_organisation_id, revoked_at, revoked_by)
    SELECT pg_temp.u(CASE WHEN g.second THEN 'cn2' ELSE 'cn' END, i), g.category::data_category, pg_temp.u('jc', j),
           CASE WHEN pattern = 5 THEN accepted + (now() - accepted) / 2 END,
           CASE WHEN pattern = 5 THEN pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER}) END
      FROM k, LATERAL (
        SELECT unnest(CASE WHEN pattern = 4 THEN ARRAY['goals','debts']
                           WHEN pattern = 7 THEN ARRAY['participation'] 
                           ELSE ARRAY['participation','goals','summary'] END) AS category, false AS second
        UNION ALL
        SELECT unnest(ARRAY['participation','goals','health']), true WHERE pattern = 7) g`,
    );

    // Reports of started referrals: an initial one each, an interim one for every second, a final
    // one for every fourth closed one. Written as drafts (sections may only join drafts), then
    // submitted, except some interim drafts of running cases.
    const reportSeries = `WITH ${referralSeries(C)},
    rp AS (
      SELECT r.*, k, pg_temp.u('rp', i * 4 + k) AS id,
             (k = 2 AND st = 'in_progress' AND i % 10 = 0) AS draft
        FROM r, generate_series(1, 3) k
       WHERE was_started AND (k = 1 OR (k = 2 AND i % 2 = 0)
             OR (k = 3 AND st IN ('completed', 'ended') AND i % 4 = 0)))`;
    await batched(
      'reports',
      N,
      `${reportSeries}
    INSERT INTO reports (id, referral_id, client_id, author_organisation_id, kind, period_from, period_until,
      status, created_by_kind, created_by_id, created_at, updated_at)
    SELECT id, pg_temp.u('rf', i), pg_temp.u('cl', c), pg_temp.u('pv', p),
           (ARRAY['initial','interim','final'])[k]::report_kind, started::date,
           (started + make_interval(days => 10 * k))::date, 'draft', 'user',
           pg_temp.u('pw', p * 100 + i % ${WORKERS_PER_PROVIDER}),
           started + make_interval(days => 10 * k), started + make_interval(days => 10 * k)
      FROM rp`,
    );
    await batched(
      'report sections',
      N,
      `${reportSeries}
    INSERT INTO report_sections (report_id, position, category, text, fields)
    SELECT id, pos, (${list(CATEGORIES)})[(i * 3 + k * 2 + pos) % 9 + 1]::data_category,
           'Bericht Abschnitt ' || pos || ': Kontakt gehalten, nächste Schritte vereinbart.',
           CASE WHEN pos = 1 THEN jsonb_build_object('contacts', k * 3) END
      FROM rp, generate_series(1, 3 + i % 2) pos`,
    );
    await batched(
      'report submission',
      N,
      `${reportSeries}
    UPDATE reports SET status = 'submitted', submitted_at = reports.created_at + interval '1 day',
                       updated_at = reports.created_at + interval '1 day', version = 2
      FROM rp WHERE reports.id = rp.id AND NOT rp.draft`,
    );

    const actions = [
      'auth.login',
      'referral.create',
      'referral.send',
      'client.read',
      'referral.read',
      'referral.accept',
      'referral.assign',
      'referral.start',
      'activity.create',
      'activity.create',
      'activity.create',
      'report.create',
      'report.update',
      'report.submit',
      'referral.disclose',
      'consent.record',
      'referral.read',
      'activity.create',
      'referral.disclose',
      'auth.logout',
    ];
    await batched(
      'audit events',
      N,
      `WITH ${referralSeries(C)}
    INSERT INTO audit_events (occurred_at, actor_kind, actor_id, organisation_id, action, resource_type,
      resource_id, client_id, categories, request_id, outcome, details)
    SELECT created + make_interval(secs => k * 3600), 'user',
           CASE WHEN k % 2 = 0 THEN pg_temp.u('pw', p * 100 + i % ${WORKERS_PER_PROVIDER})
                ELSE pg_temp.u('cw', j * 100 + i % ${CASEWORKERS_PER_JOBCENTER}) END,
           CASE WHEN k % 2 = 0 THEN pg_temp.u('pv', p) ELSE pg_temp.u('jc', j) END,
           (${list(actions)})[k], 'referral', pg_temp.u('rf', i)::text, pg_temp.u('cl', c),
           CASE WHEN (${list(actions)})[k] = 'referral.disclose' THEN '{participation,goals}'::text[] ELSE '{}' END,
           'req-' || i || '-' || k, (CASE WHEN k = 20 AND i % 50 = 0 THEN 'denied' ELSE 'success' END)::audit_outcome,
           CASE WHEN k % 5 = 0 THEN jsonb_build_object('referralId', pg_temp.u('rf', i), 'n', k) END
      FROM r, generate_series(1, ${AUDIT_EVENTS_PER_REFERRAL}) k`,
    );

    log(`statistics aggregates (${elapsed()})`);
    await sql('SELECT statistics_rebuild()');
    for (const [table, trigger] of STATISTICS_TRIGGERS) {
      await sql(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }
    process.stdout.write('\n');

    // VACUUM too: the visibility map matters for index-only scans, and a server may run without
    // autovacuum (this machine's does).
    log(`VACUUM ANALYZE (${elapsed()})`);
    await sql('VACUUM ANALYZE');
    process.stdout.write('\n');
  }

  // Seal with the app's own sealer (same canonical form, same batches), timed on its own.
  const sealStart = Date.now();
  const sealer = new AuditSealer(
    dataSource,
    new AuditChainRepository(dataSource),
    new AuditEventRepository(dataSource.getRepository(AuditEvent)),
  );
  let sealed = 0;
  // The sealer takes the queue's head by index order; without (auto)vacuum the deleted entries
  // pile up in front of it and every batch walks them, so the queue is vacuumed as it drains.
  const ticker = setInterval(() => {
    void sql('VACUUM audit_pending')
      .then(() => sql('SELECT position::int AS n FROM audit_chain_head'))
      .then((res) => {
        sealed = (res.rows[0] as { n: number }).n;
        log(`sealing audit events: ${sealed.toLocaleString('en')} (${elapsed()})`);
      });
  }, 5000);
  sealed = await sealer.sealPending();
  clearInterval(ticker);
  const sealSeconds = (Date.now() - sealStart) / 1000;
  log(`sealed ${sealed.toLocaleString('en')} audit events in ${sealSeconds.toFixed(1)} s\n`);
  await dataSource.destroy();
  await sql('VACUUM ANALYZE audit_pending, audit_seals, audit_chain_head');

  const world = await describeWorld(db, N);
  writeFileSync(WORLD_FILE, JSON.stringify(world, null, 2) + '\n');
  const counts = await db.query<{ t: string; n: string }>(
    `SELECT 'clients' t, count(*) n FROM clients UNION ALL SELECT 'referrals', count(*) FROM referrals
     UNION ALL SELECT 'referral_transitions', count(*) FROM referral_transitions
     UNION ALL SELECT 'activities', count(*) FROM activities
     UNION ALL SELECT 'consent_records', count(*) FROM consent_records
     UNION ALL SELECT 'consent_grants', count(*) FROM consent_grants
     UNION ALL SELECT 'reports', count(*) FROM reports
     UNION ALL SELECT 'report_sections', count(*) FROM report_sections
     UNION ALL SELECT 'audit_events', count(*) FROM audit_events
     UNION ALL SELECT 'audit_pending', count(*) FROM audit_pending`,
  );
  await db.end();
  process.stdout.write(
    counts.rows.map((r) => `${r.t.padEnd(22)} ${Number(r.n).toLocaleString('en')}`).join('\n') +
      `\n\nDone in ${elapsed()} (sealing ${sealSeconds.toFixed(1)} s). Logins (password ${BENCH_PASSWORD}):\n` +
      `  caseworker      ${world.logins.caseworker}\n` +
      `  provider worker ${world.logins.providerWorker}\n` +
      `  jobcenter lead  ${world.logins.jobcenterLead}\n` +
      `Written: ${WORLD_FILE}\n`,
  );
}

/** The known logins and the ids the runner rotates through, read back from the database. */
async function describeWorld(db: Client, scale: number): Promise<World> {
  // Provider 0 works for every jobcenter; jobcenter 0's caseworker and its lead, and the first
  // worker of a provider that has referrals of jobcenter 0 in progress assigned to them.
  const worker = await db.query<{ email: string; provider_id: string; user_id: string }>(
    `SELECT u.email, u.organisation_id AS provider_id, u.id AS user_id
       FROM referrals r JOIN users u ON u.id = r.assigned_worker_id
      WHERE r.jobcenter_id = pg_temp.u('jc', 0) AND r.state = 'in_progress'
      GROUP BY u.id ORDER BY count(*) DESC, u.email LIMIT 1`,
  );
  const w = worker.rows[0];
  const workerReferrals = await db.query<{ id: string }>(
    `SELECT id FROM referrals WHERE assigned_worker_id = $1 AND state = 'in_progress'
      ORDER BY id LIMIT 200`,
    [w.user_id],
  );
  // Reports with a released section the caseworker's jobcenter may read now (the disclosure
  // policy's rule, checked once more by the runner through the API).
  const reports = await db.query<{ id: string }>(
    `SELECT rp.id FROM reports rp JOIN referrals r ON r.id = rp.referral_id
      WHERE r.jobcenter_id = pg_temp.u('jc', 0) AND rp.status = 'submitted'
        AND EXISTS (
          SELECT 1 FROM consent_records c JOIN consent_grants g ON g.consent_id = c.id
                   JOIN report_sections s ON s.report_id = rp.id AND s.category = g.category
           WHERE c.client_id = rp.client_id AND c.releasing_organisation_id = rp.author_organisation_id
             AND g.recipient_organisation_id = r.jobcenter_id AND g.revoked_at IS NULL
             AND (c.valid_until IS NULL OR c.valid_until > now())
             AND NOT EXISTS (SELECT 1 FROM consent_records s2 WHERE s2.supersedes_id = c.id))
      ORDER BY rp.id LIMIT 200`,
  );
  const any = await db.query<{ id: string }>(
    `SELECT id FROM referrals WHERE jobcenter_id = pg_temp.u('jc', 0) LIMIT 1`,
  );
  return {
    scale,
    generatedAt: new Date().toISOString(),
    password: BENCH_PASSWORD,
    logins: {
      caseworker: 'cw0.jc0@bench.example',
      providerWorker: w.email,
      jobcenterLead: 'lead.jc0@bench.example',
      secondJobcenterLead: 'lead.jc1@bench.example',
    },
    workerReferralIds: workerReferrals.rows.map((r) => r.id),
    releasedReportIds: reports.rows.map((r) => r.id),
    anyReferralId: any.rows[0].id,
  };
}

main().catch((error: unknown) => {
  process.stdout.write('\n');
  console.error(error);
  process.exit(1);
});
