import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { routeInventory } from '../../src/auth/route-inventory';
import { MAX_PAGE_SIZE } from '../../src/common/pagination/page-query.dto';
import type { WorldIndex } from './allowlist';
import type { Viewer } from './world';
import type { TestHttp } from '../support/http';

export const API_PREFIX = 'api/v1';

/** Which world table fills the `{id}` that follows each path segment. */
const ID_SOURCES: Record<string, (w: WorldIndex) => string[]> = {
  organisations: (w) => ids(w, 'organisations'),
  users: (w) => ids(w, 'users'),
  'api-keys': (w) => ids(w, 'api_keys'),
  appointments: (w) => ids(w, 'appointments'),
  'approval-requests': (w) => ids(w, 'approval_requests'),
  clients: (w) => ids(w, 'clients'),
  'consent-templates': (w) => ids(w, 'consent_templates'),
  consents: (w) => ids(w, 'consent_records'),
  contracts: (w) => ids(w, 'contracts'),
  providers: (w) => w.list('provider_profiles').map((p) => String(p.organisation_id)),
  referrals: (w) => ids(w, 'referrals'),
  'onward-referrals': (w) => w.partners.onwardIds,
  reports: (w) => ids(w, 'reports'),
  statements: (w) => ids(w, 'billing_statements'),
  'webhook-subscriptions': (w) => ids(w, 'webhook_subscriptions'),
};

function ids(w: WorldIndex, table: string): string[] {
  return w.list(table).map((r) => String(r.id));
}

/** Query strings a route needs to answer at all (besides paging). */
function queriesOf(route: string, w: WorldIndex): string[] {
  if (route.endsWith('/reports/{id}/preview')) {
    return w
      .list('organisations')
      .filter((o) => o.kind === 'jobcenter')
      .map((o) => `recipient=${String(o.id)}`);
  }
  if (route.endsWith('/contracts/{id}/statements')) {
    return [...new Set(w.list('billing_statements').map((s) => String(s.month)))].map(
      (month) => `month=${month}`,
    );
  }
  return [''];
}

/** A GET the run will make: the concrete URL, and the inventory route it instantiates. */
export interface Call {
  route: string;
  access: string;
  url: string;
  accept?: string;
}

/**
 * Every GET route of the app (from the same metadata the access guard reads, so a new route
 * is called without anyone listing it here), for every id of the world, own and foreign.
 */
/** GET routes the sentinel does not call (see `getCalls`). */
export function isBrowserStep(route: string): boolean {
  return route.startsWith(`GET /${API_PREFIX}/auth/oidc/`);
}

export function getCalls(app: NestFastifyApplication, w: WorldIndex): Call[] {
  const calls: Call[] = [];
  for (const { route, access } of routeInventory(app, API_PREFIX)) {
    const [method, path] = route.split(' ');
    if (method !== 'GET') continue;
    // Single sign-on's browser steps (a redirect, the end of a sign-in at the identity
    // provider) carry no data of the world; test/auth/oidc.spec.ts covers them.
    if (path.startsWith(`/${API_PREFIX}/auth/oidc/`)) continue;
    let urls = [path];
    const segments = path.split('/');
    segments.forEach((segment, i) => {
      if (!/^\{\w+\}$/.test(segment)) return;
      const source = ID_SOURCES[segments[i - 1]];
      if (!source) throw new Error(`${route}: no world ids for ${segments[i - 1]}/${segment}`);
      urls = urls.flatMap((u) => source(w).map((id) => u.replace(segment, id)));
    });
    for (const url of urls) {
      for (const query of queriesOf(path, w)) {
        calls.push({ route, access, url: query ? `${url}?${query}` : url });
      }
    }
    if (path.endsWith('/statistics/referrals'))
      calls.push({ route, access, url: path, accept: 'text/csv' });
  }
  return calls;
}

/** Whether the viewer may call the route at all (others are 403 and carry nothing). */
export function mayCall(viewer: Viewer, access: string): boolean {
  return access === 'public' || viewer.permissions.has(access as never);
}

export interface Fetched {
  status: number;
  /** Body and headers of every page, as text. */
  text: string;
}

const MAX_PAGES = 20;

/** Routes found to refuse `limit` (they do not page); learnt on their first call. */
const unpaged = new Set<string>();

/**
 * The call as the viewer: lists with the largest page, following `nextCursor` so that the
 * world's rows are reached on a database shared with other tests.
 */
export async function fetchAll(http: TestHttp, viewer: Viewer, call: Call): Promise<Fetched> {
  const get = (url: string) => {
    return http.get(viewer.auth, url, { headers: call.accept ? { Accept: call.accept } : {} });
  };
  const sep = call.url.includes('?') ? '&' : '?';
  let limit = unpaged.has(call.route) ? '' : `limit=${MAX_PAGE_SIZE}`;
  let res = await get(limit ? `${call.url}${sep}${limit}` : call.url);
  // Routes without paging refuse unknown query parameters.
  if (limit && res.status === 400) {
    res = await get(call.url);
    if (res.status !== 400) unpaged.add(call.route);
    limit = '';
  }
  const texts = [res.text, JSON.stringify(res.headers)];
  let cursor = (res.body as { nextCursor?: unknown } | undefined)?.nextCursor;
  for (let pages = 1; typeof cursor === 'string' && pages < MAX_PAGES; pages++) {
    const query = [limit, `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join('&');
    const next = await get(`${call.url}${sep}${query}`);
    texts.push(next.text, JSON.stringify(next.headers));
    cursor = (next.body as { nextCursor?: unknown } | undefined)?.nextCursor;
  }
  return { status: res.status, text: texts.join('\n') };
}
