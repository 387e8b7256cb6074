import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { LimitStore, type ThrottlerStorageRecord } from '../limits/limit-store';
import type { Actor } from '../auth/actor';
import { TooManyRequests } from './auth-errors';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** The response headers of the limit (draft-ietf-httpapi-ratelimit-headers, RateLimit-*). */
export const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/** The keys of the principals a request can be counted for (see rateLimitKeyOf). */
export const principalKey = {
  user: (userId: string): string => `user:${userId}`,
  apiKey: (apiKeyId: string): string => `api-key:${apiKeyId}`,
  address: (ip: string): string => `address:${ip}`,
};

/**
 * Who a request is counted for: the user (all of their sessions together) or the API key; an
 * anonymous caller, or one whose credentials are not valid, by its source address.
 */
export function rateLimitKeyOf(request: FastifyRequest, actor: Actor | undefined): string {
  if (actor?.kind === 'user') return principalKey.user(actor.userId);
  if (actor?.kind === 'api_key') return principalKey.apiKey(actor.apiKeyId);
  return principalKey.address(request.ip);
}

/**
 * A request's hit as the access guard's own statement counted it (counted-principal.ts):
 * the stored key it counted, and the store's answer.
 */
export interface CountedRequest {
  storedKey: string;
  record: ThrottlerStorageRecord;
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

  /** The stored key under which `principalKeyOf`'s requests are counted against the limit. */
  storedKeyOf(principalKeyOf: string): string {
    return this.store.storedKey(`principal:${principalKeyOf}`);
  }

  /**
   * Counts one request of `key`, sets the headers, and throws 429 past the limit. `counted`: the
   * request's hit as the guard's statement already counted it, used only if it counted `key`
   * (else the hit is counted here, as without it).
   */
  async take(
    key: string,
    reply: FastifyReply,
    expensive = false,
    counted?: CountedRequest,
  ): Promise<void> {
    const record =
      counted && counted.storedKey === this.storedKeyOf(key)
        ? counted.record
        : await this.increment(`principal:${key}`, this.limit);
    this.answer(record, this.limit, reply);
    if (expensive) {
      this.answer(
        await this.increment(`expensive:${key}`, this.expensiveLimit),
        this.expensiveLimit,
        reply,
      );
    }
  }

  private increment(key: string, limit: number): Promise<ThrottlerStorageRecord> {
    return this.store.increment(key, RATE_LIMIT_WINDOW_MS, limit, 0, 'principal');
  }

  private answer(record: ThrottlerStorageRecord, limit: number, reply: FastifyReply): void {
    const resetSeconds = Math.min(60, record.timeToExpire);
    void reply
      .header('RateLimit-Limit', limit)
      .header('RateLimit-Remaining', Math.max(0, limit - record.totalHits))
      .header('RateLimit-Reset', resetSeconds);
    if (record.isBlocked) throw new TooManyRequests(resetSeconds, 'requests');
  }
}
