import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../identity/organisation.entity';

/**
 * A jobcenter's retention schedule (issue 20, ADR 0020): how long Lotse keeps a client's data.
 * One row per jobcenter, created by its first change; a jobcenter without a row has the
 * defaults (`DEFAULT_RETENTION`, docs/operations/data-protection.md gives their reasoning).
 */
@Entity({ name: 'retention_policies' })
@Check('retention_policies_case_content_check', '"case_content_months" BETWEEN 6 AND 120')
@Check('retention_policies_unreferred_check', '"unreferred_client_months" BETWEEN 1 AND 60')
@Check('retention_policies_audit_trail_check', '"audit_trail_months" BETWEEN 12 AND 240')
export class RetentionPolicy {
  @PrimaryColumn({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'jobcenter_id',
    foreignKeyConstraintName: 'retention_policies_jobcenter_id_fkey',
  })
  jobcenter?: Organisation;

  /** Months after the client's last referral closed until everything of the client is erased. */
  @Column({ name: 'case_content_months', type: 'smallint' })
  caseContentMonths: number;

  /** Months after its last change until a client never referred is erased. */
  @Column({ name: 'unreferred_client_months', type: 'smallint' })
  unreferredClientMonths: number;

  /** Months the audit trail is kept (the operator's archive; not yet enforced, ADR 0020). */
  @Column({ name: 'audit_trail_months', type: 'smallint' })
  auditTrailMonths: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
