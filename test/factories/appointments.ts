import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccompanimentMeeting,
  AppointmentMode,
  AppointmentPurpose,
} from '../../src/appointments/appointment-codes';

/** A valid body for POST /referrals/{id}/appointments: in person, a week ahead. */
export function appointmentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    durationMinutes: 30,
    mode: AppointmentMode.InPerson,
    location: 'Jobcenter, Raum 2.14',
    purpose: AppointmentPurpose.CooperationPlan,
    ...overrides,
  };
}

export interface AppointmentSeed {
  referralId: string;
  /** The proposing case manager. */
  createdById: string;
  /** Minutes from now; negative for one that has begun (the API proposes future ones only). */
  startsInMinutes?: number;
  accompanimentWished?: boolean | null;
  /** Confirmed by the provider (needs the wish). */
  confirmed?: boolean;
  /** The provider's record of the accompaniment, by `recordedById` of `providerId`. */
  attendance?: {
    meeting: AccompanimentMeeting;
    providerId: string;
    recordedById: string;
    note?: string;
  };
}

/**
 * An appointment written straight into the table, so that tests can have one that has begun
 * (the API proposes future appointments only). Its id and version.
 */
export async function insertAppointment(
  app: INestApplication,
  seed: AppointmentSeed,
): Promise<{ id: string; version: number }> {
  const db = app.get(DataSource);
  const startsAt = new Date(Date.now() + (seed.startsInMinutes ?? -60) * 60_000);
  const wished = seed.accompanimentWished ?? null;
  const [row] = await db.query<{ id: string; version: number }[]>(
    `INSERT INTO appointments (referral_id, starts_at, duration_minutes, mode, location, purpose,
                               accompaniment_wished, accompaniment_wish_recorded_by,
                               accompaniment_confirmed_at, created_by_id)
     VALUES ($1, $2, 30, 'in_person', 'Jobcenter, Raum 1.01', 'counselling', $3,
             CASE WHEN $3::boolean IS NULL THEN NULL ELSE 'jobcenter'::appointment_party END,
             CASE WHEN $4 THEN now() END, $5)
     RETURNING id, version`,
    [seed.referralId, startsAt, wished, seed.confirmed ?? false, seed.createdById],
  );
  if (seed.attendance) {
    await db.query(
      `INSERT INTO appointment_attendances (appointment_id, referral_id, author_organisation_id,
                                            meeting, note, recorded_by_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        row.id,
        seed.referralId,
        seed.attendance.providerId,
        seed.attendance.meeting,
        seed.attendance.note ?? null,
        seed.attendance.recordedById,
      ],
    );
  }
  return { id: row.id, version: Number(row.version) };
}
