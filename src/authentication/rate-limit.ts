import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { LimitStore } from '../limits/limit-store';
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

/**
 * Requests per principal in a fixed one-minute window (docs/security.md item 22), and a
 * stricter count of the same principal's calls to expensive routes (`@Expensive()`: statistics,
 * report submission, verifying the audit chain), both in the shared limit store, so that all
 * instances of a deployment count together (ADR 0017). Every response that passes the access
 * guard carries the RateLimit-* headers of the limit that binds the route; past it the answer
 * is 429 with `Retry-After` until the window ends.
 */
@Injectable()
export class RateLimiter {
  readonly limit: number;
  readonly expensiveLimit: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly store: LimitStore,
  ) {
    const http = config.get('http', { infer: true });
    this.limit = http.rateLimitPerMinute;
    this.expensiveLimit = http.expensiveRateLimitPerMinute;
  }

  /** Counts one request of `key`, sets the headers, and throws 429 past the limit. */
  async take(key: string, reply: FastifyReply, expensive = false): Promise<void> {
    await this.count(`principal:${key}`, this.limit, reply);
    if (expensive) await this.count(`expensive:${key}`, this.expensiveLimit, reply);
  }

  private async count(key: string, limit: number, reply: FastifyReply): Promise<void> {
    const record = await this.store.increment(key, RATE_LIMIT_WINDOW_MS, limit, 0, 'principal');
    const resetSeconds = Math.min(60, record.timeToExpire);
    void reply
      .header('RateLimit-Limit', limit)
      .header('RateLimit-Remaining', Math.max(0, limit - record.totalHits))
      .header('RateLimit-Reset', resetSeconds);
    if (record.isBlocked) throw new TooManyRequests(resetSeconds, 'requests');
  }
}
