import { clientRestricted } from '../confidentiality/restriction';
import { Injectable } from '@nestjs/common';
import { paramsAdder, type AddParam } from '../common/sql/sql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { DataCategory } from '../confidentiality/data-category';
import type { Actor } from '../auth/actor';
import {
  consentReadable,
  consentRevocable,
  providerWorksClient,
} from '../confidentiality/case-access';
import type { OrganisationKind } from '../common/organisation-kind';
import { joinOrganisation, joinUser } from '../identity/identity.sql';
import { ConsentGrant } from './consent-grant.entity';
import { ConsentRecord, type ConsentEvidenceForm } from './consent-record.entity';

/** The database's clock, cut to the columns' precision: never later than the commit. */
const NOW_MS = "date_trunc('milliseconds', now())";

/**
 * When a record is recorded (docs/architecture/0005): the database's clock at the insert, cut to
 * the columns' precision, and at least a millisecond after the record it replaces. The chain of
 * changes is then also the order in time: "in force at" never finds two records of one chain in
 * force at one instant, and the history lists a record after the one it replaces. The
 * transaction's start (`now()`) would not do: a request that began before another committed its
 * change, and read that change after the referral's lock, would date its own record earlier.
 *
 * The time also stays no later than the commit, so that a read starting after the change sees
 * it: where the replaced record is dated within the current millisecond, the statement first
 * sleeps into the next one (`pg_sleep` in the subquery runs before the outer `clock_timestamp()`;
 * at most a second, for a clock set back; `GREATEST` keeps the order even then).
 */
const RECORDED_AT = `(SELECT GREATEST(date_trunc('milliseconds', clock_timestamp()), w.next)
   FROM (SELECT max(s.recorded_at) + interval '1 millisecond' AS next,
                count(*) FILTER (WHERE pg_sleep(LEAST(1, GREATEST(0, EXTRACT(EPOCH FROM
                  s.recorded_at + interval '1 millisecond' - clock_timestamp())))) IS NULL)
           FROM consent_records s WHERE s.id = CAST(:supersedesId AS uuid)) w)`;

/**
 * A consent record as one organisation may see it, with the names its views show. The
 * neighbours in the chain of changes are given only when that organisation may see them too.
 */
export interface ConsentRecordRow {
  id: string;
  clientId: string;
  referralId: string;
  releasingOrganisationId: string;
  releasingName: string;
  templateId: string;
  templateKey: string;
  templateVersion: number;
  templateTitle: string;
  validFrom: Date;
  validUntil: Date | null;
  evidenceForm: ConsentEvidenceForm;
  givenOn: string;
  documentReference: string | null;
  recordedBy: string;
  recorderName: string | null;
  recorderOrganisationId: string | null;
  recordedAt: Date;
  /** Whether a newer record replaced it (even one the viewer may not see). */
  superseded: boolean;
  /** `validUntil` has passed, by the database's clock. */
  expired: boolean;
  supersedesId: string | null;
  supersededById: string | null;
}

export interface ConsentGrantRow {
  id: string;
  consentId: string;
  category: DataCategory;
  recipientOrganisationId: string;
  recipientName: string;
  recipientKind: OrganisationKind;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokerName: string | null;
  revokerOrganisationId: string | null;
}

/** Whose expiring consents a caller lists: its own releases, a provider worker's own cases. */
export interface ExpiringScope {
  releasingOrganisationId: string;
  /** Providers: only clients of an accepted, open referral (of this worker, if set). */
  provider?: { workerId: string | null };
}

/**
 * A consent record with the names its views show, for the records `visible` (a condition on
 * an alias, built by case access for the reader) allows. The neighbours in the chain of
 * changes are given only when the reader may see them too.
 */
function recordView(visible: (alias: string) => string): string {
  return `
  SELECT r.id, r.client_id AS "clientId", r.referral_id AS "referralId",
         r.releasing_organisation_id AS "releasingOrganisationId", ro.name AS "releasingName",
         r.template_id AS "templateId", t.key AS "templateKey", t.version AS "templateVersion",
         t.title AS "templateTitle",
         r.valid_from AS "validFrom", r.valid_until AS "validUntil",
         r.evidence_form AS "evidenceForm", r.given_on::text AS "givenOn",
         r.document_reference AS "documentReference",
         r.recorded_by AS "recordedBy", u.display_name AS "recorderName",
         u.organisation_id AS "recorderOrganisationId", r.recorded_at AS "recordedAt",
         s.id IS NOT NULL AS superseded,
         (r.valid_until IS NOT NULL AND r.valid_until <= now()) AS expired,
         CASE WHEN ${visible('p')} THEN p.id END AS "supersedesId",
         CASE WHEN ${visible('s')} THEN s.id END AS "supersededById"
    FROM consent_records r
    JOIN consent_templates t ON t.id = r.template_id
    ${joinOrganisation('ro', 'r.releasing_organisation_id')}
    ${joinUser('u', 'r.recorded_by', 'LEFT JOIN')}
    LEFT JOIN consent_records p ON p.id = r.supersedes_id
    LEFT JOIN consent_records s ON s.supersedes_id = r.id
   WHERE ${visible('r')}`;
}

/** The record view of what `actor` may read, its parameters appended to `params`. */
function readableView(actor: Actor, params: unknown[]): string {
  const add: AddParam = paramsAdder(params);
  return recordView((alias) => consentReadable(actor, alias, add));
}

/** A grant the client took back, as `revokeAllAbout` answers it. */
export interface RevokedGrantRow {
  id: string;
  consentId: string;
  category: DataCategory;
  recipientOrganisationId: string;
}

/**
 * Consent records and their grants (one aggregate). Records are only ever inserted, grants only
 * revoked; the database refuses anything else. Reads take the viewer's organisation, so that
 * records it may not see are missing ones. Names come from the identity module's joins
 * (`identity.sql.ts`), read-only.
 */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The records of the client the actor may read, oldest first. */
  listVisibleForClient(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<ConsentRecordRow[]> {
    const params: unknown[] = [clientId];
    return manager.query<ConsentRecordRow[]>(
      `${readableView(actor, params)} AND r.client_id = $1 ORDER BY r.recorded_at, r.id`,
      params,
    );
  }

  /** The record if the actor may read it, else undefined. */
  async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ConsentRecordRow | undefined> {
    const params: unknown[] = [id];
    const [row] = await manager.query<ConsentRecordRow[]>(
      `${readableView(actor, params)} AND r.id = $1`,
      params,
    );
    return row;
  }

  /**
   * The record if the actor may record a revocation in it (case access's rule: its own
   * releases whatever became of the referral, and for the client's jobcenter every record
   * about the client); the neighbours only where the actor may read them.
   */
  async findRevocable(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ConsentRecordRow | undefined> {
    const params: unknown[] = [id];
    const add = paramsAdder(params);
    const view = recordView((alias) =>
      alias === 'r' ? consentRevocable(actor, alias, add) : consentReadable(actor, alias, add),
    );
    const [row] = await manager.query<ConsentRecordRow[]>(`${view} AND r.id = $1`, params);
    return row;
  }

  /**
   * Revokes, from the database's now, every grant in force of the client's records in which
   * the actor may record a revocation (of the categories, if given): the client takes back at
   * once what it released. Replaced records are left as they are (nothing of them is in force).
   */
  async revokeAllAbout(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    categories: readonly DataCategory[] | null,
    revokedBy: string,
  ): Promise<RevokedGrantRow[]> {
    const params: unknown[] = [clientId, categories, revokedBy];
    const revocable = consentRevocable(actor, 'r', paramsAdder(params));
    // For an UPDATE, TypeORM answers [rows, affected].
    const [rows] = await manager.query<[RevokedGrantRow[], number]>(
      `UPDATE consent_grants g SET revoked_at = ${NOW_MS}, revoked_by = $3
         FROM consent_records r
        WHERE g.consent_id = r.id AND r.client_id = $1 AND g.revoked_at IS NULL
          AND ($2::data_category[] IS NULL OR g.category = ANY($2::data_category[]))
          AND NOT EXISTS (SELECT 1 FROM consent_records s WHERE s.supersedes_id = r.id)
          AND ${revocable}
        RETURNING g.id, g.consent_id AS "consentId", g.category,
                  g.recipient_organisation_id AS "recipientOrganisationId"`,
      params,
    );
    return rows;
  }

  /** Every grant of the records (unfiltered: the caller decides what a viewer sees). */
  grantsOf(manager: EntityManager, consentIds: string[]): Promise<ConsentGrantRow[]> {
    if (consentIds.length === 0) return Promise.resolve([]);
    return manager.query<ConsentGrantRow[]>(
      `SELECT g.id, g.consent_id AS "consentId", g.category,
              g.recipient_organisation_id AS "recipientOrganisationId",
              o.name AS "recipientName", o.kind AS "recipientKind",
              g.revoked_at AS "revokedAt", g.revoked_by AS "revokedBy",
              u.display_name AS "revokerName", u.organisation_id AS "revokerOrganisationId"
         FROM consent_grants g
         ${joinOrganisation('o', 'g.recipient_organisation_id')}
         ${joinUser('u', 'g.revoked_by', 'LEFT JOIN')}
        WHERE g.consent_id = ANY($1::uuid[])
        ORDER BY g.category, o.name, g.id`,
      [consentIds],
    );
  }

  /** The record of this client, organisation and referral that no other replaced yet. */
  async findCurrent(
    manager: EntityManager,
    key: { clientId: string; releasingOrganisationId: string; referralId: string },
  ): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT r.id FROM consent_records r
        WHERE r.client_id = $1 AND r.releasing_organisation_id = $2 AND r.referral_id = $3
          AND NOT EXISTS (SELECT 1 FROM consent_records s WHERE s.supersedes_id = r.id)
        ORDER BY r.recorded_at DESC, r.id DESC
        LIMIT 1`,
      [key.clientId, key.releasingOrganisationId, key.referralId],
    );
    return row?.id ?? null;
  }

  /** Inserts the record and its grants; recorded (and by default valid) from the database's now. */
  async insert(
    manager: EntityManager,
    record: Omit<ConsentRecord, 'id' | 'recordedAt' | 'validFrom'> & { validFrom: Date | null },
    grants: { category: DataCategory; recipientOrganisationId: string }[],
  ): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ConsentRecord)
      .values({
        ...record,
        validFrom: record.validFrom ?? (() => NOW_MS),
        recordedAt: () => RECORDED_AT,
      })
      .setParameter('supersedesId', record.supersedesId)
      .returning(['id'])
      .execute();
    const [{ id }] = result.raw as { id: string }[];
    await manager.insert(
      ConsentGrant,
      grants.map((g) => ({ consentId: id, ...g })),
    );
    return id;
  }

  /** Revokes those of the grants not revoked yet (by the database's clock); returns them. */
  async revoke(
    manager: EntityManager,
    consentId: string,
    grantIds: string[],
    revokedBy: string,
  ): Promise<{ id: string; category: DataCategory }[]> {
    // For an UPDATE, TypeORM answers [rows, affected].
    const [rows] = await manager.query<[{ id: string; category: DataCategory }[], number]>(
      `UPDATE consent_grants SET revoked_at = ${NOW_MS}, revoked_by = $3
        WHERE consent_id = $1 AND id = ANY($2::uuid[]) AND revoked_at IS NULL
        RETURNING id, category`,
      [consentId, grantIds, revokedBy],
    );
    return rows;
  }

  /**
   * Records the scope released, in force now (not replaced, some grant not revoked), whose
   * validity ends within `withinDays` days: soonest first.
   */
  listExpiring(
    scope: ExpiringScope,
    withinDays: number,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsentRecord>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ConsentRecord, 'r')
      .where('r.releasing_organisation_id = :org', { org: scope.releasingOrganisationId })
      .andWhere('r.valid_until > now()')
      .andWhere('r.valid_until <= now() + make_interval(days => :days)', { days: withinDays })
      .andWhere('NOT EXISTS (SELECT 1 FROM consent_records s WHERE s.supersedes_id = r.id)')
      // A restricted client's consents are left out of the worklist (ADR 0020).
      .andWhere(`NOT ${clientRestricted('r.client_id')}`)
      .andWhere(
        'EXISTS (SELECT 1 FROM consent_grants g WHERE g.consent_id = r.id AND g.revoked_at IS NULL)',
      );
    if (scope.provider) {
      const works = providerWorksClient('r.client_id', ':org', ':worker');
      qb.andWhere(works.condition, { worker: scope.provider.workerId, ...works.parameters });
    }
    return fetchKeysetPage(
      qb,
      {
        list: 'consents-by-expiry',
        keys: [
          { column: 'r.valid_until', value: (r) => (r.validUntil as Date).toISOString() },
          { column: 'r.id', value: (r) => r.id },
        ],
        direction: 'ASC',
      },
      page,
    );
  }

  /** The grants of the records not revoked yet. */
  grantsInForce(manager: EntityManager, consentIds: string[]): Promise<ConsentGrant[]> {
    if (consentIds.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(ConsentGrant, 'g')
      .where('g.consent_id IN (:...consentIds)', { consentIds })
      .andWhere('g.revoked_at IS NULL')
      .orderBy('g.category')
      .getMany();
  }
}
