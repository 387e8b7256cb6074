import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_JWT_SECRET } from '../../support/test-app';
import { freePort } from './pg-cluster';

/** The built entry point, as `npm run start:prod` runs it. */
export const APP_ENTRY = resolve(__dirname, '../../../dist/src/main.js');

/**
 * The app under test as a process of its own (`node dist/src/main.js`, NODE_ENV=production),
 * so that "no crash" and "recovers without a restart" mean one unchanged PID. It signs tokens
 * with the test secret, so that users made by the factories can call it.
 */
export class AppProcess {
  private exitCode: number | null | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly logFile: string,
  ) {
    child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? -1 : null);
    });
  }

  static async start(env: Record<string, string> = {}): Promise<AppProcess> {
    const app = await AppProcess.spawn(env);
    await app.waitUntilReady();
    return app;
  }

  /** Starts the process without waiting for it to be ready. */
  static async spawn(env: Record<string, string> = {}): Promise<AppProcess> {
    const port = await freePort(41000);
    const logFile = join(mkdtempSync(join(tmpdir(), 'lotse-reliability-app-')), 'app.log');
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, [APP_ENTRY], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: process.env.TEST_DATABASE_URL,
        JWT_SECRET: TEST_JWT_SECRET,
        DB_POOL_MAX: '10',
        DB_CONNECT_TIMEOUT_MS: '2000',
        DB_QUERY_TIMEOUT_MS: '10000',
        DB_MIGRATIONS_RUN: 'false',
        LOG_LEVEL: 'warn',
        // The scenarios drive load from a few principals; the rate limit is tested elsewhere.
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return new AppProcess(child, `http://127.0.0.1:${port}`, logFile);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Still the same process: not exited. */
  get alive(): boolean {
    return this.exitCode === undefined && this.child.exitCode === null;
  }

  log(): string {
    return readFileSync(this.logFile, 'utf8');
  }

  async waitUntilReady(timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`the app exited before it was ready:\n${this.log()}`);
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/health/ready`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`the app was not ready within ${timeoutMs} ms:\n${this.log()}`);
  }

  /** The exit code once it has stopped by itself (e.g. refusing to start). */
  async exited(timeoutMs = 30000): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.alive && Date.now() < deadline) await sleep(100);
    return this.alive ? null : (this.exitCode ?? this.child.exitCode);
  }

  /** kill -9: the process dies at once, whatever it was doing; resolves once it is gone. */
  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    const deadline = Date.now() + 10000;
    while (this.alive && Date.now() < deadline) await sleep(20);
    if (this.alive) throw new Error(`process ${this.pid} survived SIGKILL`);
  }

  /** Stops it (SIGTERM, then SIGKILL after 15 s) and removes its log unless RELIABILITY_KEEP_LOGS. */
  async stop(): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGTERM');
      const deadline = Date.now() + 15000;
      while (this.alive && Date.now() < deadline) await sleep(100);
      if (this.alive) this.child.kill('SIGKILL');
    }
    if (!process.env.RELIABILITY_KEEP_LOGS) {
      rmSync(dirname(this.logFile), { recursive: true, force: true });
    }
  }
}
