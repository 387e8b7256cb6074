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
import { Organisation } from '../identity/organisation.entity';

/**
 * A versioned consent text (Schweigepflichtentbindung) of an organisation, with the categories
 * it may cover. Usable once its data protection officer (auditor) approved it; never edited:
 * a change is a new version.
 */
@Entity({ name: 'consent_templates' })
@Index('consent_templates_organisation_id_key_version_key', ['organisationId', 'key', 'version'], {
  unique: true,
})
export class ConsentTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'consent_templates_organisation_id_fkey',
  })
  organisation?: Organisation;

  /** The template family, e.g. `schweigepflichtentbindung-jobcenter`. */
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The text the client reads and signs. */
  @Column({ type: 'varchar', length: 20000 })
  body: string;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category', array: true })
  categories: DataCategory[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', precision: 3, nullable: true })
  approvedAt: Date | null;
}
