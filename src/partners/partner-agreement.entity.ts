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
import { DataCategory } from '../confidentiality/data-category';
import { Organisation } from '../identity/organisation.entity';

/**
 * A jobcenter's agreement with a partner organisation (e.g. a psychiatric clinic, ADR 0022):
 * the places the partner reserves for the jobcenter's clients, and the category of care it
 * gives, which is the category of the fact of an onward referral to it. Its own table: the
 * jobcenter–provider `contracts` are a different thing. One per jobcenter and partner.
 */
@Entity({ name: 'partner_agreements' })
@Index('partner_agreements_jobcenter_id_partner_id_key', ['jobcenterId', 'partnerId'], {
  unique: true,
})
@Index('partner_agreements_partner_id_idx', ['partnerId'])
@Check(
  'partner_agreements_valid_period_check',
  '"valid_until" IS NULL OR "valid_until" >= "valid_from"',
)
@Check('partner_agreements_reserved_places_check', '"reserved_places" BETWEEN 1 AND 10000')
export class PartnerAgreement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'jobcenter_id',
    foreignKeyConstraintName: 'partner_agreements_jobcenter_id_fkey',
  })
  jobcenter?: Organisation;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'partner_id',
    foreignKeyConstraintName: 'partner_agreements_partner_id_fkey',
  })
  partner?: Organisation;

  /** The care the partner gives, e.g. `mental_health` for a psychiatric clinic. */
  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category: DataCategory;

  /** Places reserved for the jobcenter's clients: onward referrals asked or accepted at once. */
  @Column({ name: 'reserved_places', type: 'int' })
  reservedPlaces: number;

  /** YYYY-MM-DD. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** YYYY-MM-DD, inclusive; null: open-ended. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
