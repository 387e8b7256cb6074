import type { ModuleMetadata } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp, createAdapter, NEST_APP_OPTIONS } from '../../src/app.setup';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { validateResponses } from './contract/contract-hook';

/** The access-token secret of every test app, so that tests can craft tokens of their own. */
export const TEST_JWT_SECRET = 'test-secret-of-lotse-for-crafting-tokens-0123456789';

/** The single sign-on callback of every test app; tests follow the redirect to it themselves. */
export const TEST_OIDC_REDIRECT_URI = 'https://lotse.test/api/v1/auth/oidc/callback';

/** The configuration a test app runs with: the worker's environment plus `overrides`. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PGLITE_DATA_DIR: '',
    DB_MIGRATIONS_RUN: 'false',
    DEMO_DATA: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    // Tests call fast from one user; rate-limit.spec.ts sets its own small limit.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Test apps share one database: only the test that drains the outbox delivers its events
    // (`app.get(EventDispatcher).drain()`), so no other app attempts a test's webhooks.
    EVENTS_DISPATCH_INTERVAL_MS: '0',
    JOBS_INTERVAL_MS: '0',

    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    // Each test app counts its limits apart, as a deployment of its own would; two apps that
    // stand for two instances of one deployment pass the same prefix.
    LIMIT_KEY_PREFIX: `test-${randomUUID()}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    OIDC_REDIRECT_URI: TEST_OIDC_REDIRECT_URI,
    ...overrides,
  });
}

/**
 * Boots the real app over HTTP exactly as main.ts does (same adapter, same configureApp),
 * against the test database. `extra` adds test-only controllers or imports. Every response is
 * validated against openapi.json; a violation fails the test that caused it.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; extra?: ModuleMetadata } = {},
): Promise<NestFastifyApplication> {
  const config = testConfig(options.env);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config), ...(options.extra?.imports ?? [])],
    controllers: options.extra?.controllers ?? [],
    providers: options.extra?.providers ?? [],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(
    createAdapter(config),
    NEST_APP_OPTIONS,
  );
  configureApp(app, config);
  // Test-only: every response is checked against openapi.json; probes are not API operations.
  validateResponses(app.getHttpAdapter().getInstance(), options.extra?.controllers ?? []);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
