import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { AppointmentAttendance } from './appointment-attendance.entity';
import { Appointment } from './appointment.entity';

/** The appointments and the providers' records of accompaniments (ADR 0021). */
@Injectable()
export class AppointmentRepository {
  findById(manager: EntityManager, id: string): Promise<Appointment | null> {
    return manager.findOneBy(Appointment, { id });
  }

  /** A referral's appointments by time, earliest first. */
  listForReferral(
    manager: EntityManager,
    referralId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Appointment>> {
    const qb = manager
      .createQueryBuilder(Appointment, 'a')
      .where('a.referral_id = :referralId', { referralId });
    return fetchKeysetPage(
      qb,
      {
        list: 'appointments-by-time',
        keys: [
          { column: 'a.starts_at', value: (a) => a.startsAt.toISOString() },
          { column: 'a.id', value: (a) => a.id },
        ],
        direction: 'ASC',
      },
      page,
    );
  }

  /** For each of the appointments that was rescheduled by linking, the one replacing it. */
  async successorsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; from: string }[]>(
      `SELECT id, rescheduled_from_id AS "from" FROM appointments
        WHERE rescheduled_from_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.from, r.id]));
  }

  /**
   * The providers' records of the appointments' accompaniments. Called only for a reader who
   * may read them: a record the reader may not read never leaves the database.
   */
  async attendancesOf(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, AppointmentAttendance>> {
    if (ids.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(AppointmentAttendance, 't')
      .where('t.appointment_id = ANY(:ids)', { ids })
      .getMany();
    return new Map(rows.map((r) => [r.appointmentId, r]));
  }

  insert(manager: EntityManager, appointment: Partial<Appointment>): Promise<Appointment> {
    return manager.save(Appointment, manager.create(Appointment, appointment));
  }

  updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: Partial<Pick<Appointment, PatchableField>>,
  ): Promise<boolean> {
    return updateAtVersion(manager, Appointment, id, version, patch);
  }

  /**
   * Links `successorId` as the replacement of `id` if it is still free: of the same referral,
   * without an outcome, replacing nothing yet. Its version moves (its representation changes).
   */
  async linkSuccessor(
    manager: EntityManager,
    id: string,
    successorId: string,
    referralId: string,
  ): Promise<boolean> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE appointments SET rescheduled_from_id = $1, version = version + 1, updated_at = now()
        WHERE id = $2 AND id <> $1 AND referral_id = $3
          AND outcome IS NULL AND rescheduled_from_id IS NULL`,
      [id, successorId, referralId],
    );
    return affected === 1;
  }

  /** Writes the record once; false when there is one already. */
  async insertAttendance(
    manager: EntityManager,
    attendance: Omit<AppointmentAttendance, 'id' | 'category'>,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO appointment_attendances
         (appointment_id, referral_id, author_organisation_id, meeting, note, recorded_by_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (appointment_id) DO NOTHING RETURNING appointment_id`,
      [
        attendance.appointmentId,
        attendance.referralId,
        attendance.authorOrganisationId,
        attendance.meeting,
        attendance.note,
        attendance.recordedById,
        attendance.recordedAt,
      ],
    );
    return rows.length === 1;
  }
}

type PatchableField =
  | 'accompanimentWished'
  | 'accompanimentWishRecordedBy'
  | 'accompanimentConfirmedAt'
  | 'outcome'
  | 'outcomeRecordedAt';
