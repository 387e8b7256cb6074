import { ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params } from 'nestjs-pino';
import { RequestValidationError } from './common/problem/domain-error';
import { toFieldErrors } from './common/validation/field-errors';
import { RATE_LIMIT_HEADERS } from './authentication/rate-limit';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { answerClientError, answerRouterError } from './common/problem/http-layer-errors';
import { jsonBodyFault, UnacceptableJson } from './common/validation/json-body-guard';
import type { AppConfig } from './config/app-config';
import { buildOpenApiDocument, setupSwaggerUi } from './openapi/openapi';
import { acceptBackchannelLogoutForm } from './authentication/oidc/backchannel-form';
import { securityHeaders } from './security-headers';
import { cacheValidationMetadatas } from './common/validation/metadata-cache';
import { logRequests } from './logging/request-log';
import { ObjectDenialAudit } from './authentication/object-denial-audit';
import { sendCreatedLocations } from './common/openapi/creates.decorator';

export const API_PREFIX = 'api/v1';

/** CORS for browser frontends on the origins of CORS_ORIGINS: what the API uses, no more. */
export const CORS_METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'];
export const CORS_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'Idempotency-Key',
  'X-Request-Id',
  'Accept-Language',
];
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'X-Request-Id',
  'Retry-After',
  ...RATE_LIMIT_HEADERS,
];
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's X-Request-Id if it is sane, else a fresh uuid; set on the raw request for pino. */
function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  req.id = id;
  return id;
}

/**
 * The application's options, main.ts and tests alike. No body parsers of Nest's: it would add
 * one for `application/x-www-form-urlencoded`, which no operation declares; Fastify's own
 * JSON parser reads `application/json` (configureApp removes its `text/plain` one), so every
 * other media type is `415` (docs/problem-types.md).
 */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/** The Fastify adapter with the body limit and request ids; main.ts and tests use it alike. */
export function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: requestIdOf,
    trustProxy: config.http.trustProxy.length > 0 ? config.http.trustProxy : false,
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerRouterError,
  });
}

/**
 * Everything about the HTTP surface, in one place shared by main.ts and every e2e test:
 * prefix, validation, problem+json errors, request ids, security headers, CORS, Swagger UI.
 */
export function configureApp(app: NestFastifyApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  cacheValidationMetadatas();
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => new RequestValidationError(toFieldErrors(errors)),
    }),
  );
  // An object-level denial is audited before its problem is answered (docs/security.md).
  const denials = app.get(ObjectDenialAudit);
  app.useGlobalFilters(
    new ProblemDetailsFilter(app.get(HttpAdapterHost), (error, request) =>
      denials.recordFor(error, request),
    ),
  );

  const fastify = app.getHttpAdapter().getInstance();
  // First: the request's log context must be entered before any other hook runs.
  logRequests(fastify, app.get<string, Params>(PARAMS_PROVIDER_TOKEN));
  // Bodies are JSON and nothing else: the media type every operation declares.
  fastify.removeContentTypeParser(['text/plain']);
  // …except the back-channel logout of single sign-on, a form post by its standard (ADR 0018).
  acceptBackchannelLogoutForm(fastify, API_PREFIX);
  // A create's Location, from the answer before the disclosure step (ConfidentialityModule) sees it.
  sendCreatedLocations(fastify);
  const security = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    // helmet's headers (CSP, HSTS, nosniff, …) on every response, computed once.
    void reply.headers(security);
    void reply.header('X-Request-Id', request.id);
    // API responses carry tokens and personal data: never stored by browsers or proxies.
    if (request.url.startsWith(`/${API_PREFIX}/`)) void reply.header('Cache-Control', 'no-store');
    done();
  });
  // Before guards, interceptors and pipes, which walk the body recursively and validate its strings.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const fault = jsonBodyFault(request.body);
    done(fault ? new UnacceptableJson(fault) : undefined);
  });

  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    methods: CORS_METHODS,
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    // Browsers cap it (Chromium at 2 h); 10 minutes spares most preflights of a working session.
    maxAge: 600,
  });

  if (config.http.apiDocs) {
    setupSwaggerUi(app, buildOpenApiDocument(app), { demoData: config.demoData });
  }
}
