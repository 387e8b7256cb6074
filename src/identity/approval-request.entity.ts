import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { ApiKeyScope, Role } from '../auth/role';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** What an approved request does: the identity action it stands for, by its audit name. */
export enum ApprovalKind {
  UserCreate = 'user.create',
  /** Adds roles to a user, or re-enables them. */
  UserUpdate = 'user.update',
  UserResetPassword = 'user.reset_password',
  ApiKeyCreate = 'api_key.create',
  /** Links a single sign-on subject to a user (ADR 0018). */
  IdentityLinkCreate = 'identity_link.create',
}

/** As stored; `expired` is derived on reading (a pending request past `expires_at`). */
export enum ApprovalStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
}

/** The status a reader sees: a pending request past its expiry is `expired`. */
export enum ApprovalState {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Withdrawn = 'withdrawn',
  /** Pending past its expiry: nobody can approve it any more. */
  Expired = 'expired',
}

/**
 * An operator admin's change that would grant access inside an organisation, waiting for that
 * organisation's lead (or, without one, a second admin) to approve it (ADR 0008). It holds what
 * the change is, never a credential: whatever grants access is made at approval and shown only
 * to the approver.
 */
@Entity({ name: 'approval_requests' })
@Index('approval_requests_organisation_queue_idx', [
  'organisationId',
  'openRank',
  'createdAt',
  'id',
])
@Index('approval_requests_queue_idx', ['openRank', 'createdAt', 'id'])
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organisation the change concerns, whose lead decides. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'approval_requests_organisation_id_fkey',
  })
  organisation?: Organisation;

  @Column({ type: 'enum', enum: ApprovalKind, enumName: 'approval_kind' })
  kind: ApprovalKind;

  @Column({ type: 'enum', enum: ApprovalStatus, enumName: 'approval_status' })
  status: ApprovalStatus;

  /** 1 while pending, 0 once decided: lists sort pending requests first on one index. */
  @Column({ name: 'open_rank', type: 'smallint' })
  openRank: number;

  /** The user changed or reset (`user.update`, `user.reset_password`). */
  @Column({ name: 'target_user_id', type: 'uuid', nullable: true })
  targetUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'target_user_id',
    foreignKeyConstraintName: 'approval_requests_target_user_id_fkey',
  })
  targetUser?: User;

  /** `user.create`: the new member's address and name. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  /** `user.create`: the new member's roles; `user.update`: the roles to add. */
  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true, nullable: true })
  roles: Role[] | null;

  /** `user.update`: re-enable the user. */
  @Column({ type: 'boolean', nullable: true })
  reactivate: boolean | null;

  /** `api_key.create`: the key's name, scopes and expiry (the key is made at approval). */
  @Column({ name: 'api_key_name', type: 'varchar', length: 100, nullable: true })
  apiKeyName: string | null;

  @Column({
    name: 'api_key_scopes',
    type: 'enum',
    enum: ApiKeyScope,
    enumName: 'api_key_scope',
    array: true,
    nullable: true,
  })
  apiKeyScopes: ApiKeyScope[] | null;

  @Column({ name: 'api_key_expires_at', type: 'timestamptz', nullable: true })
  apiKeyExpiresAt: Date | null;

  /** `identity_link.create`: the identity provider's subject to link to the target user. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  subject: string | null;

  /** The admin who asked. They can withdraw it, never approve it. */
  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'requested_by',
    foreignKeyConstraintName: 'approval_requests_requested_by_fkey',
  })
  requester?: User;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'decided_by',
    foreignKeyConstraintName: 'approval_requests_decided_by_fkey',
  })
  decider?: User;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** What the approval made: the new user's or API key's id. */
  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId: string | null;

  /** Millisecond precision, as in JavaScript, so that it round-trips through list cursors. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
