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
import {
  AppointmentMode,
  AppointmentOutcome,
  AppointmentParty,
  AppointmentPurpose,
} from './appointment-codes';

/**
 * An appointment of the client with the case manager (Termin), proposed by the jobcenter for a
 * referral it commissioned. Shared by both parties of the referral: the time, place, purpose,
 * the accompaniment plan and the jobcenter's outcome. The provider's record of whether its
 * worker met the client is not here: it is `AppointmentAttendance`, provider content.
 */
@Entity({ name: 'appointments' })
@Index('appointments_referral_id_starts_at_idx', ['referralId', 'startsAt', 'id'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'appointments_referral_id_fkey' })
  referral?: Referral;

  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'enum', enum: AppointmentMode, enumName: 'appointment_mode' })
  mode: AppointmentMode;

  /** The place (a room of the jobcenter, an address of an authority); null by phone. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'enum', enum: AppointmentPurpose, enumName: 'appointment_purpose' })
  purpose: AppointmentPurpose;

  /** The client's wish to be accompanied by the worker: null until somebody records it. */
  @Column({ name: 'accompaniment_wished', type: 'boolean', nullable: true })
  accompanimentWished: boolean | null;

  @Column({
    name: 'accompaniment_wish_recorded_by',
    type: 'enum',
    enum: AppointmentParty,
    enumName: 'appointment_party',
    nullable: true,
  })
  accompanimentWishRecordedBy: AppointmentParty | null;

  /** When the provider confirmed that its worker accompanies the client. */
  @Column({ name: 'accompaniment_confirmed_at', type: 'timestamptz', precision: 3, nullable: true })
  accompanimentConfirmedAt: Date | null;

  @Column({
    type: 'enum',
    enum: AppointmentOutcome,
    enumName: 'appointment_outcome',
    nullable: true,
  })
  outcome: AppointmentOutcome | null;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', precision: 3, nullable: true })
  outcomeRecordedAt: Date | null;

  /** The appointment this one replaces (its outcome is `rescheduled`). */
  @Column({ name: 'rescheduled_from_id', type: 'uuid', nullable: true })
  rescheduledFromId: string | null;

  @ManyToOne(() => Appointment, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'rescheduled_from_id',
    foreignKeyConstraintName: 'appointments_rescheduled_from_id_fkey',
  })
  rescheduledFrom?: Appointment;

  /** The case manager who proposed it (jobcenter-internal). */
  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
