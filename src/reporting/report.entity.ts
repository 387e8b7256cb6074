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
import { Referral } from '../referrals/referral.entity';

export enum ReportKind {
  Initial = 'initial',
  Interim = 'interim',
  Final = 'final',
}

export enum ReportStatus {
  Draft = 'draft',
  Submitted = 'submitted',
}

/**
 * A provider's report (Erst-, Zwischen-, Abschlussbericht) on one referral. A draft is edited in
 * place; once submitted it never changes (the database refuses), and a correction is a new
 * edition that supersedes it.
 */
@Entity({ name: 'reports' })
@Index('reports_referral_id_created_at_idx', ['referralId', 'createdAt', 'id'])
@Index('reports_corrects_id_key', { synchronize: false })
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'reports_referral_id_fkey' })
  referral?: Referral;

  /** The client and the author, copied from the referral for the disclosure policy. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'author_organisation_id', type: 'uuid' })
  authorOrganisationId: string;

  @Column({ type: 'enum', enum: ReportKind, enumName: 'report_kind' })
  kind: ReportKind;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_until', type: 'date' })
  periodUntil: string;

  @Column({
    type: 'enum',
    enum: ReportStatus,
    enumName: 'report_status',
    default: ReportStatus.Draft,
  })
  status: ReportStatus;

  /** 1 for the first report; a correction is the corrected one's edition + 1. */
  @Column({ type: 'int', default: 1 })
  edition: number;

  /** The submitted report this one corrects (and, once submitted, supersedes). */
  @Column({ name: 'corrects_id', type: 'uuid', nullable: true })
  correctsId: string | null;

  @Column({ name: 'created_by_kind', type: 'varchar', length: 16 })
  createdByKind: 'user' | 'api_key';

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
