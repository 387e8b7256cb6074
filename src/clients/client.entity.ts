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
import { User } from '../identity/user.entity';

/** How the client prefers to be approached by the provider's worker. */
export enum ClientContactWay {
  Phone = 'phone',
  Email = 'email',
  Letter = 'letter',
  HomeVisit = 'home_visit',
  NoPreference = 'no_preference',
}

/**
 * Why the processing of a client's data is restricted: the grounds of Art. 18(1) GDPR.
 */
export enum RestrictionGround {
  /** (a) The client contests the accuracy of their data, while the jobcenter verifies it. */
  AccuracyContested = 'accuracy_contested',
  /** (b) The processing is unlawful and the client asks for restriction instead of erasure. */
  UnlawfulProcessing = 'unlawful_processing',
  /** (c) No longer needed, but the client needs the data for legal claims. */
  LegalClaims = 'legal_claims',
  /** (d) The client objected (Art. 21), pending the verification of the grounds. */
  ObjectionPending = 'objection_pending',
}

/**
 * A client (Kundin/Kunde) as their jobcenter registered them: master data only, no case
 * content. Owned by exactly one jobcenter; other organisations reach it only through a
 * referral (the referrals module decides).
 */
@Entity({ name: 'clients' })
@Check('clients_restriction_check', '("restricted_at" IS NULL) = ("restriction_ground" IS NULL)')
@Check(
  'clients_reachability_check',
  '("street" IS NOT NULL AND "postcode" IS NOT NULL AND "city" IS NOT NULL) OR ("street" IS NULL AND "postcode" IS NULL AND "city" IS NULL AND "municipality" IS NOT NULL)',
)
@Index('clients_jobcenter_id_customer_number_key', ['jobcenterId', 'customerNumber'], {
  unique: true,
})
@Index('clients_jobcenter_id_updated_at_idx', ['jobcenterId', 'updatedAt', 'id'])
// Partial (restricted clients only), created by its migration: TypeORM cannot declare it.
@Index('clients_restricted_idx', { synchronize: false })
@Index('clients_jobcenter_id_postcode_updated_at_idx', [
  'jobcenterId',
  'postcode',
  'updatedAt',
  'id',
])
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jobcenter_id', type: 'uuid' })
  jobcenterId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jobcenter_id', foreignKeyConstraintName: 'clients_jobcenter_id_fkey' })
  jobcenter?: Organisation;

  /** The jobcenter's Kundennummer, stored trimmed and upper-cased. */
  @Column({ name: 'customer_number', type: 'varchar', length: 32 })
  customerNumber: string;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  /** `YYYY-MM-DD`; the driver hands a date column over as that string. */
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  /**
   * The address of residence: street, postcode and city all given, or all null for a person
   * without a fixed address (ohne festen Wohnsitz), who is reached as `careOf`,
   * `usualWhereabouts` and `municipality` say (the check constraint holds the two together).
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  postcode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  /** Erreichbarkeit: a postal address c/o (Beratungsstelle, Tagesaufenthalt, Postfach). */
  @Column({ name: 'care_of', type: 'varchar', length: 300, nullable: true })
  careOf: string | null;

  /** Erreichbarkeit: where the person is usually met, in words. */
  @Column({ name: 'usual_whereabouts', type: 'varchar', length: 500, nullable: true })
  usualWhereabouts: string | null;

  /**
   * The municipality (Gemeinde) whose providers serve the person; required without an address
   * of residence, where it replaces the postcode in provider search and availability.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  municipality: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({
    name: 'preferred_contact',
    type: 'enum',
    enum: ClientContactWay,
    enumName: 'client_contact_way',
    default: ClientContactWay.NoPreference,
  })
  preferredContact: ClientContactWay;

  @Column({ name: 'preferred_contact_times', type: 'varchar', length: 200, nullable: true })
  preferredContactTimes: string | null;

  @Column({ name: 'note_to_provider', type: 'varchar', length: 1000, nullable: true })
  noteToProvider: string | null;

  /**
   * Since when the processing is restricted (Art. 18 GDPR), or null. While set, nothing of the
   * client reaches anybody but the owning jobcenter's auditor (src/confidentiality/restriction.ts).
   */
  @Column({ name: 'restricted_at', type: 'timestamptz', precision: 3, nullable: true })
  restrictedAt: Date | null;

  @Column({
    name: 'restriction_ground',
    type: 'enum',
    enum: RestrictionGround,
    enumName: 'restriction_ground',
    nullable: true,
  })
  restrictionGround: RestrictionGround | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'clients_created_by_fkey' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** Millisecond precision, as in JavaScript, so that it round-trips through list cursors. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
