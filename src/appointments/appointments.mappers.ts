import type { Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import type { Undisclosed } from '../confidentiality/disclosure';
import type { AppointmentView } from './appointment-view';
import type { AppointmentDto, AppointmentPageDto } from './dto/appointment.dto';

/**
 * The appointment as its DTO, before the disclosure step. The provider's record goes in only
 * when it was loaded (participation readable); the field rules check that again at output.
 */
export function toAppointmentDto(
  view: AppointmentView,
  readable: Readable,
): Undisclosed<AppointmentDto> {
  const { appointment: a, attendance: t } = view;
  const participation = readable.has(DataCategory.Participation);
  return {
    id: a.id,
    referralId: a.referralId,
    startsAt: a.startsAt,
    durationMinutes: a.durationMinutes,
    mode: a.mode,
    location: a.location,
    purpose: a.purpose,
    accompanimentWished: a.accompanimentWished,
    accompanimentWishRecordedBy: a.accompanimentWishRecordedBy,
    accompanimentConfirmedAt: a.accompanimentConfirmedAt,
    outcome: a.outcome,
    outcomeRecordedAt: a.outcomeRecordedAt,
    rescheduledFromId: a.rescheduledFromId,
    rescheduledToId: view.rescheduledToId,
    ...(participation
      ? {
          attendance: t
            ? {
                meeting: t.meeting,
                recordedAt: t.recordedAt,
                note: t.note,
                recordedById: t.recordedById,
              }
            : null,
        }
      : {}),
    nothingReleased: !participation,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toAppointmentPageDto(
  page: { items: AppointmentView[]; nextCursor: string | null },
  readable: Readable,
): Undisclosed<AppointmentPageDto> {
  return {
    items: page.items.map((v) => toAppointmentDto(v, readable)),
    nextCursor: page.nextCursor,
  };
}
