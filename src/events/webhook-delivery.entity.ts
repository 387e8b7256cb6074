import { OutboxEvent } from './event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import {
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { DeliveryStatus } from './event-types';

/** One event to one subscription: its state, attempts and the last answer (the delivery log). */
@Entity({ name: 'webhook_deliveries' })
@Unique('webhook_deliveries_subscription_event_key', ['subscriptionId', 'eventSequence'])
@Index('webhook_deliveries_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'subscription_id',
    foreignKeyConstraintName: 'webhook_deliveries_subscription_id_fkey',
  })
  subscription?: WebhookSubscription;

  @Column({ name: 'event_sequence', type: 'bigint' })
  eventSequence: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'event_sequence',
    referencedColumnName: 'sequence',
    foreignKeyConstraintName: 'webhook_deliveries_event_sequence_fkey',
  })
  event?: OutboxEvent;

  @Column({ type: 'varchar', length: 10 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When the next attempt is due (also the lease of an attempt in flight). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'last_status_code', type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
