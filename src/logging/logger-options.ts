import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/app-config';
import { requestMixin } from './request-log';

/** Secrets and credentials that must never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.secret',
  '*.key',
  '*.code',
  '*.activation',
];

export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    // Method, path and status only: headers and query strings can carry tokens or names.
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string; originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        path: (req.originalUrl ?? req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // The lines of a request's end are written by request-log.ts (health probes left out).
    autoLogging: false,
    // The request being handled, on every line logged meanwhile (request-log.ts).
    mixin: requestMixin,
  };
}

/**
 * Where log lines go: stdout, synchronously (on SIGTERM Nest closes the app and then re-raises
 * the signal, which would drop the lines an asynchronous destination still buffers). JSON, one
 * object a line, for machines; with LOG_FORMAT=pretty (the default in development) one
 * readable, coloured line per entry for people, formatted in-process (no worker thread).
 */
export function logDestination(config: AppConfig): DestinationStream {
  if (config.logFormat === 'pretty') {
    return pinoPretty({
      destination: 1,
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
    });
  }
  return pino.destination({ dest: 1, sync: true });
}

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: [pinoHttpOptions(config), logDestination(config)],
    // No middleware: the request's logging is Fastify hooks (request-log.ts, ADR 0024, "Request
    // logging as Fastify hooks"); Nest's middleware layer cost a fifth of a short read's CPU.
    forRoutes: [],
  };
}
