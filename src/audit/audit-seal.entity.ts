import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A link of the hash chain: `hash = SHA-256(prev_hash ‖ canonical(event))`, at consecutive
 * positions from 1. Append-only like the events (triggers refuse UPDATE, DELETE, TRUNCATE).
 */
@Entity({ name: 'audit_seals' })
export class AuditSeal {
  /** A bigint; the driver returns it as a string. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_seals_pkey' })
  position: string;

  @Index('audit_seals_event_id_key', { unique: true })
  @Column({ name: 'event_id', type: 'bigint' })
  eventId: string;

  @Column({ name: 'prev_hash', type: 'bytea' })
  prevHash: Buffer;

  @Column({ type: 'bytea' })
  hash: Buffer;

  @CreateDateColumn({ name: 'sealed_at', type: 'timestamptz' })
  sealedAt: Date;
}
