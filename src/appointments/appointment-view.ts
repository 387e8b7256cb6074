import type { Readable } from '../confidentiality/content-category';
import type { AppointmentAttendance } from './appointment-attendance.entity';
import type { Appointment } from './appointment.entity';

/** An appointment as one reader reads it. */
export interface AppointmentView {
  appointment: Appointment;
  rescheduledToId: string | null;
  /** The provider's record; loaded only where the reader may read participation. */
  attendance: AppointmentAttendance | null;
}

/** An appointment with the categories of the provider's content its reader may read. */
export interface AppointmentRead {
  view: AppointmentView;
  readable: Readable;
}
