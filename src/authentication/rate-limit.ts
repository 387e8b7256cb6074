import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import type { Actor } from '../auth/actor';
import { TooManyRequests } from './auth-errors';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The response headers of the limit (draft-ietf-httpapi-ratelimit-headers, RateLimit-*). */
export const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/**
 * Who a request is counted for: the user (all of their sessions together) or the API key; an
 * anonymous caller, or one whose credentials are not valid, by its source address.
 */
export function rateLimitKeyOf(request: FastifyRequest, actor: Actor | undefined): string {
  if (actor?.kind === 'user') return `user:${actor.userId}`;
  if (actor?.kind === 'api_key') return `api-key:${actor.apiKeyId}`;
  return `address:${request.ip}`;
}

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Requests per principal in a fixed one-minute window (docs/security.md item 22), counted in
 * memory: a Map lookup per request. Every response that passes the access guard carries the
 * RateLimit-* headers; past the limit the answer is 429 with `Retry-After` until the window
 * ends. Counters live in one app instance: behind a load balancer with n instances a
 * principal gets up to n times the limit (like the login throttle).
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  readonly limit: number;
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(config: ConfigService<AppConfig, true>) {
    this.limit = config.get('http', { infer: true }).rateLimitPerMinute;
    this.sweeper = setInterval(() => this.dropEnded(Date.now()), RATE_LIMIT_WINDOW_MS);
    this.sweeper.unref();
  }

  /** Counts one request of `key`, sets the headers, and throws 429 past the limit. */
  take(key: string, reply: FastifyReply, now = Date.now()): void {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + RATE_LIMIT_WINDOW_MS };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    void reply
      .header('RateLimit-Limit', this.limit)
      .header('RateLimit-Remaining', Math.max(0, this.limit - window.count))
      .header('RateLimit-Reset', resetSeconds);
    if (window.count > this.limit) throw new TooManyRequests(resetSeconds, 'requests');
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
