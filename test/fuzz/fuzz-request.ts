import { randomUUID } from 'node:crypto';
import { todayInGermany } from '../../src/common/calendar';
import { ReferralState as S } from '../../src/common/referral-states';
import { TEST_PASSWORD } from '../factories/identity';
import { uniqueName } from '../factories/unique';
import type { FuzzWorld } from './fuzz-world';
import {
  resolved,
  sampleOf,
  type FuzzOperation,
  type OpenApiDocument,
  type QueryParameter,
} from './fuzz-operations';
import { deepJson, type Mutation, type Plan, type Weird } from './mutations';

/** A concrete HTTP request, ready to send and to print when it fails. */
export interface FuzzRequest {
  method: FuzzOperation['method'];
  url: string;
  headers: Record<string, string>;
  /** The raw body text and its Content-Type; absent: no body. */
  body?: { text: string; contentType: string };
  /** The status the request must get, when the mutation decides it alone. */
  expectedStatus?: number;
}

const API = '/api/v1';
/** Well below Node's 16 KB for the request line and headers together. */
const MAX_URL_FOR_EXPECTATIONS = 8000;

/** The operation's own objects that its path may name (never the actors' own accounts). */
function ownIds(op: FuzzOperation, fw: FuzzWorld): string[] {
  const { world, referralIds: r } = fw;
  const route = `${op.method.toUpperCase()} ${op.path.slice(API.length)}`;
  const referralAction = /^POST \/referrals\/\{id\}\/(\w+)$/.exec(route)?.[1];
  if (referralAction) {
    const byAction: Record<string, S[]> = {
      send: [S.Draft],
      accept: [S.Requested],
      reject: [S.Requested],
      start: [S.Accepted],
      pause: [S.InProgress],
      resume: [S.OnHold],
      complete: [S.InProgress, S.OnHold],
      end: [S.InProgress, S.Accepted],
      cancel: [S.Requested, S.Accepted],
      assign: [S.Accepted, S.InProgress],
      activities: [S.InProgress, S.Accepted],
      reports: [S.InProgress],
    };
    return (byAction[referralAction] ?? [S.InProgress]).flatMap((state) => r[state]);
  }
  const table: [RegExp, () => string[]][] = [
    [/^GET \/organisations\/\{id\}$/, () => [world.jobcenterA, world.providerP1]],
    [/^PATCH \/organisations\/\{id\}$/, () => [fw.sacrificialOrganisationId]],
    [/\/organisations\/\{id\}\/api-keys$/, () => [world.providerP1]],
    [/^GET \/users\/\{id\}$/, () => [world.caseworkerA.userId, fw.sacrificialUserId]],
    [/\/users\/\{id\}/, () => [fw.sacrificialUserId]],
    [/^GET \/api-keys\/\{id\}$/, () => [fw.apiKeyId, ...fw.sacrificialApiKeyIds]],
    [/\/api-keys\/\{id\}\/revoke$/, () => fw.sacrificialApiKeyIds],
    [/\/providers\/\{id\}/, () => [world.providerP1]],
    [/\/contracts\/\{id\}/, () => [world.contract.id]],
    [/^PATCH \/referrals\/\{id\}$/, () => r[S.Draft]],
    [/\/referrals\/\{id\}/, () => Object.values(r).flat()],
    [/^GET \/reports\/\{id\}$/, () => [fw.draftReportId, fw.submittedReportId]],
    [/\/reports\/\{id\}/, () => [fw.draftReportId]],
    [/\/clients\/\{id\}/, () => fw.clientIds],
    [/\/consent-templates\/\{id\}\/approve$/, () => [fw.draftTemplateId]],
    [/\/consent-templates\/\{id\}/, () => [fw.approvedTemplateId, fw.draftTemplateId]],
    [/\/consents\/\{id\}/, () => [fw.consentId]],
    [/\/appointments\/\{id\}/, () => fw.appointmentIds],
    [/\/onward-referrals\/\{id\}/, () => fw.onwardReferralIds],
    [/\/approval-requests\/\{id\}/, () => fw.approvalRequestIds],
  ];
  for (const [pattern, ids] of table) if (pattern.test(route)) return ids();
  return [randomUUID()];
}

/** Real ids for uuid query parameters, by name. */
function queryIdOf(name: string, fw: FuzzWorld): string {
  const { world } = fw;
  const ids: Record<string, string> = {
    providerId: world.providerP1,
    clientId: world.client.id,
    caseManagerId: world.caseworkerA.userId,
    actorId: world.caseworkerA.userId,
    organisationId: world.jobcenterA,
    recipient: world.jobcenterA,
  };
  return ids[name] ?? randomUUID();
}

/** Query values the sampler cannot know (times, ids), else the sample. */
function queryValueOf(param: QueryParameter, fw: FuzzWorld, document: OpenApiDocument): string {
  const schema = resolved(param.schema, document);
  if (schema.format === 'uuid') return queryIdOf(param.name, fw);
  if (param.name === 'updatedSince') return '2026-01-01T00:00:00Z';
  if (param.name === 'resourceId') return fw.world.client.id;
  if (param.name === 'key') return 'test';
  return String(sampleOf(schema, document));
}

/** What the sampler cannot know: real ids of the world, unique names, dates that fit. */
function bodyFixups(operationId: string, fw: FuzzWorld): Record<string, unknown> {
  const { world } = fw;
  const future = new Date(Date.now() + 90 * 86_400_000).toISOString();
  const fixups: Record<string, () => Record<string, unknown>> = {
    createOrganisation: () => ({
      name: uniqueName('Fuzz'),
      firstLead: { email: `${randomUUID()}@fuzz.lotse.invalid`, displayName: 'Fuzz' },
    }),
    createUser: () => ({
      organisationId: world.jobcenterA,
      email: `${randomUUID()}@fuzz.lotse.invalid`,
    }),
    activateAccount: () => ({ newPassword: `Ein neues langes Passwort ${randomUUID()}` }),
    createApiKey: () => ({ name: uniqueName('Fuzz key'), expiresAt: future }),
    createContract: () => ({ number: uniqueName('F') }),
    createReferral: () => ({ clientId: world.client.id, providerId: world.providerP1 }),
    updateReferral: () => ({ providerId: world.providerP1 }),
    acceptReferral: () => ({ assignedWorkerId: world.workerP1.userId }),
    assignReferral: () => ({ assignedWorkerId: world.workerP1.userId }),
    createActivity: () => ({ occurredAt: new Date().toISOString() }),
    proposeAppointment: () => ({ startsAt: future }),
    createReport: () => ({
      periodFrom: '2026-11-01',
      periodUntil: '2026-11-30',
      correctsId: undefined,
    }),
    updateReport: () => ({ periodFrom: '2026-11-01', periodUntil: '2026-11-30' }),
    createClient: () => ({ customerNumber: `F${randomUUID().replace(/-/g, '').slice(0, 9)}` }),
    updateClient: () => ({ customerNumber: undefined }),
    createConsentTemplate: () => ({ key: `fuzz-${randomUUID().slice(0, 8)}` }),
    recordConsent: () => ({
      referralId: fw.referralIds[S.InProgress][0],
      templateId: fw.approvedTemplateId,
      grants: [{ category: 'participation', recipientOrganisationId: world.jobcenterA }],
      validFrom: undefined,
      validUntil: future,
      evidence: { form: 'written', givenOn: todayInGermany() },
    }),
    revokeConsent: () => ({ grantIds: [fw.grantIds[1]] }),
    login: () => ({ email: fw.selfService.email, password: TEST_PASSWORD }),
    changeMyPassword: () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: `Ein neues langes Passwort ${randomUUID()}`,
    }),
  };
  return fixups[operationId]?.() ?? {};
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place a value sits in the body, as key paths (the root itself excluded). */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsIn(child, [...prefix, key])]);
}

function setAt(root: Json, path: (string | number)[], value: unknown, remove = false): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove && Array.isArray(node)) node.splice(Number(last), 1);
  else if (remove) delete node[last];
  else node[last] = value;
}

function nullEverywhere(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullEverywhere);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value).map((k) => [k, nullEverywhere((value as Record<string, unknown>)[k])]),
    );
  }
  return null;
}

/** Marks where deeply nested JSON text goes, since JSON.stringify would recurse through it. */
const DEEP = '\u0001deep:';

function placed(weird: Weird): unknown {
  // A copy: the arbitrary's constants are shared by every plan, and later mutations write into it.
  return 'deep' in weird ? `${DEEP}${weird.deep}` : structuredClone(weird.json);
}

function render(body: unknown): string {
  return JSON.stringify(body).replace(
    new RegExp(`"${DEEP.replace('\u0001', '\\\\u0001')}(\\d+)"`, 'g'),
    (_, depth: string) => deepJson(Number(depth)),
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters a URL can carry: lone surrogates become U+FFFD, the rest is percent-encoded. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

export interface BuildContext {
  op: FuzzOperation;
  plan: Plan;
  fw: FuzzWorld;
  document: OpenApiDocument;
  /** The ETag of `path` as the request's actor reads it, or undefined. */
  etag(path: string): Promise<string | undefined>;
  /** Auth headers of the actor, and a refresh token when it has its own fresh session. */
  auth: { headers: Record<string, string>; refreshToken?: string };
}

/** Turns a plan into a request: a valid base from the document, then the plan's mutations. */
export async function buildRequest(ctx: BuildContext): Promise<FuzzRequest> {
  const { op, plan, fw, document } = ctx;
  const own = ownIds(op, fw);
  let id: string = own[plan.idPick % own.length];

  // Query: required parameters always, optional ones as the pick's bits say; never a cursor.
  const query: [string, string][] = op.query
    .filter((q, i) => q.required || (q.name !== 'cursor' && (plan.idPick >> (i + 2)) & 1))
    .map((q) => [q.name, queryValueOf(q, fw, document)]);

  const headers: Record<string, string> = { ...ctx.auth.headers };
  let body: unknown;
  if (op.bodySchema) {
    body = sampleOf(op.bodySchema, document);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      body = { ...body, ...bodyFixups(op.operationId, fw) };
      if (op.operationId === 'refreshTokens') {
        body = { refreshToken: ctx.auth.refreshToken ?? 'A' };
      }
      body = JSON.parse(JSON.stringify(body)) as unknown; // drops the undefined fixups
    }
  }
  let bodyText: string | undefined = body === undefined ? undefined : render(body);
  let contentType = 'application/json';
  let ifMatch: string | null | undefined;
  let idempotencyKey: string | null | undefined = op.headers.some(
    (h) => h.name === 'Idempotency-Key',
  )
    ? randomUUID()
    : undefined;
  let expectedStatus: number | undefined;
  const writes = op.method !== 'get';

  for (const m of plan.mutations) {
    switch (m.kind) {
      case 'body-field':
      case 'drop-field': {
        if (body === undefined || body === null || typeof body !== 'object') break;
        const paths = pathsIn(body);
        if (paths.length === 0) break;
        const path = paths[m.pick % paths.length];
        if (m.kind === 'drop-field') setAt(body as Json, path, undefined, true);
        else setAt(body as Json, path, placed(m.value));
        bodyText = render(body);
        break;
      }
      case 'extra-field':
        if (!writes) break;
        body = {
          ...(body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}),
        };
        Object.defineProperty(body, m.name, {
          value: placed(m.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        bodyText = render(body);
        break;
      case 'null-everywhere':
        if (body === undefined) break;
        body = nullEverywhere(body);
        bodyText = render(body);
        break;
      case 'body-replace':
        if (!writes) break;
        body = placed(m.value);
        bodyText = render(body);
        break;
      case 'raw-body':
        if (!writes) break;
        bodyText = rawText(m.text);
        contentType = m.contentType;
        break;
      case 'wrong-content-type':
        if (!writes) break;
        bodyText ??= 'a=1';
        contentType = m.contentType;
        // A media type the operation does not declare (most declare application/json only; the
        // back-channel logout a form body) is refused before anything else is looked at (issue
        // 16 point 6).
        if (
          plan.mutations.length === 1 &&
          !contentType.startsWith('application/json') &&
          !op.mediaTypes.includes(contentType.split(';')[0].trim())
        ) {
          expectedStatus = 415;
        }
        break;
      case 'query-value':
        if (op.query.length === 0) break;
        {
          const name = op.query[m.pick % op.query.length].name;
          const at = query.findIndex(([n]) => n === name);
          if (at >= 0) query[at] = [name, m.value];
          else query.push([name, m.value]);
        }
        break;
      case 'query-duplicate':
        if (op.query.length === 0) break;
        {
          const param = op.query[m.pick % op.query.length];
          const first =
            query.find(([n]) => n === param.name)?.[1] ?? queryValueOf(param, fw, document);
          if (!query.some(([n]) => n === param.name)) query.push([param.name, first]);
          query.push([param.name, m.second]);
          // Parameter pollution (SECURITY item 4): a repeated parameter is refused, whatever else.
          if (plan.mutations.length === 1) expectedStatus = 400;
        }
        break;
      case 'query-extra':
        query.push([m.name, m.value]);
        break;
      case 'path-param':
        if (op.pathParameters.length === 0) break;
        if ('literal' in m.value) id = m.value.literal;
        else if ('random' in m.value) id = randomUUID();
        else id = fw.foreignIds[m.value.foreign % fw.foreignIds.length];
        break;
      case 'if-match':
        ifMatch = m.value;
        break;
      case 'idempotency-key':
        idempotencyKey = m.value;
        break;
    }
  }

  const path = op.path.replace(/\{(\w+)\}/g, () => encode(id));
  if (op.needsIfMatch && ifMatch === undefined) {
    const etagPath = op.path
      .replace(/^(\/api\/v1\/\w[\w-]*\/\{id\}).*$/, '$1')
      .replace('{id}', encode(id));
    ifMatch = (plan.freshEtag ? await ctx.etag(etagPath) : undefined) ?? '"1"';
  }
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = ifMatch;
  if (idempotencyKey !== undefined && idempotencyKey !== null) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  const queryString = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const url = queryString ? `${path}?${queryString}` : path;
  return {
    method: op.method,
    url,
    headers,
    body: bodyText === undefined ? undefined : { text: bodyText, contentType },
    // A URL over Node's header limit is refused (431) before any parameter is looked at.
    expectedStatus: url.length < MAX_URL_FOR_EXPECTATIONS ? expectedStatus : undefined,
  };
}

function rawText(raw: Extract<Mutation, { kind: 'raw-body' }>['text']): string {
  if ('malformed' in raw) return raw.malformed;
  if ('deepArray' in raw) return deepJson(raw.deepArray, true);
  if ('huge' in raw) return `{"a":"${'x'.repeat(raw.huge)}"}`;
  return raw.text;
}
