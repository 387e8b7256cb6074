import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { CanonicalEventRow } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { CLIENT_WITHHELD } from './audit-visibility';

/** What an event row holds before the database assigns its id and time. */
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'occurredAt'>;

/**
 * Whose events a reader may list: an auditor reads their own organisation's events, an
 * operator's auditor reads all. Required by every list, so an unscoped read is written on purpose.
 */
export type AuditReadScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string };

export interface AuditEventFilter {
  action?: string;
  outcome?: AuditEvent['outcome'];
  actorId?: string;
  organisationId?: string;
  clientId?: string;
  resourceType?: string;
  resourceId?: string;
  /** ISO timestamp with offset; inclusive. */
  from?: string;
  /** ISO timestamp with offset; exclusive. */
  to?: string;
}

// Sealer and verifier both read events through this one statement, so that they hash exactly
// the same text. The time is rendered here, in UTC with microseconds, so that neither the
// session's TimeZone nor its DateStyle (nor the driver's Date, which drops microseconds) matter.
const CANONICAL_EVENTS_SQL = `
  SELECT e."id"::text AS "id",
         to_char(e."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
         e."actor_kind"::text AS "actorKind",
         e."actor_id"::text AS "actorId",
         e."organisation_id"::text AS "organisationId",
         e."action" AS "action",
         e."resource_type" AS "resourceType",
         e."resource_id" AS "resourceId",
         e."client_id"::text AS "clientId",
         e."categories" AS "categories",
         e."request_id" AS "requestId",
         e."outcome"::text AS "outcome",
         e."details" AS "details"
    FROM "audit_events" e
   WHERE e."id" = ANY($1::bigint[])
   ORDER BY e."id"`;

@Injectable()
export class AuditEventRepository {
  constructor(@InjectRepository(AuditEvent) private readonly repo: Repository<AuditEvent>) {}

  /** Inserts in `manager`'s transaction; a trigger queues the event for sealing in the same one. */
  async insert(manager: EntityManager, event: NewAuditEvent): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(event)
      .updateEntity(false)
      .execute();
  }

  /** The events with these ids in canonical form, ordered by id; missing ids are left out. */
  async readCanonical(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<CanonicalEventRow[]> {
    if (ids.length === 0) return [];
    return await manager.query<CanonicalEventRow[]>(CANONICAL_EVENTS_SQL, [ids]);
  }

  /**
   * Events of people acting for one of `actorOrganisationIds` that concern the organisation
   * `subjectOrganisationId` (named in `details.organisationId`), newest first. Served by the
   * expression index `audit_events_subject_organisation_idx`.
   */
  listConcerning(
    subjectOrganisationId: string,
    actorOrganisationIds: readonly string[],
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEvent>> {
    const qb = this.repo
      .createQueryBuilder('e')
      .where(`e.details ? 'organisationId' AND e.details ->> 'organisationId' = :subject`, {
        subject: subjectOrganisationId,
      })
      .andWhere(`e.actorKind = 'user' AND e.organisationId = ANY(:actors)`, {
        actors: actorOrganisationIds,
      });
    return fetchKeysetPage(
      qb,
      {
        list: 'audit-events-concerning',
        keys: [{ column: 'e.id', value: (e) => e.id }],
        direction: 'DESC',
      },
      page,
    );
  }

  /** Events visible in `scope` that match `filter`, newest first. */
  listVisible(
    scope: AuditReadScope,
    filter: AuditEventFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEvent>> {
    const qb = this.repo.createQueryBuilder('e');
    if (scope.kind === 'organisation') {
      qb.andWhere('e.organisationId = :scopeOrganisationId', {
        scopeOrganisationId: scope.organisationId,
      });
    }
    if (filter.action !== undefined) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.outcome !== undefined) {
      qb.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
    }
    if (filter.actorId !== undefined) {
      qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter.organisationId !== undefined) {
      qb.andWhere('e.organisationId = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.clientId !== undefined) {
      // An event whose client id is withheld from its readers is not found by it either.
      qb.andWhere('e.clientId = :clientId', { clientId: filter.clientId }).andWhere(
        `NOT COALESCE((e.details ->> '${CLIENT_WITHHELD}')::boolean, false)`,
      );
    }
    if (filter.resourceType !== undefined) {
      qb.andWhere('e.resourceType = :resourceType', { resourceType: filter.resourceType });
    }
    if (filter.resourceId !== undefined) {
      qb.andWhere('e.resourceId = :resourceId', { resourceId: filter.resourceId });
    }
    if (filter.from !== undefined) {
      qb.andWhere('e.occurredAt >= :from', { from: filter.from });
    }
    if (filter.to !== undefined) qb.andWhere('e.occurredAt < :to', { to: filter.to });
    return fetchKeysetPage(
      qb,
      {
        list: 'audit-events',
        keys: [{ column: 'e.id', value: (e) => e.id }],
        direction: 'DESC',
      },
      page,
    );
  }
}
