import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { onwardReferralVisible } from '../confidentiality/case-access';
import { clientRestricted } from '../confidentiality/restriction';
import { anyOf, paramsAdder } from '../common/sql/sql';
import { joinOrganisation } from '../identity/identity.sql';
import { referralInScope } from '../referrals/referrals.sql';
import type { DataCategory } from '../confidentiality/data-category';
import { OnwardReferralState, PLACE_HOLDING_STATES } from './onward-referral-state';

/** An agreement with both parties' names and the places taken now. */
export interface PartnerAgreementRow {
  id: string;
  jobcenterId: string;
  jobcenterName: string;
  partnerId: string;
  partnerName: string;
  category: DataCategory;
  reservedPlaces: number;
  placesTaken: number;
  validFrom: string;
  validUntil: string | null;
  createdAt: Date;
}

export interface OnwardReferralRow {
  id: string;
  referralId: string;
  clientId: string;
  jobcenterId: string;
  providerId: string;
  partnerId: string;
  agreementId: string;
  category: DataCategory;
  state: OnwardReferralState;
  createdAt: Date;
  decidedAt: Date | null;
  uptakeRecordedAt: Date | null;
}

/** Whose agreements: a jobcenter's own, a partner's own, or (a provider choosing) all valid. */
export type AgreementScope = { jobcenterId: string } | { partnerId: string } | { validOn: string };

const TODAY = "(now() AT TIME ZONE 'Europe/Berlin')::date";

const AGREEMENT_COLUMNS = (add: (v: unknown) => string) => `
  a.id, a.jobcenter_id AS "jobcenterId", jc.name AS "jobcenterName",
  a.partner_id AS "partnerId", pt.name AS "partnerName", a.category,
  a.reserved_places AS "reservedPlaces",
  (SELECT count(*)::int FROM onward_referrals o
    WHERE o.agreement_id = a.id AND o.state ${anyOf(add, PLACE_HOLDING_STATES, 'onward_referral_state')}) AS "placesTaken",
  to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(a.valid_until, 'YYYY-MM-DD') AS "validUntil", a.created_at AS "createdAt"`;

const ONWARD_COLUMNS = `o.id, o.referral_id AS "referralId", o.client_id AS "clientId",
  o.jobcenter_id AS "jobcenterId", o.provider_id AS "providerId", o.partner_id AS "partnerId",
  o.agreement_id AS "agreementId", o.category, o.state, o.created_at AS "createdAt",
  o.decided_at AS "decidedAt", o.uptake_recorded_at AS "uptakeRecordedAt"`;

/** The SQL of partner agreements and onward referrals (ADR 0022). */
@Injectable()
export class PartnersRepository {
  async listAgreements(
    manager: EntityManager,
    scope: AgreementScope,
    page: { limit: number; after?: string },
  ): Promise<PartnerAgreementRow[]> {
    const params: unknown[] = [];
    const add = paramsAdder(params);
    const where =
      'jobcenterId' in scope
        ? `a.jobcenter_id = ${add(scope.jobcenterId)}`
        : 'partnerId' in scope
          ? `a.partner_id = ${add(scope.partnerId)}`
          : `a.valid_from <= ${add(scope.validOn)}::date
             AND (a.valid_until IS NULL OR a.valid_until >= ${add(scope.validOn)}::date)
             AND jc.active AND pt.active`;
    return manager.query<PartnerAgreementRow[]>(
      `SELECT ${AGREEMENT_COLUMNS(add)}
         FROM partner_agreements a
         ${joinOrganisation('jc', 'a.jobcenter_id')}
         ${joinOrganisation('pt', 'a.partner_id')}
        WHERE ${where} ${page.after ? `AND a.id > ${add(page.after)}::uuid` : ''}
        ORDER BY a.id LIMIT ${add(page.limit + 1)}`,
      params,
    );
  }

  async findAgreement(
    manager: EntityManager,
    id: string,
  ): Promise<PartnerAgreementRow | undefined> {
    const params: unknown[] = [id];
    const [row] = await manager.query<PartnerAgreementRow[]>(
      `SELECT ${AGREEMENT_COLUMNS(paramsAdder(params))}
         FROM partner_agreements a
         ${joinOrganisation('jc', 'a.jobcenter_id')}
         ${joinOrganisation('pt', 'a.partner_id')}
        WHERE a.id = $1`,
      params,
    );
    return row;
  }

  async insertAgreement(
    manager: EntityManager,
    row: {
      jobcenterId: string;
      partnerId: string;
      category: DataCategory;
      reservedPlaces: number;
      validFrom: string;
      validUntil: string | null;
    },
  ): Promise<string> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO partner_agreements
         (jobcenter_id, partner_id, category, reserved_places, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        row.jobcenterId,
        row.partnerId,
        row.category,
        row.reservedPlaces,
        row.validFrom,
        row.validUntil,
      ],
    );
    return inserted.id;
  }

  /**
   * The agreement of the jobcenter with the active partner valid today, locked
   * (`SELECT … FOR UPDATE`) until the caller's transaction ends: concurrent onward referrals
   * under it queue up behind each other, so that the count of places taken is exact.
   */
  async lockValidAgreement(
    manager: EntityManager,
    jobcenterId: string,
    partnerId: string,
  ): Promise<{ id: string; category: DataCategory; reservedPlaces: number } | undefined> {
    const [row] = await manager.query<
      { id: string; category: DataCategory; reservedPlaces: number }[]
    >(
      `SELECT a.id, a.category, a.reserved_places AS "reservedPlaces"
         FROM partner_agreements a
        WHERE a.jobcenter_id = $1 AND a.partner_id = $2
          AND a.valid_from <= ${TODAY} AND (a.valid_until IS NULL OR a.valid_until >= ${TODAY})
        FOR UPDATE OF a`,
      [jobcenterId, partnerId],
    );
    return row;
  }

  /** How many onward referrals hold a place under the agreement now. */
  async placesTaken(manager: EntityManager, agreementId: string): Promise<number> {
    const params: unknown[] = [agreementId];
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM onward_referrals o
        WHERE o.agreement_id = $1
          AND o.state ${anyOf(paramsAdder(params), PLACE_HOLDING_STATES, 'onward_referral_state')}`,
      params,
    );
    return row.n;
  }

  /** Whether an onward referral of the referral to the partner is asked or accepted now. */
  async openExists(
    manager: EntityManager,
    referralId: string,
    partnerId: string,
  ): Promise<boolean> {
    const params: unknown[] = [referralId, partnerId];
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM onward_referrals o
        WHERE o.referral_id = $1 AND o.partner_id = $2
          AND o.state ${anyOf(paramsAdder(params), PLACE_HOLDING_STATES, 'onward_referral_state')}`,
      params,
    );
    return rows.length > 0;
  }

  async insertOnward(
    manager: EntityManager,
    row: Omit<
      OnwardReferralRow,
      'id' | 'state' | 'createdAt' | 'decidedAt' | 'uptakeRecordedAt'
    > & {
      createdBy: string;
    },
  ): Promise<string> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO onward_referrals
         (referral_id, client_id, jobcenter_id, provider_id, partner_id, agreement_id, category,
          created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        row.referralId,
        row.clientId,
        row.jobcenterId,
        row.providerId,
        row.partnerId,
        row.agreementId,
        row.category,
        row.createdBy,
      ],
    );
    return inserted.id;
  }

  /**
   * The onward referrals the actor sees (case access's rule), optionally of one referral; a
   * list leaves out clients under restriction (ADR 0020).
   */
  async listVisible(
    manager: EntityManager,
    actor: Actor,
    filter: { referralId?: string; limit: number; after?: string },
  ): Promise<OnwardReferralRow[]> {
    const params: unknown[] = [];
    const add = paramsAdder(params);
    const visible = onwardReferralVisible(actor, 'o', add, (referral, scope) =>
      referralInScope(referral, scope, add),
    );
    return manager.query<OnwardReferralRow[]>(
      `SELECT ${ONWARD_COLUMNS} FROM onward_referrals o
        WHERE ${visible} AND NOT ${clientRestricted('o.client_id')}
          ${filter.referralId ? `AND o.referral_id = ${add(filter.referralId)}` : ''}
          ${filter.after ? `AND o.id > ${add(filter.after)}::uuid` : ''}
        ORDER BY o.id LIMIT ${add(filter.limit + 1)}`,
      params,
    );
  }

  /** One onward referral if the actor sees it; `lock`: FOR UPDATE, for a change. */
  async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<OnwardReferralRow | undefined> {
    const params: unknown[] = [id];
    const add = paramsAdder(params);
    const visible = onwardReferralVisible(actor, 'o', add, (referral, scope) =>
      referralInScope(referral, scope, add),
    );
    const [row] = await manager.query<OnwardReferralRow[]>(
      `SELECT ${ONWARD_COLUMNS} FROM onward_referrals o
        WHERE o.id = $1 AND ${visible} ${lock ? 'FOR UPDATE OF o' : ''}`,
      params,
    );
    return row;
  }

  /** Moves the onward referral from `from` to `to`; false if it was no longer in `from`. */
  async transition(
    manager: EntityManager,
    id: string,
    from: OnwardReferralState,
    to: OnwardReferralState,
  ): Promise<boolean> {
    const column = from === OnwardReferralState.Requested ? 'decided_at' : 'uptake_recorded_at';
    const rows = await manager.query<unknown[]>(
      `UPDATE onward_referrals SET state = $3, ${column} = now()
        WHERE id = $1 AND state = $2 RETURNING id`,
      [id, from, to],
    );
    return rows.length > 0;
  }
}
