import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Client } from '../clients/client.entity';
import { Organisation } from '../identity/organisation.entity';
import { User } from '../identity/user.entity';
import { Contract } from '../providers/contract.entity';
import { ServiceKind } from '../providers/service-kind';
import { ReferralPriority, ReferralReason } from './referral-codes';
import { ReferralState } from '../common/referral-states';

/**
 * A referral (Zuweisung) of one client from a jobcenter to a provider. The reason of an `end`
 * is deliberately not a column here: it lives only in the history, marked `participation`.
 */
@Entity({ name: 'referrals' })
@Index('referrals_jobcenter_id_jobcenter_updated_at_idx', [
  'jobcenterId',
  'jobcenterUpdatedAt',
  'id',
])
@Index('referrals_jobcenter_id_state_jobcenter_updated_at_idx', [
  'jobcenterId',
  'state',
  'jobcenterUpdatedAt',
  'id',
])
@Index('referrals_provider_id_updated_at_idx', ['providerId', 'updatedAt', 'id'])
@Index('referrals_provider_id_state_updated_at_idx', ['providerId', 'state', 'updatedAt', 'id'])
@Index('referrals_assigned_worker_id_updated_at_idx', ['assignedWorkerId', 'updatedAt', 'id'])
@Index('referrals_case_manager_id_jobcenter_updated_at_idx', [
  'caseManagerId',
  'jobcenterUpdatedAt',
  'id',
])
@Index('referrals_client_id_idx', ['clientId'])
@Index('referrals_contract_id_state_idx', ['contractId', 'state'])
@Index('referrals_first_contact_overdue_idx', { synchronize: false })
@Index('referrals_worklist_case_manager_idx', { synchronize: false })
@Index('referrals_worklist_provider_idx', { synchronize: false })
@Index('referrals_worklist_worker_idx', { synchronize: false })
@Index('referrals_jobcenter_id_sent_at_idx', ['jobcenterId', 'sentAt'])
@Index('referrals_provider_id_sent_at_idx', ['providerId', 'sentAt'])
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jobcenter_id', foreignKeyConstraintName: 'referrals_jobcenter_id_fkey' })
  jobcenter?: Organisation;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'referrals_provider_id_fkey' })
  provider?: Organisation;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'referrals_client_id_fkey' })
  client?: Client;

  /** Set when the referral is sent: the contract whose capacity it takes. */
  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'referrals_contract_id_fkey' })
  contract?: Contract;

  @Column({ name: 'case_manager_id', type: 'uuid' })
  caseManagerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'case_manager_id',
    foreignKeyConstraintName: 'referrals_case_manager_id_fkey',
  })
  caseManager?: User;

  @Column({ type: 'enum', enum: ReferralState, enumName: 'referral_state' })
  state: ReferralState;

  @Column({
    name: 'reason_category',
    type: 'enum',
    enum: ReferralReason,
    enumName: 'referral_reason',
  })
  reasonCategory: ReferralReason;

  @Column({ name: 'reason_text', type: 'varchar', length: 2000, nullable: true })
  reasonText: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  goals: string | null;

  @Column({
    name: 'requested_services',
    type: 'enum',
    enum: ServiceKind,
    enumName: 'service_kind',
    array: true,
  })
  requestedServices: ServiceKind[];

  @Column({
    type: 'enum',
    enum: ReferralPriority,
    enumName: 'referral_priority',
    default: ReferralPriority.Normal,
  })
  priority: ReferralPriority;

  @Column({ name: 'assigned_worker_id', type: 'uuid', nullable: true })
  assignedWorkerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'assigned_worker_id',
    foreignKeyConstraintName: 'referrals_assigned_worker_id_fkey',
  })
  assignedWorker?: User;

  /** Due date of the first contact: the contract's working days after acceptance. */
  @Column({ name: 'first_contact_due', type: 'date', nullable: true })
  firstContactDue: string | null;

  /** Derived from the activities: the first one that reached the client. */
  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt: Date | null;

  /** Outcome code of a rejected, cancelled or completed referral; never the reason of an end. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  /**
   * The jobcenter's own version and time of change: they move with every change the jobcenter
   * can see, not with the provider's internal ones (a worker reassigned), so that its ETag,
   * `updatedAt` and list order tell it nothing of the provider's internal work.
   */
  @Column({ name: 'jobcenter_version', type: 'int', default: 1 })
  jobcenterVersion: number;

  @Column({
    name: 'jobcenter_updated_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'now()',
  })
  jobcenterUpdatedAt: Date;
}
