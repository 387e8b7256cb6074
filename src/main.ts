// First: the thread pool's size must be set before anything queues work on the pool.
import './thread-pool';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from './app.setup';
import { configOrExit, loadDotEnvFile, type AppConfig } from './config/app-config';
import { DataDirUnusable, prepareDataDir } from './database/data-dir';
import { DemoDataService } from './demo-data/demo-data.service';
import { MetricsServer } from './metrics/metrics-server';

/** Errors of the machine rather than of the code: one line on stderr, no stack trace. */
const SYSTEM_ERRORS = new Set([
  'EACCES',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOENT',
  'EROFS',
  'ENOTDIR',
  'ENOSPC',
]);

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** Checks what would otherwise fail deep inside the start with a stack trace. */
function preflight(config: AppConfig): void {
  if (!config.database.url && config.database.pgliteDataDir) {
    prepareDataDir(config.database.pgliteDataDir);
  }
}

/** `http://127.0.0.1:3000`, …: every address the server really listens on. */
function listenAddresses(app: NestFastifyApplication): string[] {
  return app
    .getHttpAdapter()
    .getInstance()
    .addresses()
    .map((a) => {
      if (typeof a === 'string') return a; // a Unix socket
      return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
    });
}

async function bootstrap(): Promise<void> {
  loadDotEnvFile();
  const config = configOrExit();
  preflight(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    createAdapter(config),
    NEST_APP_OPTIONS,
  );
  configureApp(app, config);
  app.enableShutdownHooks();
  await app.init();
  // Seed before listening, so that a ready app already has its demo logins.
  const demo = app.get(DemoDataService);
  const seeded = await demo.seedIfFreshEmbedded();
  await app.listen(config.http.port, config.http.host);

  const addresses = listenAddresses(app);
  const anyAddress = ['0.0.0.0', '::'].includes(config.http.host);
  // A link that works from this machine, also when listening on every interface.
  const baseUrl = anyAddress ? `http://localhost:${config.http.port}` : addresses[0];
  if (seeded) process.stdout.write(demo.describe(baseUrl).join('\n') + '\n');
  const metrics = app.get(MetricsServer).url;
  process.stdout.write(
    `Lotse is listening on ${addresses.join(', ')}${anyAddress ? ' (every interface)' : ''}; ` +
      `Swagger UI at ${baseUrl}/api/docs${metrics ? `; metrics at ${metrics}` : ''}\n`,
  );
}

bootstrap().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (error instanceof DataDirUnusable) exitWith(error.message);
  if (typeof code === 'string' && SYSTEM_ERRORS.has(code)) {
    exitWith(`Lotse could not start: ${(error as Error).message}`);
  }
  throw error;
});
