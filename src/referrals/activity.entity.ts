import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { ActivityKind } from './referral-codes';
import { Referral } from './referral.entity';

/**
 * An outreach contact or attempt. `participation` content for the jobcenter; the note is
 * provider-internal and never disclosed, whatever the consent.
 */
@Entity({ name: 'activities' })
@Index('activities_referral_id_occurred_at_idx', ['referralId', 'occurredAt', 'id'])
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'activities_referral_id_fkey' })
  referral?: Referral;

  /** The organisation that wrote it (the provider). */
  @Column({ name: 'author_organisation_id', type: 'uuid' })
  authorOrganisationId: string;

  @Column({ type: 'enum', enum: ActivityKind, enumName: 'activity_kind' })
  kind: ActivityKind;

  /** What the content is about, for the disclosure policy: contacts are participation. */
  @Column({
    type: 'enum',
    enum: DataCategory,
    enumName: 'data_category',
    default: DataCategory.Participation,
  })
  category: DataCategory;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  /** Whether the client was reached. */
  @Column({ type: 'boolean' })
  reached: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by_kind', type: 'varchar', length: 16 })
  recordedByKind: 'user' | 'api_key';

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
