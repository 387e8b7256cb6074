import type { EntityManager } from 'typeorm';
import { ACTIVE_STATES, OPEN_STATES, ReferralState } from '../common/referral-states';
import { anyOf, enumLiteral, paramsAdder, type AddParam } from '../common/sql/sql';
import { referralVisible, type ReferralScope } from '../confidentiality/case-access';
import { clientRestricted } from '../confidentiality/restriction';
import { joinOrganisation } from '../identity/identity.sql';

/**
 * The referral tables as other modules may read them (docs/architecture/0016): a referral of a
 * client, its lock, its purpose, and counts for the statistics. Each is one query, as it was
 * where it came from; none returns case content.
 */

const TIME_ZONE = 'Europe/Berlin';

/** The calendar year (Europe/Berlin) the referral `r` (an alias) was sent. */
const YEAR_SENT = (r: string) => `extract(year FROM ${r}.sent_at AT TIME ZONE '${TIME_ZONE}')::int`;

/**
 * The referral if it is the client's and `referralOf` allows it: a jobcenter's own, or one of
 * the referrals the provider works.
 */
export async function findReferralOfClient(
  manager: EntityManager,
  clientId: string,
  referralId: string,
  referralOf: { jobcenterId: string } | { referralIds: string[] },
): Promise<{ id: string } | undefined> {
  const [row] = await manager.query<{ id: string }[]>(
    `SELECT id FROM referrals
        WHERE id = $1 AND client_id = $2
          AND ($3::uuid IS NULL OR jobcenter_id = $3)
          AND ($4::uuid[] IS NULL OR id = ANY($4::uuid[]))`,
    [
      referralId,
      clientId,
      'jobcenterId' in referralOf ? referralOf.jobcenterId : null,
      'referralIds' in referralOf ? referralOf.referralIds : null,
    ],
  );
  return row;
}

/**
 * Serialises changes that hang off one referral (the consents serving it): locks the row FOR NO
 * KEY UPDATE, which foreign-key checks do not wait for, and changes nothing.
 */
export async function lockReferral(manager: EntityManager, referralId: string): Promise<void> {
  await manager.query('SELECT 1 FROM referrals WHERE id = $1 FOR NO KEY UPDATE', [referralId]);
}

/** A referral as a purpose (of a consent, on its receipt): when it was made, from whom to whom. */
export interface ReferralPurposeRow {
  id: string;
  referredAt: Date;
  jobcenterName: string;
  providerName: string;
}

export async function findReferralPurpose(
  manager: EntityManager,
  referralId: string,
): Promise<ReferralPurposeRow | undefined> {
  const [row] = await manager.query<ReferralPurposeRow[]>(
    `SELECT f.id, COALESCE(f.sent_at, f.created_at) AS "referredAt",
              jc.name AS "jobcenterName", p.name AS "providerName"
         FROM referrals f
         ${joinOrganisation('jc', 'f.jobcenter_id')}
         ${joinOrganisation('p', 'f.provider_id')}
        WHERE f.id = $1`,
    [referralId],
  );
  return row;
}

/** The open referrals under the contract `contract` (an SQL expression), counted in SQL. */
export function openReferralsOf(contract: string, add: AddParam): string {
  return `(SELECT count(*)::int FROM referrals r
                WHERE r.contract_id = ${contract} AND r.state ${anyOf(add, OPEN_STATES, 'referral_state')})`;
}

/** Whose referrals a count is of: a jobcenter's own, or those sent to a provider. */
export type ReferralParty = { jobcenterId: string } | { providerId: string };

const columnOf = (party: ReferralParty) =>
  'jobcenterId' in party ? 'jobcenter_id' : 'provider_id';
const idOf = (party: ReferralParty) =>
  'jobcenterId' in party ? party.jobcenterId : party.providerId;

/** Ended referrals by the reason of their end; `released`: whether the reader may count it. */
export interface EndReasonCount {
  year: number;
  reason: string | null;
  released: boolean;
  n: number;
}

/** A referral's end as SQL expressions: the referral, its client, who ended it, its jobcenter. */
export interface ReferralEnd {
  referral: string;
  client: string;
  author: string;
  reader: string;
}

/**
 * The party's sent, ended referrals by the year they were sent and the reason of their end
 * (the last transition to `ended`). `released` is the condition on the end under which the
 * reader may count its reason; it runs inside the lateral lookup of the end, once per ended
 * referral (BENCHMARKS.md, statistics). Without it, every reason counts as released.
 */
export function countEndReasons(
  manager: EntityManager,
  party: ReferralParty,
  released: ((end: ReferralEnd) => string) | null,
): Promise<EndReasonCount[]> {
  const end: ReferralEnd = {
    client: 'r.client_id',
    referral: 'r.id',
    author: 'COALESCE(t.actor_organisation_id, r.provider_id)',
    reader: 'r.jobcenter_id',
  };
  return manager.query<EndReasonCount[]>(
    `SELECT ${YEAR_SENT('r')} AS year, e.reason,
              ${released ? 'COALESCE(e.released, FALSE)' : 'TRUE'} AS released,
              count(*)::int AS n
         FROM referrals r
         LEFT JOIN LATERAL (
           SELECT t.reason, ${released ? released(end) : 'TRUE'} AS released
             FROM referral_transitions t
            WHERE t.referral_id = r.id AND t.to_state = ${enumLiteral(ReferralState.Ended)}
            ORDER BY t.occurred_at DESC, t.id DESC
            LIMIT 1) e ON TRUE
        WHERE r.${columnOf(party)} = $1 AND r.state = ${enumLiteral(ReferralState.Ended)} AND r.sent_at IS NOT NULL
        GROUP BY 1, 2, 3`,
    [idOf(party)],
  );
}

/** First contacts by the year the referral was sent and whole days from acceptance. */
export interface FirstContactCount {
  year: number;
  measure: 'first_contact';
  days: number;
  n: number;
}

/**
 * The jobcenter's first contacts it may count: of the referrals among `released` (SQL of the
 * rows `referral_id, client_id, author` released to the reader `$1`) whose provider is that
 * author, as whole days from acceptance by the year sent. The released rows are computed once
 * and hash-joined: probing per referral cost one subquery for each of the tens of thousands
 * accepted (BENCHMARKS.md).
 */
export function countFirstContacts(
  manager: EntityManager,
  jobcenterId: string,
  released: (reader: string) => string,
): Promise<FirstContactCount[]> {
  return manager.query<FirstContactCount[]>(
    `WITH released AS MATERIALIZED (${released('$1')})
       SELECT ${YEAR_SENT('r')} AS year, 'first_contact' AS measure,
              floor(extract(epoch FROM r.first_contact_at - r.accepted_at) / 86400)::int AS days,
              count(*)::int AS n
         FROM referrals r
         JOIN released p ON p.referral_id = r.id AND p.client_id = r.client_id AND p.author = r.provider_id
        WHERE r.jobcenter_id = $1 AND r.state <> ${enumLiteral(ReferralState.Draft)} AND r.sent_at IS NOT NULL
          AND r.accepted_at IS NOT NULL AND r.first_contact_at IS NOT NULL
        GROUP BY 1, 2, 3`,
    [jobcenterId],
  );
}

/** The referrals booked under the contract `contract` (an SQL expression), as a subquery of ids. */
export function referralsUnderContract(contract: string): string {
  return `(SELECT u.id FROM referrals u WHERE u.contract_id = ${contract})`;
}

/**
 * The referrals under the contract that were in an active state (accepted, in progress, on
 * hold) at some moment of `[from, until)`, both `YYYY-MM-DD` days read in Europe/Berlin: from
 * the referral's history, each stay in a state lasting until the next transition (or now).
 * Billing's `active_case_month` (ADR 0023): states are commissioning data the jobcenter sees.
 */
export async function activeReferralsUnderContract(
  manager: EntityManager,
  contractId: string,
  from: string,
  until: string,
): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT DISTINCT s.referral_id AS id
       FROM (SELECT t.referral_id, t.to_state, t.occurred_at,
                    lead(t.occurred_at) OVER (PARTITION BY t.referral_id
                                              ORDER BY t.occurred_at, t.id) AS left_at
               FROM referral_transitions t
               JOIN referrals r ON r.id = t.referral_id
              WHERE r.contract_id = $1) s
      WHERE s.to_state = ANY($4::referral_state[])
        AND s.occurred_at < (CAST($3 AS date)::timestamp AT TIME ZONE '${TIME_ZONE}')
        AND (s.left_at IS NULL OR s.left_at > (CAST($2 AS date)::timestamp AT TIME ZONE '${TIME_ZONE}'))
      ORDER BY 1`,
    [contractId, from, until, ACTIVE_STATES],
  );
  return rows.map((r) => r.id);
}

/** A referral as an onward referral is made from it (ADR 0022): its parties and state. */
export interface ReferralForOnward {
  id: string;
  clientId: string;
  jobcenterId: string;
  providerId: string;
  state: ReferralState;
  assignedWorkerId: string | null;
}

/**
 * The referral if it is in the provider's scope (a worker: assigned to them; see
 * `referralVisible`), or undefined. No content, only its parties and state.
 */
export async function findReferralForOnward(
  manager: EntityManager,
  referralId: string,
  scope: ReferralScope,
): Promise<ReferralForOnward | undefined> {
  const params: unknown[] = [referralId];
  const [row] = await manager.query<ReferralForOnward[]>(
    `SELECT f.id, f.client_id AS "clientId", f.jobcenter_id AS "jobcenterId",
            f.provider_id AS "providerId", f.state, f.assigned_worker_id AS "assignedWorkerId"
       FROM referrals f
      WHERE f.id = $1 AND ${referralVisible(scope, 'f', paramsAdder(params))}`,
    params,
  );
  return row;
}

/** The referral whose id is the SQL expression `referral` is in `scope` (a condition). */
export function referralInScope(referral: string, scope: ReferralScope, add: AddParam): string {
  return `EXISTS (SELECT 1 FROM referrals sf WHERE sf.id = ${referral} AND ${referralVisible(scope, 'sf', add)})`;
}

/**
 * The referral whose id is the SQL expression `referral`, if in `scope`, as a CTE body for a
 * read that hangs off it (docs/architecture/0024): `id, client_id, jobcenter_id, provider_id,
 * state` and `restricted`, whether its client is under restriction of processing (ADR 0020; the
 * caller refuses it as `findVisible` does). No row: not there, or not the scope's.
 */
export function visibleReferralSql(referral: string, scope: ReferralScope, add: AddParam): string {
  return `SELECT f.id, f.client_id, f.jobcenter_id, f.provider_id, f.state,
         ${clientRestricted('f.client_id')} AS restricted
    FROM referrals f
   WHERE f.id = ${referral} AND ${referralVisible(scope, 'f', add)}`;
}
