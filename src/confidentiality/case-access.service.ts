import { Injectable } from '@nestjs/common';
import { enumLiteral, paramsAdder } from '../common/sql/sql';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { OrganisationKind } from '../common/organisation-kind';
import {
  assignedWorkerOf,
  consentReadable,
  consentReleasedBy,
  grantInForceAt,
  releasedCategories,
} from './case-access';
import { ACTIVE_STATES, ReferralState } from '../common/referral-states';
import { EVERYTHING, type ContentCategory, type Readable } from './content-category';
import { refuseIfRestricted } from './restriction';
import type { DataCategory } from './data-category';

/** May the actor touch the client: as its jobcenter, or as the provider of open referrals. */
export interface ClientAccess {
  kind: 'owner' | 'provider';
  /** For a provider: the accepted, open referrals of the client it works. */
  referralIds: string[];
}

/** A release in force: a category of the releasing organisation's content of one referral. */
export interface EffectiveGrant {
  consentId: string;
  grantId: string;
  category: DataCategory;
  /** The purpose: the referral whose content the grant releases, and no other. */
  referralId: string;
  releasingOrganisationId: string;
  recipientOrganisationId: string;
  validUntil: Date | null;
}

/**
 * Which part of a client's disclosure record a reader sees: all of it, or the disclosures its
 * organisation is a party to; `categories: false` withholds the categories (the operator's
 * auditor oversees the platform and is party to no case).
 */
export type DisclosureRecordScope =
  { kind: 'all'; categories: boolean } | { kind: 'party'; organisationId: string };

/**
 * The grants in force at `$2` (null: the transaction's now) for the client `$1`, of the
 * records `visible` allows (a condition on alias `r`).
 */
const effectiveGrantsSql = (visible: string) => `
  WITH t AS (SELECT COALESCE($2::timestamptz, now()) AS at)
  SELECT r.id AS "consentId", g.id AS "grantId", g.category, r.referral_id AS "referralId",
         r.releasing_organisation_id AS "releasingOrganisationId",
         g.recipient_organisation_id AS "recipientOrganisationId",
         r.valid_until AS "validUntil"
    FROM t, consent_records r
    JOIN consent_grants g ON g.consent_id = r.id
   WHERE r.client_id = $1 AND ${grantInForceAt('r', 'g', 't.at')} AND ${visible}
   ORDER BY g.category, r.id`;

/** The categories released of one referral by its author to a reader, at `$5` (null: now). */
const READABLE = releasedCategories(
  { client: '$1', referral: '$2', author: '$3', reader: '$4' },
  'COALESCE($5::timestamptz, now())',
);

/**
 * An organisation party to a client's cases (ADR 0020): the owning jobcenter, the provider of a
 * referral sent to it, a recipient of a consent's grant, a partner that accepted an onward
 * referral of the client (ADR 0022; a partner that did not accept was never told who the client
 * is and is told nothing, whatever grants name it). `knowsClient`: it has been shown the
 * client's id (a provider from acceptance on); otherwise it knows only `referralId`.
 */
export interface ClientParty {
  organisationId: string;
  referralId: string | null;
  knowsClient: boolean;
}

/** The parties to the client `$1`'s cases, whatever their state and the restriction. */
const CLIENT_PARTIES = `
  SELECT c.jobcenter_id AS "organisationId", NULL::uuid AS "referralId", true AS "knowsClient"
    FROM clients c WHERE c.id = $1
  UNION
  SELECT r.provider_id, r.id, r.accepted_at IS NOT NULL
    FROM referrals r WHERE r.client_id = $1 AND r.state <> ${enumLiteral(ReferralState.Draft)}
  UNION
  SELECT g.recipient_organisation_id, cr.referral_id, true
    FROM consent_records cr JOIN consent_grants g ON g.consent_id = cr.id
   WHERE cr.client_id = $1
     AND NOT EXISTS (SELECT 1 FROM organisations po
                      WHERE po.id = g.recipient_organisation_id AND po.kind = 'partner')
  UNION
  SELECT o.partner_id, NULL::uuid, true
    FROM onward_referrals o
   WHERE o.client_id = $1 AND o.state <> ALL('{requested,declined}'::onward_referral_state[])`;

/**
 * Case access, the one place that answers (docs/architecture/0009) the two questions of
 * DESIGN's "Who sees what": may this actor touch this referral, client or consent record (the
 * conditions in `case-access.ts`, put into every read's WHERE clause), and which categories of
 * which referral's content may its organisation read now (purpose-bound consent).
 *
 * Callers run it in the same transaction as the read it guards (one snapshot: a read that starts
 * after a revocation committed never sees revoked content); the disclosure serializer checks
 * the output again. Read-only across the clients, referrals and consent tables.
 */
@Injectable()
export class CaseAccess {
  /**
   * The categories of the author's content of one referral the reader's organisation may read
   * now: everything of its own; of another's, exactly what the client's consent for that
   * referral grants it. Content that belongs to no referral is the author's alone.
   */
  /**
   * The organisations party to the client's cases, to tell them of its restriction or erasure
   * (ADR 0020); nobody else ever was shown anything of the client. Read before an erasure.
   */
  clientParties(manager: EntityManager, clientId: string): Promise<ClientParty[]> {
    return manager.query<ClientParty[]>(CLIENT_PARTIES, [clientId]);
  }

  async readable(
    manager: EntityManager,
    query: {
      readerOrganisationId: string;
      authorOrganisationId: string;
      clientId: string;
      referralId: string;
      at?: Date;
    },
  ): Promise<Readable> {
    if (query.readerOrganisationId === query.authorOrganisationId) return EVERYTHING;
    const rows = await manager.query<{ category: DataCategory }[]>(READABLE, [
      query.clientId,
      query.referralId,
      query.authorOrganisationId,
      query.readerOrganisationId,
      query.at ?? null,
    ]);
    return new Set<ContentCategory>(rows.map((r) => r.category));
  }

  /**
   * The grants in force for the client at `at` (default: the transaction's now): all of them,
   * or those `visibleTo` may read (of its own records all, of others' those to it).
   */
  async effectiveGrants(
    manager: EntityManager,
    clientId: string,
    options: { at?: Date; visibleTo?: Actor } = {},
  ): Promise<EffectiveGrant[]> {
    const params: unknown[] = [clientId, options.at ?? null];
    const viewer = options.visibleTo;
    const visible = viewer ? consentReadable(viewer, 'r', paramsAdder(params)) : 'TRUE';
    const grants = await manager.query<EffectiveGrant[]>(effectiveGrantsSql(visible), params);
    if (!viewer) return grants;
    return grants.filter(
      (g) =>
        g.releasingOrganisationId === viewer.organisationId ||
        g.recipientOrganisationId === viewer.organisationId,
    );
  }

  /**
   * Whether the organisation may read content of the referral at all, as its party: the
   * jobcenter that commissioned it, or the provider it was sent to. Nobody else holds the
   * referral, so no grant makes its content reach anybody else.
   */
  isPartyTo(
    organisationId: string,
    referral: { jobcenterId: string; providerId: string },
  ): boolean {
    return organisationId === referral.jobcenterId || organisationId === referral.providerId;
  }

  /**
   * Whether the actor's organisation may touch the client now: the jobcenter that owns the
   * client, or a provider working an accepted, open referral of the client (a provider worker:
   * one assigned to them). In the caller's transaction.
   */
  async clientAccess(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<ClientAccess | undefined> {
    const access = await this.clientAccessWhateverTheRestriction(manager, actor, clientId);
    if (access) await this.refuseIfRestricted(manager, actor, clientId, 'client');
    return access;
  }

  /**
   * Refuses (`ProcessingRestricted`) a client under restriction of processing to everybody but
   * the owning jobcenter's auditor (ADR 0020). Callers ask it after deciding the actor may
   * touch the client, so that a foreign client stays a 404.
   */
  async refuseIfRestricted(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
    resource: string,
  ): Promise<void> {
    const [client] = await manager.query<{ jobcenterId: string; restrictedAt: Date | null }[]>(
      'SELECT jobcenter_id AS "jobcenterId", restricted_at AS "restrictedAt" FROM clients WHERE id = $1',
      [clientId],
    );
    if (client) refuseIfRestricted(actor, client, resource);
  }

  /** `clientAccess` without the restriction: for revocations, which reveal nothing (ADR 0020). */
  async clientAccessWhateverTheRestriction(
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
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM referrals
        WHERE client_id = $1 AND provider_id = $2 AND state = ANY($3::referral_state[])
          AND ($4::uuid IS NULL OR assigned_worker_id = $4)`,
      [clientId, actor.organisationId, ACTIVE_STATES, assignedWorkerOf(actor)],
    );
    return rows.length > 0 ? { kind: 'provider', referralIds: rows.map((r) => r.id) } : undefined;
  }

  /** Whether the actor's organisation released a consent record about the client it may see. */
  async releasedConsentAbout(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<boolean> {
    const params: unknown[] = [clientId];
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM consent_records r
        WHERE r.client_id = $1 AND ${consentReleasedBy(actor, 'r', paramsAdder(params))} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  /**
   * Which part of the client's disclosure record (Art. 15 GDPR) the actor sees, or undefined:
   * - the jobcenter that owns the client (its case managers and auditors), the controller that
   *   answers the client's request: all of it;
   * - a provider working the client's case, or whose consent records about the client it may
   *   still see (to show the client what it passed on): the disclosures its organisation is
   *   party to; likewise a provider's auditor once a referral of the client was sent to it;
   * - the operator's auditor: all of it, without the categories.
   */
  async disclosureRecordScope(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<DisclosureRecordScope | undefined> {
    const scope = await this.disclosureRecordScopeWhateverTheRestriction(manager, actor, clientId);
    // Under restriction only the owning jobcenter's auditor reads the record (ADR 0020).
    if (scope) await this.refuseIfRestricted(manager, actor, clientId, 'client');
    return scope;
  }

  private async disclosureRecordScopeWhateverTheRestriction(
    manager: EntityManager,
    actor: Actor,
    clientId: string,
  ): Promise<DisclosureRecordScope | undefined> {
    const party: DisclosureRecordScope = { kind: 'party', organisationId: actor.organisationId };
    const auditor = actor.kind === 'user' && actor.roles.includes(Role.Auditor);
    switch (actor.organisationKind) {
      case OrganisationKind.Operator: {
        if (!auditor) return undefined;
        const [row] = await manager.query<unknown[]>('SELECT 1 FROM clients WHERE id = $1', [
          clientId,
        ]);
        return row ? { kind: 'all', categories: false } : undefined;
      }
      case OrganisationKind.Jobcenter:
        return (await this.clientAccess(manager, actor, clientId))
          ? { kind: 'all', categories: true }
          : undefined;
      case OrganisationKind.Partner:
        return undefined;
      case OrganisationKind.Provider: {
        if (auditor && (await this.wasReferredTo(manager, actor.organisationId, clientId))) {
          return party;
        }
        if (await this.clientAccess(manager, actor, clientId)) return party;
        return (await this.releasedConsentAbout(manager, actor, clientId)) ? party : undefined;
      }
    }
  }

  /** A referral of the client was sent to the provider (it is party to a case of the client). */
  async wasReferredTo(
    manager: EntityManager,
    providerId: string,
    clientId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM referrals WHERE client_id = $1 AND provider_id = $2 AND state <> ${enumLiteral(ReferralState.Draft)} LIMIT 1`,
      [clientId, providerId],
    );
    return rows.length > 0;
  }
}
