import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Client } from '../clients/client.entity';
import { Organisation } from '../identity/organisation.entity';
import { Referral } from '../referrals/referral.entity';
import { ConsentTemplate } from './consent-template.entity';

export enum ConsentEvidenceForm {
  Written = 'written',
  VerbalWitnessed = 'verbal_witnessed',
  Digital = 'digital',
}

/**
 * One consent of a client, as given: immutable (the database refuses UPDATE and DELETE). Its
 * grants can be revoked, each once; a change of mind is a new record that supersedes it.
 */
@Entity({ name: 'consent_records' })
@Index('consent_records_client_id_recorded_at_idx', ['clientId', 'recordedAt'])
@Index('consent_records_referral_id_idx', ['referralId'])
@Index('consent_records_releasing_organisation_id_valid_until_idx', [
  'releasingOrganisationId',
  'validUntil',
])
@Index('consent_records_supersedes_id_key', { synchronize: false })
@Index('consent_records_first_key', { synchronize: false })
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'consent_records_client_id_fkey' })
  client?: Client;

  /** Whose content is released: normally the provider that works the case. */
  @Column({ name: 'releasing_organisation_id', type: 'uuid' })
  releasingOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'releasing_organisation_id',
    foreignKeyConstraintName: 'consent_records_releasing_organisation_id_fkey',
  })
  releasingOrganisation?: Organisation;

  /** The purpose: the referral this consent serves. */
  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'consent_records_referral_id_fkey' })
  referral?: Referral;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne(() => ConsentTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'consent_records_template_id_fkey' })
  template?: ConsentTemplate;

  @Column({ name: 'valid_from', type: 'timestamptz', precision: 3 })
  validFrom: Date;

  /** Exclusive; null: until revoked. */
  @Column({ name: 'valid_until', type: 'timestamptz', precision: 3, nullable: true })
  validUntil: Date | null;

  @Column({
    name: 'evidence_form',
    type: 'enum',
    enum: ConsentEvidenceForm,
    enumName: 'consent_evidence_form',
  })
  evidenceForm: ConsentEvidenceForm;

  /** The day the client gave it (signed, said it before a witness, confirmed digitally). */
  @Column({ name: 'given_on', type: 'date' })
  givenOn: string;

  /** Where the signed form is kept, e.g. a document number of the provider's file. */
  @Column({ name: 'document_reference', type: 'varchar', length: 200, nullable: true })
  documentReference: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  recordedAt: Date;

  /** The record this one replaces (from `recordedAt` on). */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => ConsentRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'supersedes_id',
    foreignKeyConstraintName: 'consent_records_supersedes_id_fkey',
  })
  supersedes?: ConsentRecord;
}
