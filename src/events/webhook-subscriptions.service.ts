import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import type { AppConfig } from '../config/app-config';
import { Allowlist, resolvedAddressProblem, urlProblem } from './address-guard';
import type {
  CreateWebhookSubscriptionDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from './dto/webhook-subscription.dto';
import { secretsInForce } from './event-dispatcher.service';
import { DeliveryStatus, type EventType } from './event-types';
import { WebhookSubscription, type WebhookSecret } from './webhook-subscription.entity';

/** How long a rotated-out secret still signs, so that receivers can switch without a gap. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60_000;
const DELIVERY_LOG_LIMIT = 100;

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function toDto(s: WebhookSubscription, now = new Date()): WebhookSubscriptionDto {
  return {
    id: s.id,
    organisationId: s.organisationId,
    url: s.url,
    eventTypes: s.eventTypes,
    paused: s.paused,
    failingSince: s.failingSince,
    secretsInForce: secretsInForce(s, now).length,
    createdAt: s.createdAt,
  };
}

interface DeliveryRow {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: EventType;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/**
 * Webhook subscriptions of the caller's organisation, managed by its lead: create (the secret
 * shown once), rotate the secret with overlap, pause and resume, delete, read the delivery log
 * and ask for a delivery again. URLs are checked against SSRF on creation and again on every
 * delivery (docs/architecture/0019-outbox-webhooks-event-feed.md).
 */
@Injectable()
export class WebhookSubscriptionsService {
  private readonly allowlist: Allowlist;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.allowlist = new Allowlist(config.get('events', { infer: true }).webhookAllowedHosts);
  }

  async list(actor: Actor): Promise<WebhookSubscriptionDto[]> {
    const rows = await this.dataSource.getRepository(WebhookSubscription).find({
      where: { organisationId: actor.organisationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
    return rows.map((s) => toDto(s));
  }

  async get(actor: Actor, id: string): Promise<WebhookSubscriptionDto> {
    return toDto(await this.ownOrFail(this.dataSource.manager, actor, id));
  }

  async create(
    actor: UserActor,
    dto: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    const problem =
      urlProblem(dto.url, this.allowlist) ??
      (await resolvedAddressProblem(new URL(dto.url).hostname, this.allowlist));
    if (problem) throw new RequestValidationError([{ field: 'url', messages: [problem] }]);
    const secret = newSecret();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(WebhookSubscription, {
          organisationId: actor.organisationId,
          url: dto.url,
          eventTypes: dto.eventTypes,
          secrets: [{ secret, createdAt: new Date().toISOString(), expiresAt: null }],
          paused: false,
          failingSince: null,
          createdBy: actor.userId,
        }),
      );
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.WebhookSubscriptionCreate,
        outcome: 'success',
        resourceType: 'webhook_subscription',
        resourceId: row.id,
        details: { eventTypes: dto.eventTypes },
      });
      return row;
    });
    return { ...toDto(saved), secret };
  }

  /** A new secret, shown once; the old ones keep signing for `SECRET_OVERLAP_MS`. */
  async rotateSecret(actor: UserActor, id: string): Promise<WebhookSubscriptionWithSecretDto> {
    const secret = newSecret();
    const now = new Date();
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownOrFail(manager, actor, id, true);
      const overlapEnd = new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString();
      const kept: WebhookSecret[] = row.secrets
        .filter((s) => s.expiresAt === null || new Date(s.expiresAt) > now)
        .map((s) => ({ ...s, expiresAt: s.expiresAt ?? overlapEnd }));
      row.secrets = [{ secret, createdAt: now.toISOString(), expiresAt: null }, ...kept];
      const updated = await manager.save(row);
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.WebhookSubscriptionRotateSecret,
        outcome: 'success',
        resourceType: 'webhook_subscription',
        resourceId: id,
      });
      return updated;
    });
    return { ...toDto(saved, now), secret };
  }

  async setPaused(actor: UserActor, id: string, paused: boolean): Promise<WebhookSubscriptionDto> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await this.ownOrFail(manager, actor, id, true);
      if (row.paused === paused) return row;
      row.paused = paused;
      const updated = await manager.save(row);
      await this.audit.recordBy(manager, actor, {
        action: paused
          ? AuditAction.WebhookSubscriptionPause
          : AuditAction.WebhookSubscriptionResume,
        outcome: 'success',
        resourceType: 'webhook_subscription',
        resourceId: id,
      });
      return updated;
    });
    return toDto(saved);
  }

  async remove(actor: UserActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.ownOrFail(manager, actor, id, true);
      await manager.delete(WebhookSubscription, { id });
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.WebhookSubscriptionDelete,
        outcome: 'success',
        resourceType: 'webhook_subscription',
        resourceId: id,
      });
    });
  }

  /** The delivery log, newest first (the last 100). */
  async deliveries(actor: Actor, id: string): Promise<WebhookDeliveryDto[]> {
    await this.ownOrFail(this.dataSource.manager, actor, id);
    return this.deliveryRows(this.dataSource.manager, id, null);
  }

  /** Puts a delivery back to pending, due now (also a failed one); the attempts count on. */
  async redeliver(actor: UserActor, deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query<[unknown, number]>(
        `UPDATE webhook_deliveries d SET status = $3, next_attempt_at = now()
           FROM webhook_subscriptions s
          WHERE d.id = $1 AND s.id = d.subscription_id AND s.organisation_id = $2`,
        [deliveryId, actor.organisationId, DeliveryStatus.Pending],
      );
      if (affected === 0) throw new ResourceNotFound('webhook delivery');
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.WebhookRedeliver,
        outcome: 'success',
        resourceType: 'webhook_delivery',
        resourceId: deliveryId,
      });
      const [row] = await this.deliveryRows(manager, null, deliveryId);
      return row;
    });
  }

  private deliveryRows(
    manager: EntityManager,
    subscriptionId: string | null,
    deliveryId: string | null,
  ): Promise<DeliveryRow[]> {
    return manager.query<DeliveryRow[]>(
      `SELECT d.id, d.subscription_id AS "subscriptionId", e.id AS "eventId",
              e.type AS "eventType", d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
              d.last_attempt_at AS "lastAttemptAt", d.last_status_code AS "lastStatusCode",
              d.last_error AS "lastError", d.delivered_at AS "deliveredAt",
              d.created_at AS "createdAt"
         FROM webhook_deliveries d JOIN events e ON e.sequence = d.event_sequence
        WHERE ($1::uuid IS NULL OR d.subscription_id = $1) AND ($2::uuid IS NULL OR d.id = $2)
        ORDER BY d.created_at DESC, d.event_sequence DESC
        LIMIT ${DELIVERY_LOG_LIMIT}`,
      [subscriptionId, deliveryId],
    );
  }

  private async ownOrFail(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<WebhookSubscription> {
    const row = await manager.getRepository(WebhookSubscription).findOne({
      where: { id, organisationId: actor.organisationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) throw new ResourceNotFound('webhook subscription');
    return row;
  }
}
