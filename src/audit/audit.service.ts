import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { auditActorOf, type Actor, type AuditActorFields } from '../auth/actor';
import type { Page } from '../common/pagination/page';
import { OrganisationKind } from '../common/organisation-kind';
import { ACTION_FORMAT, type AuditAction } from './audit-actions';
import {
  AuditActorKind,
  AuditOutcomeKind,
  type AuditDetails,
  type AuditEvent,
} from './audit-event.entity';
import { AuditMetrics, type AuditEventFacts } from './audit-metrics';
import { auditEventAsSeenBy } from './audit-visibility';
import {
  AuditEventRepository,
  type AuditEventFilter,
  type AuditReadScope,
  type NewAuditEvent,
} from './audit-event.repository';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry extends AuditActorFields {
  /** One of the catalogue (`audit-actions.ts`): a plain string does not compile. */
  action: AuditAction;
  outcome: AuditOutcome;
  /** e.g. `user`, `organisation`, `api_key`, `route`; at most 64 characters. */
  resourceType?: string;
  /** Usually a uuid; for `access.denied` the route, e.g. `GET /api/v1/users`. At most 200. */
  resourceId?: string;
  /** The client whose data was involved. */
  clientId?: string;
  /** The data categories disclosed (docs/domain.md, "Data categories"). */
  categories?: readonly string[];
  requestId?: string;
  /** Small facts about the event; never case content. */
  details?: AuditDetails;
}

/** An entry whose actor and request id come from the authenticated actor. */
export type ActorAuditEntry = Omit<AuditEntry, keyof AuditActorFields | 'requestId'>;

export type AuditEventQuery = AuditEventFilter & { limit: number; cursor?: string };

/** A caller passed an event the trail cannot store: a bug in the caller, never user input. */
export class InvalidAuditEntry extends Error {
  constructor(problems: string[]) {
    super(`Invalid audit entry: ${problems.join('; ')}`);
    this.name = 'InvalidAuditEntry';
  }
}

const CATEGORY = /^[a-z][a-z0-9_]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CATEGORIES = 32;
const MAX_DETAILS_JSON = 4096;

/** What is wrong with an entry (none: it may be written); the writers' one validation. */
export function problemsOf(entry: AuditEntry): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  check(Object.values<string>(AuditActorKind).includes(entry.actorKind), 'unknown actorKind');
  check(Object.values<string>(AuditOutcomeKind).includes(entry.outcome), 'unknown outcome');
  // The form, not the catalogue: the compiler holds the app's writers to the catalogue.
  check(ACTION_FORMAT.test(entry.action), 'action must be area.verb, ≤ 64');
  for (const [name, value] of [
    ['actorId', entry.actorId],
    ['organisationId', entry.organisationId],
    ['clientId', entry.clientId],
  ] as const) {
    check(value == null || UUID.test(value), `${name} must be a uuid`);
  }
  check((entry.resourceType?.length ?? 0) <= 64, 'resourceType longer than 64');
  check((entry.resourceId?.length ?? 0) <= 200, 'resourceId longer than 200');
  check((entry.requestId?.length ?? 0) <= 128, 'requestId longer than 128');
  const categories = entry.categories ?? [];
  check(
    categories.length <= MAX_CATEGORIES && categories.every((c) => CATEGORY.test(c)),
    'categories must be category names',
  );
  check(
    entry.details === undefined || JSON.stringify(entry.details).length <= MAX_DETAILS_JSON,
    `details larger than ${MAX_DETAILS_JSON} characters of JSON`,
  );
  return problems;
}

function toRow(entry: AuditEntry): NewAuditEvent {
  return {
    actorKind: entry.actorKind as AuditActorKind,
    actorId: entry.actorId,
    organisationId: entry.organisationId,
    action: entry.action,
    outcome: entry.outcome as AuditOutcomeKind,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    clientId: entry.clientId ?? null,
    categories: [...new Set(entry.categories ?? [])],
    requestId: entry.requestId ?? null,
    details: entry.details ?? null,
  };
}

/** An auditor reads their own organisation's events; the operator's auditors read all. */
export function auditReadScopeOf(actor: Actor): AuditReadScope {
  return actor.organisationKind === OrganisationKind.Operator
    ? { kind: 'all' }
    : { kind: 'organisation', organisationId: actor.organisationId };
}

/** Writes audit events and lists them for auditors. Sealing is `AuditSealer`'s job. */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: AuditEventRepository,
    private readonly metrics: AuditMetrics,
  ) {}

  /**
   * Writes the event inside the caller's transaction (same commit as the change it records).
   * Only an INSERT: the event is sealed later, so no business transaction waits for the chain.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const problems = problemsOf(entry);
    if (problems.length > 0) throw new InvalidAuditEntry(problems);
    await this.events.insert(manager, toRow(entry));
    this.metrics.observe(entry);
  }

  /**
   * Counts an event that a statement wrote itself through `auditInsertSql` (audit-insert.sql.ts),
   * after the statement, with what it wrote: the same metrics as `record`.
   */
  wrote(event: AuditEventFacts): void {
    this.metrics.observe(event);
  }

  /** What an authenticated actor did, inside the caller's transaction. */
  recordBy(manager: EntityManager, actor: Actor, entry: ActorAuditEntry): Promise<void> {
    return this.record(manager, { ...auditActorOf(actor), requestId: actor.requestId, ...entry });
  }

  /**
   * Writes the event in its own short transaction (e.g. a failed login, a denied request).
   * Never call it while holding a transaction: on the embedded database that transaction
   * owns the only session, and this write would wait for it forever. Use `record` instead.
   */
  recordAlone(entry: AuditEntry): Promise<void> {
    // One INSERT statement is its own transaction, the trigger's queue entry included.
    return this.record(this.dataSource.manager, entry);
  }

  /**
   * What people of the operator organisations did concerning one organisation, newest first:
   * its lead's view of the operator's actions in it (ADR 0008). The caller checks the reader.
   */
  async listOperatorActions(
    organisationId: string,
    operatorOrganisationIds: readonly string[],
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEvent>> {
    const scope: AuditReadScope = { kind: 'organisation', organisationId };
    const found = await this.events.listConcerning(organisationId, operatorOrganisationIds, page);
    return { ...found, items: found.items.map((event) => auditEventAsSeenBy(scope, event)) };
  }

  /** The events `actor` may read that match the query, newest first, as it may read them. */
  async list(actor: Actor, query: AuditEventQuery): Promise<Page<AuditEvent>> {
    const { limit, cursor, ...filter } = query;
    const scope = auditReadScopeOf(actor);
    const page = await this.events.listVisible(scope, filter, { limit, cursor });
    return { ...page, items: page.items.map((event) => auditEventAsSeenBy(scope, event)) };
  }
}
