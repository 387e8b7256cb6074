import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { SerialTimer } from '../common/scheduling/serial-timer';
import type { AppConfig } from '../config/app-config';
import { Allowlist, guardedLookup, urlProblem } from './address-guard';
import { OutboxEvent } from './event.entity';
import { toEventDto } from './event-payload';
import { DeliveryStatus } from './event-types';
import { WebhookSubscription } from './webhook-subscription.entity';

/** Events given a feed position per transaction. */
const FAN_OUT_BATCH = 500;
/** Deliveries attempted per round. */
const DELIVERY_BATCH = 20;
/** A claimed attempt that never reports back is retried after this (at least once). */
const ATTEMPT_LEASE_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * Wait after the n-th failed attempt (exponential, capped): 1 min … 8 h, about a day in all;
 * after the last the delivery is `failed` and the subscription marked failing.
 */
export const RETRY_DELAYS_MS: readonly number[] = [1, 5, 15, 30, 60, 120, 240, 480, 480].map(
  (minutes) => minutes * 60_000,
);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A PostgreSQL advisory lock key: one dispatcher gives feed positions at a time. */
const FAN_OUT_LOCK = 7_190_018;

/**
 * Whose deliveries a drain attempts (all by default). Tests share one database between apps of
 * different configuration; each drains only its own world's organisations.
 */
export interface DrainScope {
  organisationIds?: string[];
}

interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  eventSequence: string;
  attempts: number;
}

interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The secrets a delivery is signed with now: the current one and those still overlapping. */
export function secretsInForce(subscription: WebhookSubscription, now: Date): string[] {
  return subscription.secrets
    .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now)
    .map((s) => s.secret);
}

/**
 * Drains the outbox after commit (docs/architecture/0019-outbox-webhooks-event-feed.md): gives
 * each committed event its feed position, creates a delivery per matching webhook
 * subscription, and POSTs due deliveries, signed per Standard Webhooks, with retries. Runs in
 * every instance on a timer (`EVENTS_DISPATCH_INTERVAL_MS`); rows, not memory, hold the work,
 * so a crash loses nothing and another instance or the next start picks it up.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private readonly allowlist: Allowlist;
  private readonly intervalMs: number;
  private readonly runs = new SerialTimer(this.logger, 'Event dispatch');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    const events = config.get('events', { infer: true });
    this.allowlist = new Allowlist(events.webhookAllowedHosts);
    this.intervalMs = events.dispatchIntervalMs;
  }

  onApplicationBootstrap(): void {
    this.runs.start(this.intervalMs, () => this.drain());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runs.stop();
  }

  /**
   * One round: dispatch every committed event, then attempt every delivery due at `now`. Runs
   * queue behind each other in this process; across instances the database decides.
   */
  drain(
    now: Date = new Date(),
    scope: DrainScope = {},
  ): Promise<{ dispatched: number; attempted: number }> {
    return this.runs.run(async () => {
      const dispatched = await this.dispatchAll(now);
      const attempted = await this.deliverDue(now, scope.organisationIds ?? null);
      return { dispatched, attempted };
    });
  }

  private async dispatchAll(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch(now);
      total += n;
      if (n < FAN_OUT_BATCH) return total;
    }
  }

  /** Feed positions in order of sequence, under one lock, and the deliveries they call for. */
  private dispatchBatch(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FAN_OUT_LOCK]);
      const [rows] = await manager.query<[{ sequence: string }[], number]>(
        `WITH pending AS (
           SELECT sequence, row_number() OVER (ORDER BY sequence) AS n
             FROM events WHERE position IS NULL ORDER BY sequence LIMIT $1),
         base AS (SELECT greatest(coalesce(max(position), 0),
                                  (SELECT last_value FROM events_position_mark)) AS m FROM events)
         UPDATE events e SET position = base.m + pending.n
           FROM pending, base WHERE e.sequence = pending.sequence
         RETURNING e.sequence`,
        [FAN_OUT_BATCH],
      );
      if (rows.length === 0) return 0;
      // The mark only grows: an erasure that deletes the newest event cannot make a position
      // be given twice (an organisation's cursor may already have passed it).
      await manager.query(
        `SELECT setval('events_position_mark',
                       greatest((SELECT last_value FROM events_position_mark),
                                (SELECT coalesce(max(position), 0) FROM events)))`,
      );
      // Due at once: a drain run at a moved clock (a test's future) must not postpone others.
      await manager.query(
        `INSERT INTO webhook_deliveries (subscription_id, event_sequence, status, next_attempt_at)
         SELECT s.id, e.sequence, $2, least($3::timestamptz, now())
           FROM events e
           JOIN webhook_subscriptions s
             ON s.organisation_id = e.organisation_id AND e.type = ANY(s.event_types)
            AND e.occurred_at >= s.created_at
          WHERE e.sequence = ANY($1::bigint[])
         ON CONFLICT DO NOTHING`,
        [rows.map((r) => r.sequence), DeliveryStatus.Pending, now],
      );
      return rows.length;
    });
  }

  private async deliverDue(now: Date, organisationIds: string[] | null): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claim(now, organisationIds);
      await Promise.all(claimed.map((d) => this.attempt(d, now)));
      total += claimed.length;
      if (claimed.length < DELIVERY_BATCH) return total;
    }
  }

  /** Takes due deliveries of unpaused subscriptions, counting the attempt and leasing it. */
  private async claim(now: Date, organisationIds: string[] | null): Promise<ClaimedDelivery[]> {
    const [rows] = await this.dataSource.query<[ClaimedDelivery[], number]>(
      `UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, last_attempt_at = $1, next_attempt_at = $2
        WHERE d.id IN (
          SELECT d2.id FROM webhook_deliveries d2
            JOIN webhook_subscriptions s ON s.id = d2.subscription_id
           WHERE d2.status = $3 AND d2.next_attempt_at <= $1 AND NOT s.paused
             AND ($5::uuid[] IS NULL OR s.organisation_id = ANY($5::uuid[]))
           ORDER BY d2.next_attempt_at LIMIT $4
           FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.subscription_id AS "subscriptionId",
                  d.event_sequence AS "eventSequence", d.attempts`,
      [
        now,
        new Date(now.getTime() + ATTEMPT_LEASE_MS),
        DeliveryStatus.Pending,
        DELIVERY_BATCH,
        organisationIds,
      ],
    );
    return rows;
  }

  private async attempt(delivery: ClaimedDelivery, now: Date): Promise<void> {
    const [event, subscription] = await Promise.all([
      this.dataSource.getRepository(OutboxEvent).findOneByOrFail({
        sequence: delivery.eventSequence,
      }),
      this.dataSource
        .getRepository(WebhookSubscription)
        .findOneByOrFail({ id: delivery.subscriptionId }),
    ]);
    const outcome = await this.post(subscription, event).catch(
      (error: unknown): AttemptOutcome => ({
        ok: false,
        statusCode: null,
        error: describe(error),
      }),
    );
    await this.record(delivery, subscription, outcome, now);
  }

  /** POSTs the event, signed with every secret in force; follows no redirect. */
  private post(subscription: WebhookSubscription, event: OutboxEvent): Promise<AttemptOutcome> {
    const problem = urlProblem(subscription.url, this.allowlist);
    if (problem) return Promise.resolve({ ok: false, statusCode: null, error: problem });
    const url = new URL(subscription.url);
    const body = JSON.stringify(toEventDto(event));
    const sentAt = new Date();
    const signature = secretsInForce(subscription, sentAt)
      .map((secret) => new Webhook(secret).sign(event.id, sentAt, body))
      .join(' ');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<AttemptOutcome>((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          timeout: REQUEST_TIMEOUT_MS,
          lookup: guardedLookup(this.allowlist, url.hostname),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Lotse-Webhooks/1',
            'webhook-id': event.id,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signature,
          },
        },
        (res: IncomingMessage) => {
          res.resume();
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve({ ok: true, statusCode: status, error: null });
          } else if (status >= 300 && status < 400) {
            resolve({ ok: false, statusCode: status, error: 'redirect not followed' });
          } else {
            resolve({ ok: false, statusCode: status, error: `HTTP ${status}` });
          }
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => resolve({ ok: false, statusCode: null, error: describe(error) }));
      req.end(body);
    });
  }

  private async record(
    delivery: ClaimedDelivery,
    subscription: WebhookSubscription,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<void> {
    const error = outcome.error?.slice(0, 300) ?? null;
    if (outcome.ok) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = $2, delivered_at = $3, next_attempt_at = NULL,
                last_status_code = $4, last_error = NULL WHERE id = $1`,
        [delivery.id, DeliveryStatus.Delivered, now, outcome.statusCode],
      );
      if (subscription.failingSince) {
        await this.dataSource.query(
          'UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = $1',
          [subscription.id],
        );
      }
      return;
    }
    const last = delivery.attempts >= MAX_ATTEMPTS;
    const next = last ? null : new Date(now.getTime() + RETRY_DELAYS_MS[delivery.attempts - 1]);
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, last_status_code = $4,
              last_error = $5 WHERE id = $1`,
      [
        delivery.id,
        last ? DeliveryStatus.Failed : DeliveryStatus.Pending,
        next,
        outcome.statusCode,
        error,
      ],
    );
    if (last) {
      this.logger.warn(
        `Webhook delivery ${delivery.id} of subscription ${subscription.id} failed after ` +
          `${delivery.attempts} attempts: ${error}`,
      );
      await this.dataSource.query(
        `UPDATE webhook_subscriptions SET failing_since = coalesce(failing_since, $2)
          WHERE id = $1`,
        [subscription.id, now],
      );
    }
  }
}
