import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { OrganisationKind } from '../identity/organisation.entity';
import { ACTIVE_STATES } from '../referrals/referral-state';
import type { EntityManager } from 'typeorm';
import { EVERYTHING, type ContentCategory, type Readable } from './content-category';
import type { DataCategory } from './data-category';

const ACTIVE = ACTIVE_STATES.map((s) => `'${s}'`).join(', ');

/** May the actor touch the client: as its jobcenter, or as the provider of open referrals. */
export interface ClientAccess {
  kind: 'owner' | 'provider';
  /** For a provider: the accepted, open referrals of the client it works. */
  referralIds: string[];
}

/** A release in force: a category of the releasing organisation's content, to a recipient. */
export interface EffectiveGrant {
  consentId: string;
  grantId: string;
  category: DataCategory;
  releasingOrganisationId: string;
  recipientOrganisationId: string;
  validUntil: Date | null;
}

/**
 * The one definition of "in force" (DESIGN.md, "Consent"): the grant `g` of the record `r` at
 * the instant `at` (an SQL expression). The record existed then (recorded and valid), was not
 * superseded by then, and the grant was not revoked by then. Exported as SQL so that aggregate
 * queries (statistics) use the very same rule instead of a copy.
 */
export function grantInForceAt(r: string, g: string, at: string): string {
  return `${r}.recorded_at <= ${at} AND ${r}.valid_from <= ${at}
     AND (${r}.valid_until IS NULL OR ${r}.valid_until > ${at})
     AND (${g}.revoked_at IS NULL OR ${g}.revoked_at > ${at})
     AND NOT EXISTS (
       SELECT 1 FROM consent_records s WHERE s.supersedes_id = ${r}.id AND s.recorded_at <= ${at})`;
}

/** The grants in force at `$2` (null: the transaction's now) for the client `$1`. */
const EFFECTIVE_GRANTS = `
  WITH t AS (SELECT COALESCE($2::timestamptz, now()) AS at)
  SELECT r.id AS "consentId", g.id AS "grantId", g.category,
         r.releasing_organisation_id AS "releasingOrganisationId",
         g.recipient_organisation_id AS "recipientOrganisationId",
         r.valid_until AS "validUntil"
    FROM t, consent_records r
    JOIN consent_grants g ON g.consent_id = r.id
   WHERE r.client_id = $1 AND ${grantInForceAt('r', 'g', 't.at')}
   ORDER BY g.category, r.id`;

/**
 * The disclosure policy, the one place that answers: which categories of an author's content
 * about a client may a reader's organisation read now? The author reads all of its own content;
 * any other organisation exactly the categories the client's effective consent grants it.
 *
 * Callers run it in the same transaction as the read it guards (one snapshot: a read that starts
 * after a revocation committed never sees revoked content) and put the answer into the read's
 * WHERE clause; the disclosure serializer checks the output again.
 */
@Injectable()
export class DisclosurePolicy {
  async readable(
    manager: EntityManager,
    query: {
      readerOrganisationId: string;
      authorOrganisationId: string;
      clientId: string;
      at?: Date;
    },
  ): Promise<Readable> {
    if (query.readerOrganisationId === query.authorOrganisationId) return EVERYTHING;
    const grants = await this.effectiveGrants(manager, query.clientId, query.at);
    return new Set<ContentCategory>(
      grants
        .filter(
          (g) =>
            g.releasingOrganisationId === query.authorOrganisationId &&
            g.recipientOrganisationId === query.readerOrganisationId,
        )
        .map((g) => g.category),
    );
  }

  /** Every grant in force for the client at `at` (default: the transaction's now). */
  effectiveGrants(manager: EntityManager, clientId: string, at?: Date): Promise<EffectiveGrant[]> {
    return manager.query<EffectiveGrant[]>(EFFECTIVE_GRANTS, [clientId, at ?? null]);
  }

  /**
   * Whether the actor's organisation may touch the client at all (DESIGN.md, "Who sees what",
   * question 1): the jobcenter that owns the client, or a provider working an accepted, open
   * referral of the client (a provider worker: one assigned to them). Read-only across the
   * clients and referrals tables, in the caller's transaction.
   */
  async clientAccess(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<ClientAccess | undefined> {
    if (actor.organisationKind === OrganisationKind.Jobcenter) {
      const rows = await manager.query<unknown[]>(
        'SELECT 1 FROM clients WHERE id = $1 AND jobcenter_id = $2',
        [clientId, actor.organisationId],
      );
      return rows.length > 0 ? { kind: 'owner', referralIds: [] } : undefined;
    }
    if (actor.organisationKind !== OrganisationKind.Provider) return undefined;
    const worker = actor.kind === 'user' && !actor.roles.includes(Role.ProviderLead);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM referrals
        WHERE client_id = $1 AND provider_id = $2 AND state IN (${ACTIVE})
          AND ($3::uuid IS NULL OR assigned_worker_id = $3)`,
      [clientId, actor.organisationId, worker && actor.kind === 'user' ? actor.userId : null],
    );
    return rows.length > 0 ? { kind: 'provider', referralIds: rows.map((r) => r.id) } : undefined;
  }
}
