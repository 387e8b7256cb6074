import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { Organisation } from '../identity/organisation.entity';
import { ConsentRecord } from './consent-record.entity';

/**
 * One release: a category of the releasing organisation's content, to one recipient. Revoked
 * at most once (the database allows setting `revoked_at` from null, nothing else).
 */
@Entity({ name: 'consent_grants' })
@Index(
  'consent_grants_consent_id_category_recipient_key',
  ['consentId', 'category', 'recipientOrganisationId'],
  {
    unique: true,
  },
)
@Index('consent_grants_recipient_organisation_id_idx', ['recipientOrganisationId'])
export class ConsentGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'consent_id', type: 'uuid' })
  consentId: string;

  @ManyToOne(() => ConsentRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'consent_grants_consent_id_fkey' })
  consent?: ConsentRecord;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category: DataCategory;

  @Column({ name: 'recipient_organisation_id', type: 'uuid' })
  recipientOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'recipient_organisation_id',
    foreignKeyConstraintName: 'consent_grants_recipient_organisation_id_fkey',
  })
  recipient?: Organisation;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;
}
