import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../user.entity';
import { IdentityProvider } from './identity-provider.entity';

/**
 * "Subject `sub` at this identity provider is this Lotse user": made only by an explicit,
 * audited step of the organisation's lead, or of an admin with the lead's approval (ADR 0018).
 * Never made from a matching email address.
 */
@Entity({ name: 'identity_links' })
@Index('identity_links_provider_id_subject_key', ['providerId', 'subject'], { unique: true })
@Index('identity_links_provider_id_user_id_key', ['providerId', 'userId'], { unique: true })
export class IdentityLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => IdentityProvider, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'provider_id',
    foreignKeyConstraintName: 'identity_links_provider_id_fkey',
  })
  provider?: IdentityProvider;

  /** The provider's `sub` for the person: stable and never reassigned (OIDC Core §2). */
  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Index('identity_links_user_id_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'identity_links_user_id_fkey' })
  user?: User;

  /** Who made the link (the lead, or the approver of an admin's request). */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
