import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { Referral } from '../referrals/referral.entity';
import { AccompanimentMeeting } from './appointment-codes';
import { Appointment } from './appointment.entity';

/**
 * The provider's record of an accompaniment: whether its worker met the client for the
 * appointment. Provider content of category `participation` (the sanction firewall, ADR 0021):
 * the jobcenter reads it only as the client released participation to it for the referral; the
 * note never. One per appointment, written once.
 */
@Entity({ name: 'appointment_attendances' })
@Unique('appointment_attendances_appointment_id_key', ['appointmentId'])
export class AppointmentAttendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'appointment_id', type: 'uuid' })
  appointmentId: string;

  @ManyToOne(() => Appointment, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'appointment_id',
    foreignKeyConstraintName: 'appointment_attendances_appointment_id_fkey',
  })
  appointment?: Appointment;

  /** The purpose of any release: the referral whose content this is. */
  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referral_id',
    foreignKeyConstraintName: 'appointment_attendances_referral_id_fkey',
  })
  referral?: Referral;

  /** The provider that wrote it. */
  @Column({ name: 'author_organisation_id', type: 'uuid' })
  authorOrganisationId: string;

  /** What the content is, for the disclosure policy: always participation. */
  @Column({
    type: 'enum',
    enum: DataCategory,
    enumName: 'data_category',
    default: DataCategory.Participation,
  })
  category: DataCategory;

  @Column({ type: 'enum', enum: AccompanimentMeeting, enumName: 'accompaniment_meeting' })
  meeting: AccompanimentMeeting;

  /** Provider-internal; never disclosed, whatever the consent. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
