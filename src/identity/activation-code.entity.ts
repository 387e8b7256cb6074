import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/** Why a code was issued: a new account, or a reset of a lost password. */
export enum ActivationPurpose {
  Activation = 'activation',
  PasswordReset = 'password_reset',
}

/**
 * A one-time code with which a user chooses their own password (ADR 0008). Shown once, to the
 * person who issued or approved it, and stored only as its SHA-256: it carries 160 random bits,
 * so a fast hash leaves nothing to guess offline. A user has at most one usable code: issuing
 * another voids the earlier ones.
 */
@Entity({ name: 'activation_codes' })
export class ActivationCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('activation_codes_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'activation_codes_user_id_fkey' })
  user?: User;

  @Index('activation_codes_code_hash_key', { unique: true })
  @Column({ name: 'code_hash', type: 'bytea' })
  codeHash: Buffer;

  @Column({
    type: 'enum',
    enum: ActivationPurpose,
    enumName: 'activation_purpose',
  })
  purpose: ActivationPurpose;

  /** Who was shown the code (a lead, or the approving admin); null when the system issued it. */
  @Column({ name: 'issued_to', type: 'uuid', nullable: true })
  issuedTo: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_to', foreignKeyConstraintName: 'activation_codes_issued_to_fkey' })
  issuer?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** A later code, or disabling the user, voided this one before it was used. */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
