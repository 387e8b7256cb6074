import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Client } from '../clients/client.entity';
import { DataCategory } from '../confidentiality/data-category';
import { Organisation } from '../identity/organisation.entity';
import { Referral } from '../referrals/referral.entity';
import { OnwardReferralState } from './onward-referral-state';
import { PartnerAgreement } from './partner-agreement.entity';

/**
 * A provider's onward referral of a client to a partner organisation (ADR 0022), made from one
 * open referral under the partner's agreement with that referral's jobcenter, with the client's
 * consent. Its fact is the provider's case content of the agreement's category: the jobcenter
 * reads it only as released, the partner only while its grant is in force.
 */
@Entity({ name: 'onward_referrals' })
@Index('onward_referrals_referral_id_idx', ['referralId'])
@Index('onward_referrals_client_id_idx', ['clientId'])
@Index('onward_referrals_partner_id_created_at_idx', ['partnerId', 'createdAt'])
@Index('onward_referrals_agreement_id_state_idx', ['agreementId', 'state'])
export class OnwardReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The provider's referral it was made from: the purpose of the consent it rests on. */
  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'referral_id',
    foreignKeyConstraintName: 'onward_referrals_referral_id_fkey',
  })
  referral?: Referral;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'onward_referrals_client_id_fkey' })
  client?: Client;

  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'jobcenter_id',
    foreignKeyConstraintName: 'onward_referrals_jobcenter_id_fkey',
  })
  jobcenter?: Organisation;

  /** The referring provider, author of the onward referral. */
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'provider_id',
    foreignKeyConstraintName: 'onward_referrals_provider_id_fkey',
  })
  provider?: Organisation;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'onward_referrals_partner_id_fkey' })
  partner?: Organisation;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => PartnerAgreement, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'agreement_id',
    foreignKeyConstraintName: 'onward_referrals_agreement_id_fkey',
  })
  agreement?: PartnerAgreement;

  /** The agreement's category, fixed when made: what consent must release. */
  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category: DataCategory;

  @Column({
    type: 'enum',
    enum: OnwardReferralState,
    enumName: 'onward_referral_state',
    default: OnwardReferralState.Requested,
  })
  state: OnwardReferralState;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** When the partner accepted or declined. */
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  /** When the partner recorded whether the client arrived. */
  @Column({ name: 'uptake_recorded_at', type: 'timestamptz', precision: 3, nullable: true })
  uptakeRecordedAt: Date | null;
}
