import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditActorKind {
  User = 'user',
  ApiKey = 'api_key',
  Anonymous = 'anonymous',
  System = 'system',
}

export enum AuditOutcomeKind {
  Success = 'success',
  Failure = 'failure',
  Denied = 'denied',
}

/** The values an event's `details` may hold: small scalars and lists of strings. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/**
 * One audit event. Rows are never updated or deleted (database triggers refuse it) and carry
 * no foreign keys: they outlive the users, keys and clients they mention. Each index ends in
 * `id`, so that a filtered list pages by keyset on the index alone.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_organisation_id_idx', ['organisationId', 'id'])
@Index('audit_events_actor_id_idx', ['actorId', 'id'])
@Index('audit_events_client_id_idx', ['clientId', 'id'], { where: '"client_id" IS NOT NULL' })
@Index('audit_events_client_id_action_idx', ['clientId', 'action', 'id'], {
  where: '"client_id" IS NOT NULL',
})
@Index('audit_events_action_idx', ['action', 'id'])
@Index('audit_events_resource_idx', ['resourceType', 'resourceId', 'id'])
@Index('audit_events_occurred_at_idx', ['occurredAt', 'id'])
// An expression index (`details->>'organisationId'`, id) made by migration 1796558277117 for an
// organisation's operator actions (ADR 0008); TypeORM cannot declare one, so it leaves it be.
@Index('audit_events_subject_organisation_idx', { synchronize: false })
export class AuditEvent {
  /** A bigint; the driver returns it as a string. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'audit_events_pkey',
  })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_kind', type: 'enum', enum: AuditActorKind, enumName: 'audit_actor_kind' })
  actorKind: AuditActorKind;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 64, nullable: true })
  resourceType: string | null;

  @Column({ name: 'resource_id', type: 'varchar', length: 200, nullable: true })
  resourceId: string | null;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'enum', enum: AuditOutcomeKind, enumName: 'audit_outcome' })
  outcome: AuditOutcomeKind;

  @Column({ type: 'jsonb', nullable: true })
  details: AuditDetails | null;
}
