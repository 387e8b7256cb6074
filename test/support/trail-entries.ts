import type { AuditEntry } from '../../src/audit/audit.service';

/**
 * An entry as the audit trail's own tests write it: any `area.verb` action, most of them
 * outside the catalogue on purpose (`test.*`), so that no real event matches their filters. The
 * trail stores whatever well-formed action it is given; the catalogue is the contract of the
 * app's writers, and the compiler holds them to it.
 */
export type TrailTestEntry = Omit<AuditEntry, 'action'> & { action: string };

export function asAuditEntry(entry: TrailTestEntry): AuditEntry {
  return entry as AuditEntry;
}
