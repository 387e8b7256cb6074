import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from './user.entity';

export enum SessionEndReason {
  Logout = 'logout',
  RefreshReuse = 'refresh_reuse',
  UserDisabled = 'user_disabled',
  PasswordChanged = 'password_changed',
  PasswordReset = 'password_reset',
  OrganisationDeactivated = 'organisation_deactivated',
  /** The identity provider said the person signed out there (back-channel logout, ADR 0018). */
  IdpLogout = 'idp_logout',
  /** The link between the person's single sign-on account and the user was removed. */
  IdentityUnlinked = 'identity_unlinked',
}

/**
 * One sign-in: the family of refresh tokens it hands out, and the id every access token names,
 * so that ending it refuses the very next request.
 */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('sessions_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sessions_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The absolute end, however often the session is refreshed. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /**
   * Opened by a password that still needs its second factor (ADR 0017): no access token names
   * it and it has no refresh token until `POST /auth/mfa/verify` completes it, within minutes.
   */
  @Column({ name: 'mfa_pending', type: 'boolean', default: false })
  mfaPending: boolean;

  /** SHA-256 of the MFA challenge token of a pending session; null once completed. */
  @Index('sessions_mfa_challenge_hash_key', { unique: true })
  @Column({ name: 'mfa_challenge_hash', type: 'bytea', nullable: true })
  mfaChallengeHash: Buffer | null;

  @Column({
    name: 'end_reason',
    type: 'enum',
    enum: SessionEndReason,
    enumName: 'session_end_reason',
    nullable: true,
  })
  endReason: SessionEndReason | null;
}
