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
import { FederalState } from '../common/public-holidays';

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

  /**
   * A jobcenter's Bundesland: its public holidays are not working days for the first-contact
   * due dates of its referrals. Null: only the holidays of every Land count (any organisation
   * but a jobcenter has none).
   */
  @Column({
    name: 'federal_state',
    type: 'enum',
    enum: FederalState,
    enumName: 'federal_state',
    nullable: true,
  })
  federalState: FederalState | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
