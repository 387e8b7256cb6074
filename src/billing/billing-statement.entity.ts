import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Contract } from '../providers/contract.entity';

/** Why a provider issued a further edition of a month's statement (ADR 0023). */
export enum CorrectionReason {
  /** The jobcenter disputed lines; the new edition leaves them out. */
  DisputedByJobcenter = 'disputed_by_jobcenter',
  /** The contract's prices changed; the new edition bills at the current ones. */
  TermsChanged = 'terms_changed',
  /** The provider billed a line by mistake, or missed one. */
  ProviderError = 'provider_error',
  Other = 'other',
}

/**
 * One edition of a contract's statement of one calendar month: immutable once written (the
 * database refuses changes), numbered from 1; a correction is the next edition with a reason.
 * Totals in cents, as integers.
 */
@Entity({ name: 'billing_statements' })
@Index('billing_statements_contract_id_month_edition_key', ['contractId', 'month', 'edition'], {
  unique: true,
})
@Index('billing_statements_jobcenter_id_idx', ['jobcenterId'])
@Index('billing_statements_provider_id_idx', ['providerId'])
@Check('billing_statements_month_check', `extract(day FROM "month") = 1`)
@Check('billing_statements_edition_check', '"edition" >= 1')
@Check('billing_statements_reason_check', '("edition" = 1) = ("correction_reason" IS NULL)')
@Check('billing_statements_total_check', '"total_cents" >= 0')
export class BillingStatement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'contract_id',
    foreignKeyConstraintName: 'billing_statements_contract_id_fkey',
  })
  contract?: Contract;

  /** The contract's parties, copied so that reads scope by them. */
  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  /** The first day of the month billed (YYYY-MM-01). */
  @Column({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  edition: number;

  @Column({
    name: 'correction_reason',
    type: 'enum',
    enum: CorrectionReason,
    enumName: 'billing_correction_reason',
    nullable: true,
  })
  correctionReason: CorrectionReason | null;

  /** The sum of the lines' amounts, in cents (bigint: read as a string, exact). */
  @Column({ name: 'total_cents', type: 'bigint' })
  totalCents: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
