/**
 * `npm run test:browser`: Swagger UI used as a new administrator would, in Debian's Chromium
 * driven by playwright-core (never a downloaded browser), and a frontend on another origin.
 * Expects `npm run build` done: starts the built app on the embedded database with the demo data
 * and CORS open to a second, real server that serves a plain page. In Swagger UI it reads the
 * start text, signs in with the prefilled demo administrator (whose MFA challenge it completes
 * at `POST /auth/mfa/verify` with the demo TOTP secret's code), authorises, creates an
 * organisation, asks for a user of it (`202`: dual control), approves that as the second demo
 * admin, deactivates the user through `PATCH` with the `If-Match` field, reloads the page with
 * the authorisation kept, checks that every operation taking `If-Match`
 * offers the field, then signs in as the case manager and sends a draft referral with
 * `If-Match`. The page on the other origin signs in (the code of the second factor from its
 * own server) and renames an organisation through a
 * cross-origin `PATCH` with `If-Match`. Saves screenshots to test/browser/artifacts/, also on a
 * failure. Not a jest spec: it is not part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { Role } from '../../src/auth/role';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '../../src/demo-data/demo-world';
import { currentTotp } from '../../src/mfa/totp';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const ARTIFACTS = join(__dirname, 'artifacts');
const SCREENSHOT = join(ARTIFACTS, 'swagger-ui.png');
const OPERATION_SCREENSHOT = join(ARTIFACTS, 'swagger-ui-patch-user.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As the machine notes say: without the background-networking flags Chromium keeps calling
// Google's hosts, which a closed network refuses. Playwright adds a fresh --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const READY_TIMEOUT_MS = 120_000;
const UI_TIMEOUT_MS = 20_000;

function demoUser(role: Role): (typeof DEMO_USERS)[number] {
  const user = DEMO_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the demo world has no ${role}`);
  return user;
}
const caseworker = demoUser(Role.Caseworker);
const admin = demoUser(Role.Admin);
const secondAdmin = DEMO_USERS.filter((user) => user.role === Role.Admin)[1] ?? admin;

class CheckFailed extends Error {}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    const result = await run();
    log(`  ok  ${name}`);
    return result;
  } catch (error) {
    // Playwright's first line says what timed out, a later one which locator it waited for.
    const message = error instanceof Error ? error.message : String(error);
    const lines = stripVTControlCharacters(message).split('\n');
    const waitedFor = lines.find((line) => /waiting for/.test(line))?.trim();
    const reason = waitedFor ? `${lines[0]} (${waitedFor})` : lines[0];
    throw new CheckFailed(`step "${name}" failed: ${reason}`);
  }
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The built app on the embedded database, demo data on; its output is kept for a failure. */
class App {
  readonly output: string[] = [];
  private exited = false;

  private constructor(
    readonly baseUrl: string,
    private readonly process: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    process.once('exit', () => (this.exited = true));
  }

  static async start(corsOrigin: string): Promise<App> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Set (not deleted), so that a developer's .env cannot point the check at a real database.
      NODE_ENV: 'development',
      DATABASE_URL: '',
      PGLITE_DATA_DIR: '',
      DEMO_DATA: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      CORS_ORIGINS: corsOrigin,
    };
    delete env.TEST_DATABASE_URL;
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: 'pipe' });
    return new App(`http://127.0.0.1:${port}`, child);
  }

  async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      check(!this.exited, 'the app exited before it was ready');
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health/ready`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000} s`);
  }

  /** SIGTERM, then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  killNow(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }
}

/** An operation's block, expanded, in "Try it out" mode (Swagger UI opens it so by default). */
async function tryOut(page: Page, operationId: string, tag: string): Promise<Locator> {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.waitFor({ timeout: UI_TIMEOUT_MS });
  if (!(await op.locator('.opblock-body').isVisible())) {
    await op.locator('.opblock-summary-control').click();
  }
  // In "Try it out" mode the block shows "Cancel" (and "Reset" once its body was edited).
  const button = op.locator('.try-out__btn', { hasText: /^Try it out$/ });
  if ((await button.count()) > 0) await button.click();
  await op.locator('.execute').waitFor({ timeout: UI_TIMEOUT_MS });
  return op;
}

async function collapse(op: Locator): Promise<void> {
  if (await op.locator('.opblock-body').isVisible()) {
    await op.locator('.opblock-summary-control').click();
  }
}

/** Types a value into the field of a parameter (path, query or header) of an open operation. */
async function fillParameter(op: Locator, name: string, where: string, value: string) {
  await op.locator(`tr[data-param-name="${name}"][data-param-in="${where}"] input`).fill(value);
}

async function fillBody(op: Locator, body: unknown): Promise<void> {
  await op.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
}

interface Shown {
  status: string;
  body: string;
  headers: string;
}

/** Executes the operation and returns the status, body and response headers the page shows. */
async function execute(op: Locator): Promise<Shown> {
  // Swagger UI keeps the last answer on screen: clear it, so that the new one is read.
  const clear = op.locator('button.btn-clear');
  if (await clear.isVisible()) await clear.click();
  await op.locator('.execute').click();
  const live = op.locator('.live-responses-table');
  const status = live.locator('tbody .response-col_status').first();
  await status.waitFor({ timeout: UI_TIMEOUT_MS });
  const body = live.locator('.response-col_description .highlight-code pre').first();
  // Without a body (a fetch the browser refused, say) the details cell says what happened.
  const details = live.locator('tbody .response-col_description').first();
  return {
    status: (await status.innerText()).trim(),
    body: await ((await body.count()) > 0 ? body : details).innerText(),
    headers: await details.innerText(),
  };
}

function json(body: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new Error(`${what}: the response body shown is not JSON: ${body.slice(0, 200)}`);
  }
}

function expectStatus(shown: Shown, expected: string): void {
  check(
    shown.status === expected,
    `expected ${expected}, the page shows ${shown.status}: ${shown.body.slice(0, 300)}`,
  );
}

/** A response header as the page lists it under "Response headers". */
function shownHeader(shown: Shown, name: string): string {
  const match = new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'im').exec(shown.headers);
  check(match !== null, `the page shows no ${name} header: ${shown.headers.slice(0, 400)}`);
  return match[1];
}

/** Content-Security-Policy violations are reported in the page: collected from its start. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`),
    );
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
  );
}

async function openDocs(page: Page, baseUrl: string): Promise<void> {
  const res = await page.goto(`${baseUrl}/api/docs`);
  check(res?.status() === 200, `GET /api/docs answered ${res?.status()}`);
  await page.locator('#swagger-ui .information-container .title').waitFor({
    timeout: UI_TIMEOUT_MS,
  });
}

/** Signs in through POST /auth/login (with `credentials`, or the prefilled example). */
async function login(page: Page, credentials?: { email: string; password: string }) {
  const op = await tryOut(page, 'login', 'Auth');
  if (credentials) await fillBody(op, credentials);
  const shown = await execute(op);
  expectStatus(shown, '200');
  const answer = json(shown.body, 'login');
  // Collapse it again: the rest of the check scrolls less, the screenshot shows no token.
  await collapse(op);
  // Admins get an MFA challenge instead of tokens (ADR 0017): the demo admins are enrolled with
  // the printed demo secret, whose current code completes the sign-in at POST /auth/mfa/verify.
  const accessToken =
    typeof answer.mfaToken === 'string'
      ? await verifyMfa(page, answer.mfaToken)
      : answer.accessToken;
  check(typeof accessToken === 'string' && accessToken.length > 20, 'no accessToken shown');
  return accessToken;
}

/** Completes a sign-in's MFA challenge with the demo TOTP secret's current code. */
async function verifyMfa(page: Page, mfaToken: string): Promise<unknown> {
  const op = await tryOut(page, 'verifyMfa', 'Auth');
  await fillBody(op, { mfaToken, code: currentTotp(DEMO_TOTP_SECRET) });
  const shown = await execute(op);
  expectStatus(shown, '200');
  await collapse(op);
  return json(shown.body, 'verifyMfa').accessToken;
}

async function authorize(page: Page, token: string): Promise<void> {
  await page.locator('.auth-wrapper button.authorize').click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  const bearer = dialog
    .locator('.auth-container')
    .filter({ has: page.locator('h4 code', { hasText: /^bearer$/ }) });
  const logout = bearer.getByRole('button', { name: 'Remove authorization' });
  if (await logout.isVisible()) await logout.click();
  await bearer.locator('input[type="text"], input[type="password"]').fill(token);
  await bearer.locator('button.modal-btn.authorize').click();
  // Applied credentials: Swagger UI marks the scheme "Authorized" and offers Logout.
  await bearer.locator('h6', { hasText: /^Authorized$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
  await bearer.getByRole('button', { name: 'Remove authorization' }).waitFor();
  await dialog.locator('button.close-modal').click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  await page.locator('.auth-wrapper button.authorize.locked').waitFor({ timeout: UI_TIMEOUT_MS });
}

async function expectMe(page: Page, email: string): Promise<void> {
  const op = await tryOut(page, 'getMe', 'Auth');
  const shown = await execute(op);
  expectStatus(shown, '200');
  const me = json(shown.body, 'GET /me');
  check(me.email === email, `the page shows email ${String(me.email)}`);
  await collapse(op);
}

async function swaggerUiCheck(page: Page, baseUrl: string): Promise<void> {
  await recordCspViolations(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const run = Date.now().toString(36);

  await step('open /api/docs: the start text says where to begin', async () => {
    await openDocs(page, baseUrl);
    check((await page.title()) === 'Lotse API', `page title is "${await page.title()}"`);
    const intro = await page.locator('#swagger-ui .information-container .description').innerText();
    check(/Start here/.test(intro) && /POST \/auth\/login/.test(intro), 'no start text shown');
    const tags = await page
      .locator('h3.opblock-tag')
      .evaluateAll((headings) => headings.map((heading) => heading.getAttribute('data-tag')));
    check(tags[0] === 'Auth', `the first tag shown is ${tags[0]}, not Auth`);
  });

  const token = await step(`POST /auth/login with the prefilled demo ${admin.email}`, () =>
    login(page),
  );
  await step('Authorize with the bearer token', () => authorize(page, token));
  await step('GET /me shows the administrator', () => expectMe(page, admin.email));

  const organisation = await step(
    'POST /organisations creates a provider (201, Location)',
    async () => {
      const op = await tryOut(page, 'createOrganisation', 'Administration');
      await fillBody(op, { kind: 'provider', name: `Browser-Träger ${run}` });
      const shown = await execute(op);
      expectStatus(shown, '201');
      const id = String(json(shown.body, 'createOrganisation').id);
      check(shownHeader(shown, 'location') === `/api/v1/organisations/${id}`, 'wrong Location');
      await collapse(op);
      return id;
    },
  );

  const request = await step(
    'POST /users asks for a worker of it (202, dual control)',
    async () => {
      const op = await tryOut(page, 'createUser', 'Administration');
      await fillBody(op, {
        organisationId: organisation,
        email: `browser-${run}@traeger.example`,
        displayName: 'Browser Check',
        roles: ['provider_worker'],
      });
      const shown = await execute(op);
      expectStatus(shown, '202');
      const id = String(json(shown.body, 'createUser').id);
      check(shownHeader(shown, 'location') === `/api/v1/approval-requests/${id}`, 'wrong Location');
      await collapse(op);
      return id;
    },
  );

  const secondToken = await step(`POST /auth/login as the second admin ${secondAdmin.email}`, () =>
    login(page, { email: secondAdmin.email, password: DEMO_PASSWORD }),
  );
  await step('Authorize as the second admin', () => authorize(page, secondToken));

  const user = await step('POST /approval-requests/{id}/approve makes the user', async () => {
    const approve = await tryOut(page, 'approveApprovalRequest', 'Administration');
    await fillParameter(approve, 'id', 'path', request);
    const approved = await execute(approve);
    expectStatus(approved, '200');
    const made = json(approved.body, 'approve').user as { id?: string } | null;
    check(typeof made?.id === 'string', 'the approval shows no user');
    await collapse(approve);
    const read = await tryOut(page, 'getUser', 'Administration');
    await fillParameter(read, 'id', 'path', made.id);
    const shown = await execute(read);
    expectStatus(shown, '200');
    await collapse(read);
    return { id: made.id, etag: shownHeader(shown, 'etag') };
  });

  await step(
    'PATCH /users/{id}: a stale If-Match is 412, the current one deactivates the user',
    async () => {
      const op = await tryOut(page, 'updateUser', 'Administration');
      await fillParameter(op, 'id', 'path', user.id);
      await fillBody(op, { active: false });
      await fillParameter(op, 'If-Match', 'header', '"999999"');
      expectStatus(await execute(op), '412');
      await fillParameter(op, 'If-Match', 'header', user.etag);
      const shown = await execute(op);
      expectStatus(shown, '200');
      check(json(shown.body, 'updateUser').active === false, 'the user is still active');
      check(shownHeader(shown, 'etag') !== user.etag, 'the ETag did not change');
      await op.screenshot({ path: OPERATION_SCREENSHOT });
      await collapse(op);
    },
  );

  await step('reload: the authorisation is kept', async () => {
    await page.reload();
    await page.locator('#swagger-ui .information-container .title').waitFor();
    await page.locator('.auth-wrapper button.authorize.locked').waitFor({ timeout: UI_TIMEOUT_MS });
    await expectMe(page, secondAdmin.email);
  });

  await step('every operation that takes If-Match offers a field for it', async () => {
    const document = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<string, { operationId: string; tags: string[]; parameters?: { $ref?: string }[] }>
      >;
    };
    const guarded = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => op.parameters?.some((p) => p.$ref?.endsWith('/IfMatchHeader')));
    check(guarded.length >= 18, `only ${guarded.length} operations take If-Match`);
    for (const { operationId, tags } of guarded) {
      const op = await tryOut(page, operationId, tags[0]);
      const field = op.locator('tr[data-param-name="If-Match"][data-param-in="header"] input');
      check((await field.count()) === 1 && (await field.isEditable()), `${operationId}: no field`);
      await collapse(op);
    }
  });

  const caseworkerToken = await step(`POST /auth/login as ${caseworker.email}`, () =>
    login(page, { email: caseworker.email, password: DEMO_PASSWORD }),
  );
  await step('Authorize as the case manager', () => authorize(page, caseworkerToken));

  await step('POST /referrals/{id}/send with If-Match sends the draft referral', async () => {
    const list = await tryOut(page, 'listReferrals', 'Referrals');
    const listed = await execute(list);
    expectStatus(listed, '200');
    const items = json(listed.body, 'GET /referrals').items as { id: string; state: string }[];
    const draft = items.find((item) => item.state === 'draft');
    check(draft !== undefined, 'no draft referral shown');
    await collapse(list);
    const read = await tryOut(page, 'getReferral', 'Referrals');
    await fillParameter(read, 'id', 'path', draft.id);
    const shownReferral = await execute(read);
    expectStatus(shownReferral, '200');
    const etag = shownHeader(shownReferral, 'etag');
    await collapse(read);
    const send = await tryOut(page, 'sendReferral', 'Referrals');
    await fillParameter(send, 'id', 'path', draft.id);
    await fillParameter(send, 'If-Match', 'header', etag);
    const sent = await execute(send);
    expectStatus(sent, '200');
    check(json(sent.body, 'send').state === 'requested', 'the referral was not sent');
  });

  await step('no Content-Security-Policy violation and no script error', async () => {
    const violations = await cspViolations(page);
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    check(pageErrors.length === 0, `script errors: ${pageErrors.join('; ')}`);
  });
}

/**
 * A frontend's page, served by a second server on its own origin: its script signs in as the
 * demo administrator, creates an organisation and renames it with a cross-origin PATCH that
 * sends If-Match (a preflighted request), and shows what happened in `#result`.
 */
const FRONTEND_PAGE = (apiBaseUrl: string, run: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Lotse frontend</title></head>
<body><pre id="result">running</pre><script>
(async () => {
  const api = ${JSON.stringify(`${apiBaseUrl}/api/v1`)};
  const out = document.getElementById('result');
  try {
    const json = { 'Content-Type': 'application/json' };
    const login = await fetch(api + '/auth/login', { method: 'POST', headers: json,
      body: JSON.stringify(${JSON.stringify({ email: admin.email, password: DEMO_PASSWORD })}) });
    const { mfaToken } = await login.json();
    // The admin's second factor: the code comes from the frontend's own server (/totp).
    const { code } = await (await fetch('/totp')).json();
    const verified = await fetch(api + '/auth/mfa/verify', { method: 'POST', headers: json,
      body: JSON.stringify({ mfaToken, code }) });
    const { accessToken } = await verified.json();
    const auth = { ...json, Authorization: 'Bearer ' + accessToken };
    const created = await fetch(api + '/organisations', { method: 'POST', headers: auth,
      body: JSON.stringify({ kind: 'provider', name: 'Cross-Origin-Träger ${run}' }) });
    const location = created.headers.get('Location');
    const etag = created.headers.get('ETag');
    const patched = await fetch(${JSON.stringify(apiBaseUrl)} + location, { method: 'PATCH',
      headers: { ...auth, 'If-Match': etag, 'Accept-Language': 'de' },
      body: JSON.stringify({ name: 'Umbenannt ${run}' }) });
    const body = await patched.json();
    out.textContent = JSON.stringify({ login: login.status, verified: verified.status,
      created: created.status, location,
      etag, patched: patched.status, newEtag: patched.headers.get('ETag'), name: body.name });
  } catch (error) {
    out.textContent = JSON.stringify({ error: String(error) });
  }
})();
</script></body></html>`;

function serveFrontend(port: number, apiBaseUrl: string, run: string): Promise<Server> {
  const html = FRONTEND_PAGE(apiBaseUrl, run);
  const server = createHttpServer((request, response) => {
    if (request.url === '/totp') {
      // The next time step's code: the Swagger UI check used the current one of the same admin
      // already, and a code works once per step; the API accepts the next step's (clock drift).
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: currentTotp(DEMO_TOTP_SECRET, Date.now() / 1000 + 30) }));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function crossOriginCheck(page: Page, frontendUrl: string, run: string): Promise<void> {
  await step(
    `a page on ${frontendUrl} renames an organisation by PATCH with If-Match`,
    async () => {
      const preflights: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'OPTIONS') preflights.push(request.url());
      });
      await page.goto(frontendUrl);
      const result = page.locator('#result');
      await page.waitForFunction(
        () => document.getElementById('result')?.textContent !== 'running',
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
      const shown = JSON.parse(await result.innerText()) as Record<string, unknown>;
      check(shown.error === undefined, `the page failed: ${String(shown.error)}`);
      check(
        shown.login === 200 && shown.verified === 200 && shown.created === 201,
        `login/MFA/create: ${JSON.stringify(shown)}`,
      );
      check(
        typeof shown.etag === 'string' && typeof shown.location === 'string',
        'ETag or Location not exposed',
      );
      check(
        shown.patched === 200 && shown.name === `Umbenannt ${run}`,
        `PATCH: ${JSON.stringify(shown)}`,
      );
      check(shown.newEtag !== shown.etag, 'the ETag did not change');
    },
  );
}

/** Collapses every tag section but the ones used, so that the screenshot shows the responses. */
async function collapseOtherTags(page: Page, keep: string[]): Promise<void> {
  const open = await page
    .locator('.opblock-tag-section.is-open > h3.opblock-tag')
    .evaluateAll((headings) => headings.map((heading) => heading.getAttribute('data-tag')));
  for (const tag of open) {
    if (tag && !keep.includes(tag)) await page.locator(`h3.opblock-tag[data-tag="${tag}"]`).click();
  }
  await page.waitForFunction(
    (count) => document.querySelectorAll('.opblock-tag-section.is-open').length === count,
    keep.length,
  );
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new CheckFailed(`${MAIN} is missing: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) {
    throw new CheckFailed(
      `no Chromium at ${CHROMIUM}: install Debian's (\`apt-get install -y chromium\`) or set CHROMIUM_PATH`,
    );
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });

  let app: App | undefined;
  let frontend: Server | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const killApp = (): void => app?.killNow();
  process.once('exit', killApp);
  try {
    const frontendPort = await freePort();
    const frontendUrl = `http://127.0.0.1:${frontendPort}`;
    app = await App.start(frontendUrl);
    const started = app;
    await step('start the built app on the embedded database', () => started.waitUntilReady());
    const run = Date.now().toString(36);
    frontend = await serveFrontend(frontendPort, app.baseUrl, run);
    browser = await step(`launch ${CHROMIUM}`, () =>
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 }),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await swaggerUiCheck(page, app.baseUrl);
    const shown = page;
    await step(`screenshot to ${SCREENSHOT}`, async () => {
      await collapseOtherTags(shown, ['Auth', 'Referrals']);
      await shown.screenshot({ path: SCREENSHOT, fullPage: true });
    });
    await crossOriginCheck(await context.newPage(), frontendUrl, run);
  } catch (error) {
    if (page) {
      await page.screenshot({ path: SCREENSHOT, fullPage: true }).then(
        () => console.error(`screenshot of the failure: ${SCREENSHOT}`),
        () => console.error('no screenshot: the page is gone'),
      );
      const violations = await cspViolations(page).catch(() => []);
      if (violations.length > 0) console.error(`CSP violations: ${violations.join('; ')}`);
    }
    if (app) {
      const tail = app.output.join('').trimEnd().split('\n').slice(-30).join('\n');
      console.error(`the app's last output lines:\n${tail}`);
    }
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await new Promise((resolve) => (frontend ? frontend.close(resolve) : resolve(undefined)));
    await app?.stop();
    process.removeListener('exit', killApp);
  }
  log('browser check passed');
}

main().catch((error: unknown) => {
  console.error(`browser check FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
