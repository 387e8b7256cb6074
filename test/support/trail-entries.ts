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

/** A system event `test.audit` about the resource `test`/`tag`, as the sealing tests write it. */
export function testTrailEntry(tag: string, overrides: Partial<TrailTestEntry> = {}): AuditEntry {
  return asAuditEntry({
    actorKind: 'system',
    actorId: null,
    organisationId: null,
    action: 'test.audit',
    outcome: 'success',
    resourceType: 'test',
    resourceId: tag,
    ...overrides,
  });
}
