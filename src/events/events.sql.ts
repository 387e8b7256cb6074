import type { AddParam } from '../common/sql/sql';
import type { EventType } from './event-types';

/**
 * "An event of this type about this object was announced already" as a condition on the SQL
 * expression `subjectId`, for jobs that announce a state reached by time (a consent's expiry),
 * so that each instance may run them and none announces twice (ADR 0019). Events are pruned
 * after `EVENTS_RETENTION_DAYS`; a caller looks back no further than that.
 */
export function eventAnnounced(type: EventType, subjectId: string, add: AddParam): string {
  return `EXISTS (SELECT 1 FROM events ev WHERE ev.type = ${add(type)} AND ev.subject_id = ${subjectId})`;
}

/** Serialises such jobs across instances, in the caller's transaction (no-op on PGlite). */
export const ANNOUNCE_LOCK_SQL = 'SELECT pg_advisory_xact_lock(7190019)';
