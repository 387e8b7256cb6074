import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrganisationKind } from '../common/organisation-kind';

@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Index('organisations_name_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** A deactivated organisation's users cannot sign in and its API keys stop working. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Every user of the organisation signs in with a second factor (ADR 0017). */
  @Column({ name: 'mfa_required', type: 'boolean', default: false })
  mfaRequired: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
