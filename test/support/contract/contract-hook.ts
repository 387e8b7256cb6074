import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { FastifyInstance } from 'fastify';
import perfHooks, { performance } from 'node:perf_hooks';
import { API_PREFIX } from '../../../src/app.setup';
import { ResponseContract, type ObservedResponse, type Violation } from './response-contract';

/**
 * Routes that the app serves but that are not API operations, so not in openapi.json: Swagger
 * UI and its documents, and the CORS preflight. Kept short and explicit; contract.spec.ts fails
 * when an entry no longer names a registered route or names a documented one.
 */
export const EXEMPT_ROUTES: readonly string[] = [
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/*',
  'GET /api/docs/docs/*',
  'GET /api/docs/index.html',
  'GET /api/docs/LICENSE',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
  'OPTIONS *',
];

/** What the test runs saw, per test file (Jest gives each file its own module registry). */
const state = {
  contract: undefined as ResponseContract | undefined,
  validated: 0,
  violations: [] as Violation[],
  /** Time spent in the hook, compiling and validating; the contract's whole overhead. */
  millis: 0,
};

/**
 * Jest gives each test file a fresh module registry, so a module-level cache would compile the
 * schemas again in every file (about a second each). Core modules are the one thing the files of
 * a worker share: the compiled contract is kept on one, so each worker compiles it once.
 */
const WORKER_CACHE = perfHooks as unknown as Record<symbol, ResponseContract | undefined>;
const CONTRACT_KEY = Symbol.for('lotse.test.responseContract');

function contract(): ResponseContract {
  state.contract ??= WORKER_CACHE[CONTRACT_KEY] ??= ResponseContract.fromFile();
  return state.contract;
}

/** The violations recorded since the last call, which clears them. */
export function takeViolations(): Violation[] {
  return state.violations.splice(0);
}

export function contractStats(): { validated: number; millis: number } {
  return { validated: state.validated, millis: state.millis };
}

function join(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/** `METHOD /api/v1/path/:param` of every handler of the given (test-only) controllers. */
export function routesOf(controllers: readonly Type[]): string[] {
  const routes: string[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push(`${RequestMethod[method]} ${join(API_PREFIX, base ?? '', path)}`);
    }
  }
  return routes;
}

function bodyOf(payload: unknown): string | undefined {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  if (payload === null || payload === undefined) return '';
  return undefined; // a stream
}

/**
 * Validates every response of `fastify` against openapi.json (test-only: never in src/main).
 * Routes of `testControllers` (probes) and EXEMPT_ROUTES are not checked. Violations are kept
 * until `takeViolations()`; the afterEach of contract-setup.ts fails the test that caused them.
 */
export function validateResponses(
  fastify: FastifyInstance,
  testControllers: readonly Type[],
): void {
  const exempt = new Set([...EXEMPT_ROUTES, ...routesOf(testControllers)]);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const started = performance.now();
    const route = request.routeOptions.url;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    if (route === undefined || !exempt.has(`${method} ${route}`)) {
      const header = reply.getHeader('content-type');
      const response: ObservedResponse = {
        method: request.method,
        route,
        url: request.url,
        status: reply.statusCode,
        contentType: header === undefined ? undefined : String(header),
        body: bodyOf(payload),
        headers: { etag: reply.hasHeader('etag'), location: reply.hasHeader('location') },
      };
      try {
        state.violations.push(...contract().check(response));
      } catch (error) {
        state.violations.push({
          kind: 'invalid-body',
          method: request.method,
          route: route ?? '(no route)',
          status: reply.statusCode,
          message: `the validator failed: ${String(error)}`,
        });
      }
      state.validated += 1;
    }
    state.millis += performance.now() - started;
    done(null, payload);
  });
}

export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const errors = (v.errors ?? [])
        .slice(0, 5)
        .map(
          (e) => `\n      ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
        )
        .join('');
      return `  ${v.kind}: ${v.method} ${v.route} → ${v.status}: ${v.message}${errors}`;
    })
    .join('\n');
}
