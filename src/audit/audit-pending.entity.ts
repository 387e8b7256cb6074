import { Entity, PrimaryColumn } from 'typeorm';

/**
 * The sealer's work queue: a trigger adds every new event's id in the inserting transaction,
 * the sealer removes it in the transaction that seals the event. Not audit data itself.
 */
@Entity({ name: 'audit_pending' })
export class AuditPending {
  @PrimaryColumn({
    name: 'event_id',
    type: 'bigint',
    primaryKeyConstraintName: 'audit_pending_pkey',
  })
  eventId: string;
}
