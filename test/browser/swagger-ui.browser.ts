/**
 * `npm run test:browser`: Swagger UI used like a person would, in Debian's Chromium driven by
 * playwright-core (never a downloaded browser). Expects `npm run build` done: starts the built
 * app on the embedded database with the demo data, signs in through `POST /auth/login`,
 * authorises with the access token, then executes `GET /me` and `GET /referrals` and asserts the
 * responses in the page. Saves a screenshot to test/browser/artifacts/swagger-ui.png, also on a
 * failure. Not a jest spec: it is not part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { Role } from '../../src/auth/role';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo-data/demo-world';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const ARTIFACTS = join(__dirname, 'artifacts');
const SCREENSHOT = join(ARTIFACTS, 'swagger-ui.png');
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

const caseworker = (() => {
  const user = DEMO_USERS.find((demoUser) => demoUser.role === Role.Caseworker);
  if (!user) throw new Error('the demo world has no caseworker');
  return user;
})();

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

  static async start(): Promise<App> {
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

/** An operation's block, expanded, in "Try it out" mode. */
async function tryOut(page: Page, operationId: string, tag: string): Promise<Locator> {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.waitFor({ timeout: UI_TIMEOUT_MS });
  await op.locator('.opblock-summary-control').click();
  await op.locator('.try-out__btn').click();
  await op.locator('.execute').waitFor({ timeout: UI_TIMEOUT_MS });
  return op;
}

/** Executes the operation and returns the status and body that the page shows. */
async function execute(op: Locator): Promise<{ status: string; body: string }> {
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
  };
}

function json(body: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new Error(`${what}: the response body shown is not JSON: ${body.slice(0, 200)}`);
  }
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

async function swaggerUiCheck(page: Page, baseUrl: string): Promise<void> {
  await recordCspViolations(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await step('open /api/docs', async () => {
    const res = await page.goto(`${baseUrl}/api/docs`);
    check(res?.status() === 200, `GET /api/docs answered ${res?.status()}`);
    await page.locator('#swagger-ui .information-container .title').waitFor({
      timeout: UI_TIMEOUT_MS,
    });
    check((await page.title()) === 'Lotse API', `page title is "${await page.title()}"`);
  });

  const token = await step(`POST /auth/login as ${caseworker.email}`, async () => {
    const op = await tryOut(page, 'login', 'auth');
    await op
      .locator('textarea.body-param__text')
      .fill(JSON.stringify({ email: caseworker.email, password: DEMO_PASSWORD }, null, 2));
    const { status, body } = await execute(op);
    check(status === '200', `expected 200, the page shows ${status}: ${body.slice(0, 300)}`);
    const accessToken = json(body, 'login').accessToken;
    check(typeof accessToken === 'string' && accessToken.length > 20, 'no accessToken shown');
    // Collapse it again: the rest of the check scrolls less, the screenshot shows no token.
    await op.locator('.opblock-summary-control').click();
    return accessToken;
  });

  await step('Authorize with the bearer token', async () => {
    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    const bearer = dialog
      .locator('.auth-container')
      .filter({ has: page.locator('h4 code', { hasText: /^bearer$/ }) });
    await bearer.locator('input[type="text"], input[type="password"]').fill(token);
    await bearer.locator('button.modal-btn.authorize').click();
    // Applied credentials: Swagger UI marks the scheme "Authorized" and offers Logout.
    await bearer.locator('h6', { hasText: /^Authorized$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await bearer.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await dialog.locator('button.close-modal').click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await page.locator('.auth-wrapper button.authorize.locked').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  await step('GET /me shows 200 and the caseworker', async () => {
    const op = await tryOut(page, 'getMe', 'auth');
    const { status, body } = await execute(op);
    check(status === '200', `expected 200, the page shows ${status}: ${body.slice(0, 300)}`);
    const me = json(body, 'GET /me');
    check(me.email === caseworker.email, `the page shows email ${String(me.email)}`);
  });

  await step('GET /referrals shows 200 and referrals', async () => {
    const op = await tryOut(page, 'listReferrals', 'referrals');
    const { status, body } = await execute(op);
    check(status === '200', `expected 200, the page shows ${status}: ${body.slice(0, 300)}`);
    const items = json(body, 'GET /referrals').items;
    check(Array.isArray(items) && items.length > 0, 'the page shows no referral items');
    check(
      items.every((item) => typeof (item as { id?: unknown }).id === 'string'),
      'a referral item shown has no id',
    );
  });

  await step('no Content-Security-Policy violation and no script error', async () => {
    const violations = await cspViolations(page);
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    check(pageErrors.length === 0, `script errors: ${pageErrors.join('; ')}`);
  });
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
  let browser: Browser | undefined;
  let page: Page | undefined;
  const killApp = (): void => app?.killNow();
  process.once('exit', killApp);
  try {
    app = await App.start();
    const started = app;
    await step('start the built app on the embedded database', () => started.waitUntilReady());
    browser = await step(`launch ${CHROMIUM}`, () =>
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 }),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await swaggerUiCheck(page, app.baseUrl);
    const shown = page;
    await step(`screenshot to ${SCREENSHOT}`, async () => {
      await collapseOtherTags(shown, ['referrals', 'auth']);
      await shown.screenshot({ path: SCREENSHOT, fullPage: true });
    });
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
    await app?.stop();
    process.removeListener('exit', killApp);
  }
  log('browser check passed');
}

main().catch((error: unknown) => {
  console.error(`browser check FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
