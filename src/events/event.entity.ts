import { Organisation } from '../identity/organisation.entity';
import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { EventInstruction, EventSubject, EventType } from './event-types';

/**
 * One business event for one recipient organisation: the transactional outbox and, once the
 * dispatcher has given it a `position`, the organisation's event feed. Written in the same
 * transaction as the change it announces (`Outbox.enqueue`). Holds ids only, never content.
 */
@Entity({ name: 'events' })
@Index('events_organisation_position_idx', ['organisationId', 'position'])
@Index('events_undispatched_idx', ['sequence'], { where: '"position" IS NULL' })
export class OutboxEvent {
  /** Order of writing (not of commit): the dispatcher takes undispatched rows in this order. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  sequence: string;

  /** The event's id, sent as `webhook-id`; the receiver de-duplicates on it. */
  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  type: EventType;

  /** The organisation the event is for. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'events_organisation_id_fkey' })
  organisation?: Organisation;

  @Column({ name: 'subject_type', type: 'varchar', length: 20 })
  subjectType: EventSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The referral the subject belongs to, when there is one. */
  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @Column({ type: 'varchar', length: 10 })
  instruction: EventInstruction;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  /**
   * The feed's cursor, given by the dispatcher after commit in one locked step, so that positions
   * become visible in order; null: not dispatched yet.
   */
  @Column({ type: 'bigint', nullable: true, unique: true })
  position: string | null;
}
