import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { routeInventory } from '../../src/auth/route-inventory';
import { createTestApp } from '../support/test-app';
import { maySee, ruleKeys, WorldIndex } from './allowlist';
import { captureStdout } from './log-capture';
import {
  CLOSED_SET_COLUMNS,
  EXEMPT_TABLES,
  plantMarkers,
  textColumns,
  VALUE_CHECKED_COLUMNS,
  WORLD_ROWS,
  type Marker,
  type MarkerRegistry,
  type TextColumn,
} from './markers';
import { API_PREFIX, fetchAll, getCalls, isBrowserStep, mayCall, type Call } from './routes';
import { writeMarkers } from './writes';
import { buildSentinelWorld, type SentinelWorld, type Viewer } from './world';
import { httpOf } from '../support/http';

/** What each viewer must have been shown (docs/domain.md "Who uses it" / "Who sees what"). */
const MUST_SEE: Record<string, string[]> = {
  'caseworker A': ['clients.family_name', 'referrals.reason_text', 'report_sections.text'],
  'caseworker B': ['clients.given_name', 'report_sections.text', 'report_sections.fields'],
  'jobcenter lead A': [
    'contracts.number',
    'provider_profiles.description',
    'users.email',
    'webhook_subscriptions.url',
  ],
  'provider lead P1': [
    'clients.note_to_provider',
    'report_sections.text',
    'api_keys.name',
    'approval_requests.email',
    'webhook_subscriptions.url',
    'webhook_deliveries.last_error',
  ],
  'provider lead P2': ['report_sections.text', 'activities.note', 'approval_requests.api_key_name'],
  'provider worker P1': [
    'clients.street',
    'activities.note',
    'report_sections.text',
    'consent_records.document_reference',
    'referral_transitions.reason',
  ],
  'other provider worker P1': ['clients.given_name', 'activities.note'],
  'provider worker P2': ['clients.given_name', 'report_sections.text'],
  'auditor A': ['users.email', 'consent_templates.body'],
  'auditor P1': ['consent_templates.body'],
  admin: [
    'users.email',
    'organisations.name',
    'api_keys.name',
    'provider_profiles.website',
    'approval_requests.display_name',
  ],
  'API key P1': ['report_sections.text', 'activities.note', 'api_keys.name'],
  // ADR 0022: the client it accepted, by name; nothing else of the case.
  'partner clinic': ['clients.given_name', 'clients.family_name', 'organisations.name'],
  anonymous: [],
};

/**
 * docs/security.md item 8(b) and the last sentence of item 28: every text cell of the world holds a
 * unique marker; no viewer's response (body or header) carries a marker of a cell it may not
 * see, and no marker reaches the audit trail or the app's log.
 *
 * `SENTINEL_REPORT=<file>` writes what the run did (counts, timings, what each viewer saw).
 */
describe('sentinel: no response, audit entry or log line carries what its reader must not see', () => {
  let app: NestFastifyApplication;
  let capture: ReturnType<typeof captureStdout> | undefined;
  let world: SentinelWorld;
  let registry: MarkerRegistry;
  let index: WorldIndex;
  let columns: TextColumn[];
  let log: string[] = [];
  let auditRows: { text: string }[] = [];
  const leaks: string[] = [];
  /** viewer name → `table.column` of the allowed markers it was shown. */
  const seen = new Map<string, Set<string>>();
  const allowedMarkers = new Set<Marker>();
  /** route → statuses it answered, over all viewers and ids. */
  const statuses = new Map<string, number[]>();
  let work: { viewer: Viewer; call: Call }[] = [];
  let writes: Record<string, number> = {};

  function check(viewer: Viewer, call: Call, text: string): void {
    for (const marker of registry.find(text)) {
      if (maySee(viewer, marker, index)) {
        allowedMarkers.add(marker);
        seen.set(
          viewer.name,
          (seen.get(viewer.name) ?? new Set()).add(`${marker.table}.${marker.column}`),
        );
      } else {
        leaks.push(
          `${viewer.name}: GET ${call.url} shows ${marker.table}.${marker.column} (${marker.needle})`,
        );
      }
    }
  }

  beforeAll(async () => {
    // LOG_LEVEL info, into a buffer: the log is searched for markers like the responses.
    capture = captureStdout();
    app = await createTestApp({ env: { LOG_LEVEL: 'info' } });
    const db = app.get(DataSource);
    const t0 = Date.now();
    world = await buildSentinelWorld(app);
    const t1 = Date.now();
    const [{ last }] = await db.query<{ last: string }[]>(
      'SELECT COALESCE(MAX(id), 0)::text AS last FROM audit_events',
    );
    const planted = await plantMarkers(db, world.organisations);
    ({ registry, columns } = planted);
    // Billing statements hold no text (nothing to plant): their ids and months, for the routes.
    planted.rows.set(
      'billing_statements',
      await db.query(
        `SELECT id, to_char(month, 'YYYY-MM') AS month FROM billing_statements
          WHERE jobcenter_id = ANY($1) OR provider_id = ANY($1)`,
        [world.organisations],
      ),
    );
    index = new WorldIndex(planted.rows, world.releases, world.partners);
    log = capture.lines;
    log.length = 0;
    const t2 = Date.now();

    const http = httpOf(app);
    const calls = getCalls(app, index);
    work = world.viewers.flatMap((viewer) =>
      calls.filter((call) => mayCall(viewer, call.access)).map((call) => ({ viewer, call })),
    );
    // A few at a time: the pool is small, and PGlite runs one statement at a time anyway.
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const { viewer, call } = work[next++];
        const { status, text } = await fetchAll(http, viewer, call);
        statuses.set(call.route, [...(statuses.get(call.route) ?? []), status]);
        check(viewer, call, text);
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    const t3 = Date.now();
    writes = await writeMarkers(app, world, registry);
    auditRows = await db.query<{ text: string }[]>(
      'SELECT row_to_json(e)::text AS text FROM audit_events e WHERE id > $1',
      [last],
    );
    if (process.env.SENTINEL_REPORT) {
      const perViewer = world.viewers.map(
        (v) => `${v.name}=${work.filter((x) => x.viewer === v).length}`,
      );
      const report = [
        `world ${t1 - t0} ms, planting ${t2 - t1} ms, requests ${t3 - t2} ms`,
        `calls ${work.length} (${perViewer.join(', ')})`,
        `markers ${registry.all.length}, allowed markers shown ${allowedMarkers.size}, leaks ${leaks.length}`,
        `audit rows ${auditRows.length}, log lines ${log.length}`,
        `columns: ${[...new Set(registry.all.map((m) => `${m.table}.${m.column}`))].map((k) => `${k} (${registry.all.filter((m) => `${m.table}.${m.column}` === k).length})`).join(', ')}`,
        ...[...seen].map(([v, s]) => `${v} saw: ${[...s].sort().join(', ')}`),
        ...leaks,
        ...log.filter((line) => /"level":(40|50)/.test(line)).slice(0, 5),
      ];
      writeFileSync(process.env.SENTINEL_REPORT, `${report.join('\n')}\n`);
    }
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    capture?.restore();
  });

  it('marks every text column outside the exempt tables; no exemption or rule is stale', async () => {
    const catalog = await textColumns(app.get(DataSource));
    const tables = new Set(catalog.map((c) => c.table));
    const keys = new Set(catalog.map((c) => `${c.table}.${c.column}`));
    for (const table of [...Object.keys(EXEMPT_TABLES), ...Object.keys(WORLD_ROWS)]) {
      expect(tables).toContain(table);
    }
    for (const key of [...Object.keys(VALUE_CHECKED_COLUMNS), ...Object.keys(CLOSED_SET_COLUMNS)]) {
      expect(keys).toContain(key);
    }
    for (const key of ruleKeys()) {
      if (key.endsWith('.*')) expect(tables).toContain(key.slice(0, -2));
      else expect(keys).toContain(key);
    }
    // Every such column holds at least one marker (or watched value) in the world's rows.
    const marked = new Set(registry.all.map((m) => `${m.table}.${m.column}`));
    const unmarked = columns
      .filter((c) => !(c.table in EXEMPT_TABLES))
      .map((c) => `${c.table}.${c.column}`)
      .filter((key) => !marked.has(key) && !(key in CLOSED_SET_COLUMNS));
    expect(unmarked).toEqual([]);
  });

  it('shows no viewer a marker outside its allowlist, in any body or header', () => {
    expect(leaks).toEqual([]);
  });

  it('called every GET route, answered 200 by each, and showed each viewer its content', () => {
    const getRoutes = routeInventory(app, API_PREFIX).filter(
      (r) => r.route.startsWith('GET ') && !isBrowserStep(r.route),
    );
    expect(getRoutes.length).toBeGreaterThanOrEqual(30);
    // No route was checked only through refusals.
    const never200 = getRoutes
      .map((r) => r.route)
      .filter((route) => !(statuses.get(route) ?? []).includes(200));
    expect(never200).toEqual([]);
    expect(work.length).toBeGreaterThan(500);
    expect(allowedMarkers.size).toBeGreaterThan(200);
    const missed = world.viewers.flatMap((viewer) =>
      MUST_SEE[viewer.name]
        .filter((key) => !seen.get(viewer.name)?.has(key))
        .map((key) => `${viewer.name}: ${key}`),
    );
    expect(missed).toEqual([]);
  });

  it('made the writes that carry markers (their audit entries and log lines are searched too)', () => {
    expect(writes).toEqual({
      'PATCH client': 200,
      'PATCH referral': 200,
      'POST activity': 201,
      'POST report': 201,
      'POST invalid client': 400,
    });
  });

  it('writes no marker into the audit trail', () => {
    // Reads of released content were audited, so there were entries to search.
    expect(auditRows.some((r) => r.text.includes('content.disclose'))).toBe(true);
    const found = auditRows.flatMap((r) => registry.find(r.text).map((m) => m.needle));
    expect(found).toEqual([]);
  });

  it('writes no marker into the app log', () => {
    // One line per request at least (pino-http's "request completed"; health probes are not
    // logged by design).
    const logged = work.filter((w) => !w.call.route.includes('/health/'));
    expect(log.length).toBeGreaterThanOrEqual(logged.length);
    const found = log.flatMap((line) => registry.find(line).map((m) => m.needle));
    expect(found).toEqual([]);
  });
});
