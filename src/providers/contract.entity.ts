import {
  Check,
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
import { Organisation } from '../identity/organisation.entity';
import type { BillingUnit } from './billing-unit';
import { ServiceKind } from './service-kind';

/** A billing term as the contract stores it (ADR 0023). */
export interface BillingTerm {
  unit: BillingUnit;
  priceCents: number;
}

/**
 * A jobcenter's contract with a provider (Träger): which services it commissions, from when to
 * when, and how many referrals the provider takes at once. Referrals are sent against one.
 */
@Entity({ name: 'contracts' })
@Index('contracts_jobcenter_id_number_key', ['jobcenterId', 'number'], { unique: true })
@Index('contracts_provider_id_idx', ['providerId'])
@Index('contracts_jobcenter_id_provider_id_idx', ['jobcenterId', 'providerId'])
@Check('contracts_valid_period_check', '"valid_until" IS NULL OR "valid_until" >= "valid_from"')
@Check('contracts_services_check', 'cardinality("services") >= 1')
@Check('contracts_billing_terms_check', `jsonb_typeof("billing_terms") = 'array'`)
@Check('contracts_capacity_check', '"capacity" BETWEEN 1 AND 10000')
@Check(
  'contracts_first_contact_working_days_check',
  '"first_contact_working_days" BETWEEN 1 AND 60',
)
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jobcenter_id', foreignKeyConstraintName: 'contracts_jobcenter_id_fkey' })
  jobcenter?: Organisation;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'contracts_provider_id_fkey' })
  provider?: Organisation;

  /** The jobcenter's own reference (Vertragsnummer); unique per jobcenter. */
  @Column({ type: 'varchar', length: 64 })
  number: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** YYYY-MM-DD, inclusive; null: open-ended. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'enum', enum: ServiceKind, enumName: 'service_kind', array: true })
  services: ServiceKind[];

  /** How many referrals the provider holds open under this contract at once. */
  @Column({ type: 'int' })
  capacity: number;

  /** Working days from acceptance until the first contact is due. */
  @Column({ name: 'first_contact_working_days', type: 'int', default: 10 })
  firstContactWorkingDays: number;

  /** What the contract pays for: each unit once, with its price in cents (ADR 0023). */
  @Column({ name: 'billing_terms', type: 'jsonb', default: () => "'[]'" })
  billingTerms: BillingTerm[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** A contract with the names of both parties, as lists and the availability answer show it. */
export interface ContractWithNames extends Omit<Contract, 'jobcenter' | 'provider'> {
  jobcenterName: string;
  providerName: string;
}
