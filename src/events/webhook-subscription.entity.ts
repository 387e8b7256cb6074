import { Organisation } from '../identity/organisation.entity';
import {
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  VersionColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import type { EventType } from './event-types';

/** One signing secret of a subscription; a rotated-out one is kept until `expiresAt`. */
export interface WebhookSecret {
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

/**
 * Where an organisation wants its events POSTed, signed per the Standard Webhooks specification.
 * Managed by the organisation's lead. The secrets are kept in clear: signing needs them.
 */
@Entity({ name: 'webhook_subscriptions' })
@Index('webhook_subscriptions_organisation_idx', ['organisationId'])
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'webhook_subscriptions_organisation_id_fkey',
  })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ name: 'event_types', type: 'varchar', length: 60, array: true })
  eventTypes: EventType[];

  @Column({ type: 'jsonb' })
  secrets: WebhookSecret[];

  /** Paused: deliveries wait (nothing is lost) until it is resumed. */
  @Column({ type: 'boolean', default: false })
  paused: boolean;

  /** Set when a delivery gave up after its last attempt; cleared by the next success. */
  @Column({ name: 'failing_since', type: 'timestamptz', precision: 3, nullable: true })
  failingSince: Date | null;

  @VersionColumn()
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;
}
