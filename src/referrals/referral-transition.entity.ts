import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { Referral } from './referral.entity';
import { ReferralAction } from './referral-state';
import { ReferralState } from '../common/referral-states';

/** One row of a referral's history: who did what, when, from which state to which, and why. */
@Entity({ name: 'referral_transitions' })
@Index('referral_transitions_referral_id_occurred_at_idx', ['referralId', 'occurredAt', 'id'])
export class ReferralTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referral_id',
    foreignKeyConstraintName: 'referral_transitions_referral_id_fkey',
  })
  referral?: Referral;

  @Column({ type: 'enum', enum: ReferralAction, enumName: 'referral_action', nullable: true })
  action: ReferralAction | null;

  @Column({
    name: 'from_state',
    type: 'enum',
    enum: ReferralState,
    enumName: 'referral_state',
    nullable: true,
  })
  fromState: ReferralState | null;

  @Column({ name: 'to_state', type: 'enum', enum: ReferralState, enumName: 'referral_state' })
  toState: ReferralState;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  /** The data category of `reason` when it is case content (`participation` for an end). */
  @Column({
    name: 'reason_category',
    type: 'enum',
    enum: DataCategory,
    enumName: 'data_category',
    nullable: true,
  })
  reasonCategory: DataCategory | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: 'user' | 'api_key';

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'actor_organisation_id', type: 'uuid' })
  actorOrganisationId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;
}
