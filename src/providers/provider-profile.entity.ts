import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../identity/organisation.entity';
import { ServiceKind } from './service-kind';

/**
 * A provider's entry in the directory, modelled on an Open Referral HSDS organisation with its
 * services and service area. One row per provider organisation, created by its first update;
 * a provider without a row is listed with empty lists. The GIN indexes serve the directory's
 * `@>` filters; the schema builder cannot describe them, so only the migration creates them.
 */
@Entity({ name: 'provider_profiles' })
@Index('provider_profiles_services_idx', { synchronize: false })
@Index('provider_profiles_postcodes_idx', { synchronize: false })
export class ProviderProfile {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'provider_profiles_organisation_id_fkey',
  })
  organisation?: Organisation;

  @Column({
    type: 'enum',
    enum: ServiceKind,
    enumName: 'service_kind',
    array: true,
    default: () => "'{}'",
  })
  services: ServiceKind[];

  /** The service area: the postcodes (PLZ) the provider's workers visit. */
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  postcodes: string[];

  /**
   * The service area by municipality (Gemeinde), for people without a fixed address, who have
   * no postcode of residence; compared without regard to case.
   */
  @Column({ type: 'varchar', length: 100, array: true, default: () => "'{}'" })
  municipalities: string[];

  /** ISO 639-1 codes of the languages its workers speak, e.g. `de`, `ar`, `tr`. */
  @Column({ type: 'varchar', length: 8, array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
