import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { ResourceNotFound } from '../common/problem/domain-error';
import { OrganisationKind } from '../common/organisation-kind';
import { anyOf, enumLiteral, type AddParam } from '../common/sql/sql';
import { ACTIVE_STATES, ReferralState } from '../common/referral-states';
import type { DataCategory } from './data-category';

/**
 * The rules of case access as pure values and SQL conditions (docs/architecture/0009): who may
 * touch which referral, client and consent record. `CaseAccess` asks them in the database; every
 * module that reads case objects builds its WHERE clause from here, so that a new role or rule
 * changes this file only.
 */

/** How long after closing a provider still sees a referral (to submit the final report). */
export const PROVIDER_AFTERCARE_DAYS = 30;

/**
 * Whose referrals a caller sees. A jobcenter: its own. A provider: those sent to it (never
 * drafts), until 30 days after closing; a provider worker only those assigned to them.
 */
export type ReferralScope =
  | { kind: 'jobcenter'; jobcenterId: string }
  | { kind: 'provider'; providerId: string; workerId?: string };

/**
 * The one rule "a provider worker sees only the referrals assigned to them": the user id to
 * filter on, or null for everybody else (a provider lead and a provider system see all of
 * their organisation's referrals).
 */
export function assignedWorkerOf(actor: Actor): string | null {
  if (actor.organisationKind !== OrganisationKind.Provider || actor.kind !== 'user') return null;
  return actor.roles.includes(Role.ProviderLead) ? null : actor.userId;
}

/** Whose referrals the actor sees; an operator sees none (the admin reads no case content). */
export function referralScopeOf(actor: Actor): ReferralScope {
  if (actor.organisationKind === OrganisationKind.Jobcenter) {
    return { kind: 'jobcenter', jobcenterId: actor.organisationId };
  }
  if (actor.organisationKind === OrganisationKind.Provider) {
    const workerId = assignedWorkerOf(actor);
    return {
      kind: 'provider',
      providerId: actor.organisationId,
      ...(workerId ? { workerId } : {}),
    };
  }
  throw new ResourceNotFound('referral');
}

/** The scope's condition on the referral alias `f`. */
export function referralVisible(scope: ReferralScope, f: string, add: AddParam): string {
  if (scope.kind === 'jobcenter') return `${f}.jobcenter_id = ${add(scope.jobcenterId)}`;
  const conditions = [
    `${f}.provider_id = ${add(scope.providerId)}`,
    `${f}.state <> ${enumLiteral(ReferralState.Draft)}`,
    `(${f}.closed_at IS NULL OR ${f}.closed_at > now() - interval '${PROVIDER_AFTERCARE_DAYS} days')`,
  ];
  if (scope.workerId) conditions.push(`${f}.assigned_worker_id = ${add(scope.workerId)}`);
  return conditions.join(' AND ');
}

/**
 * "May the actor touch the client now" as a condition on the SQL expression `client`: the
 * jobcenter that owns the client, or a provider working an accepted, open referral of it (a
 * worker: one assigned to them). Nobody else.
 */
export function clientReachable(actor: Actor, client: string, add: AddParam): string {
  if (actor.organisationKind === OrganisationKind.Jobcenter) {
    return clientOfJobcenter(client, add(actor.organisationId));
  }
  if (actor.organisationKind !== OrganisationKind.Provider) return 'FALSE';
  const worker = assignedWorkerOf(actor);
  return `EXISTS (SELECT 1 FROM referrals cf
     WHERE cf.client_id = ${client} AND cf.provider_id = ${add(actor.organisationId)}
       AND cf.state ${anyOf(add, ACTIVE_STATES, 'referral_state')}${worker ? ` AND cf.assigned_worker_id = ${add(worker)}` : ''})`;
}

/** The client `client` belongs to the jobcenter `jobcenter` (SQL expressions). */
export function clientOfJobcenter(client: string, jobcenter: string): string {
  return `EXISTS (SELECT 1 FROM clients c WHERE c.id = ${client} AND c.jobcenter_id = ${jobcenter})`;
}

/**
 * The provider `provider` works an accepted, open referral of the client `client`; a worker
 * (`worker`, null for the whole provider) one assigned to them. SQL expressions, for queries
 * built with named parameters: the condition, and the parameters it binds itself.
 */
export function providerWorksClient(
  client: string,
  provider: string,
  worker: string,
): { condition: string; parameters: { activeStates: readonly ReferralState[] } } {
  return {
    condition: `EXISTS (SELECT 1 FROM referrals f WHERE f.client_id = ${client}
            AND f.provider_id = ${provider} AND f.state = ANY(CAST(:activeStates AS referral_state[]))
            AND (CAST(${worker} AS uuid) IS NULL OR f.assigned_worker_id = ${worker}))`,
    parameters: { activeStates: ACTIVE_STATES },
  };
}

/**
 * The referral whose id is the text expression `referralId` was accepted at some time: from
 * then on its provider knows the client, so a disclosure record may link the referral's
 * earlier events to the client (docs/architecture/0009).
 */
export function referralWasAccepted(referralId: string): string {
  return `EXISTS (SELECT 1 FROM referrals f
                   WHERE f.id::text = ${referralId} AND f.accepted_at IS NOT NULL)`;
}

/**
 * The consent records (alias `r`) the actor's organisation released: for as long as they
 * exist, whatever became of the referral, so that revocation stays possible (Art. 7(3) GDPR).
 * A provider worker: those serving a referral assigned to them.
 */
export function consentReleasedBy(actor: Actor, r: string, add: AddParam): string {
  const worker = assignedWorkerOf(actor);
  const own = `${r}.releasing_organisation_id = ${add(actor.organisationId)}`;
  if (!worker) return own;
  return `(${own} AND EXISTS (SELECT 1 FROM referrals rf
     WHERE rf.id = ${r}.referral_id AND rf.assigned_worker_id = ${add(worker)}))`;
}

/**
 * The consent records (alias `r`) the actor may read: those its organisation released, and
 * those granting something to it while it may touch the client. A recipient sees of them only
 * its own grants (the caller filters the grants).
 */
export function consentReadable(actor: Actor, r: string, add: AddParam): string {
  return `(${consentReleasedBy(actor, r, add)} OR (EXISTS (
     SELECT 1 FROM consent_grants vg
      WHERE vg.consent_id = ${r}.id AND vg.recipient_organisation_id = ${add(actor.organisationId)})
     AND ${clientReachable(actor, `${r}.client_id`, add)}))`;
}

/**
 * The consent records (alias `r`) in which the actor may record a revocation: those its
 * organisation released, and, for the jobcenter that owns the client, every record about the
 * client (the client may tell the jobcenter instead of the provider).
 */
export function consentRevocable(actor: Actor, r: string, add: AddParam): string {
  const released = consentReleasedBy(actor, r, add);
  if (actor.organisationKind !== OrganisationKind.Jobcenter) return released;
  return `(${released} OR ${clientReachable(actor, `${r}.client_id`, add)})`;
}

/**
 * The one definition of "in force" (docs/architecture/0005): the grant `g` of the record `r` at
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

/**
 * Purpose binding (docs/architecture/0009): a grant of the record `r` releases the releasing
 * organisation's content of the referral the record names, and nothing of any other referral.
 * The condition that the record serves the referral `referral` (an SQL expression) of the
 * client `client`, released by `author` to `reader`.
 */
export function releasedFor(
  r: string,
  g: string,
  q: { client: string; referral: string; author: string; reader: string },
): string {
  return `${r}.client_id = ${q.client} AND ${r}.referral_id = ${q.referral}
     AND ${r}.releasing_organisation_id = ${q.author} AND ${g}.recipient_organisation_id = ${q.reader}`;
}

/** A referral's content as an aggregate asks about it (SQL expressions). */
export interface ReleaseQuestion {
  client: string;
  referral: string;
  author: string;
  reader: string;
}

/**
 * The categories of the author's content of one referral released to the reader at `at` (SQL
 * expressions), as rows `category`: purpose-bound consent (`releasedFor`, `grantInForceAt`) as
 * a subquery, for `CaseAccess.readable` and for reads that decide it in their own statement.
 */
export function releasedCategories(q: ReleaseQuestion, at: string): string {
  return `
  SELECT DISTINCT g.category
    FROM consent_records r
    JOIN consent_grants g ON g.consent_id = r.id
   WHERE ${releasedFor('r', 'g', q)}
     AND ${grantInForceAt('r', 'g', at)}`;
}

/**
 * A grant in force at `at` releases `category` of the author's content of the referral to the
 * reader (`releasedFor`, `grantInForceAt`): the consent condition of aggregate reads.
 */
export function categoryReleased(category: DataCategory, q: ReleaseQuestion, at: string): string {
  return `EXISTS (
            SELECT 1 FROM consent_records cr JOIN consent_grants g ON g.consent_id = cr.id
             WHERE ${releasedFor('cr', 'g', q)}
               AND g.category = ${enumLiteral(category)} AND ${grantInForceAt('cr', 'g', at)})`;
}

/**
 * The releases of `category` in force now to the organisation `reader` (an SQL expression), as
 * rows `referral_id, client_id, author`: what an aggregate may count of others' content.
 */
export function releasesInForceTo(reader: string, category: DataCategory): string {
  return `
         SELECT DISTINCT cr.referral_id, cr.client_id, cr.releasing_organisation_id AS author
           FROM consent_grants g JOIN consent_records cr ON cr.id = g.consent_id
          WHERE g.recipient_organisation_id = ${reader} AND g.category = ${enumLiteral(category)}
            AND ${grantInForceAt('cr', 'g', 'now()')}`;
}

/**
 * The next instant after now at which a grant of `category` to `reader` starts or stops being in
 * force by time alone (a validity starts or ends, a revocation takes effect), as one row `at`
 * (null when there is none).
 */
export function nextReleaseChangeTo(reader: string, category: DataCategory): string {
  return `SELECT min(v.at) AS at
         FROM consent_grants g
         JOIN consent_records cr ON cr.id = g.consent_id
        CROSS JOIN LATERAL (VALUES (cr.valid_from), (cr.valid_until), (cr.recorded_at), (g.revoked_at)) v(at)
        WHERE g.recipient_organisation_id = ${reader} AND g.category = ${enumLiteral(category)} AND v.at > now()`;
}

/**
 * Onward referrals (ADR 0022): the fact of the onward referral `o` (alias of
 * `onward_referrals`) is its provider's case content of the referral it was made from, of the
 * onward referral's category. The condition that the client's consent for that referral,
 * released by that provider, grants the category to `reader` (an SQL expression) now. The
 * partner sees an onward referral only while it holds (its grant is its consent to the onward
 * referral; a revocation ends its access on the next request), the jobcenter only as released.
 */
export function onwardReferralReleasedTo(o: string, reader: string): string {
  return `EXISTS (
            SELECT 1 FROM consent_records ocr JOIN consent_grants og ON og.consent_id = ocr.id
             WHERE ${releasedFor('ocr', 'og', {
               client: `${o}.client_id`,
               referral: `${o}.referral_id`,
               author: `${o}.provider_id`,
               reader,
             })}
               AND og.category = ${o}.category AND ${grantInForceAt('ocr', 'og', 'now()')})`;
}

/**
 * Which onward referrals (alias `o`) the actor sees, as a condition: the partner those made to
 * it while its consent holds; the referring provider those of the referrals it sees
 * (`referralOf`: the condition that the referral `o.referral_id` is in the provider's scope);
 * the jobcenter those of its clients as far as released to it. Nobody else any.
 */
export function onwardReferralVisible(
  actor: Actor,
  o: string,
  add: AddParam,
  referralInScope: (referral: string, scope: ReferralScope) => string,
): string {
  switch (actor.organisationKind) {
    case OrganisationKind.Partner:
      return `(${o}.partner_id = ${add(actor.organisationId)} AND ${onwardReferralReleasedTo(o, `${o}.partner_id`)})`;
    case OrganisationKind.Provider:
      return `(${o}.provider_id = ${add(actor.organisationId)} AND ${referralInScope(`${o}.referral_id`, referralScopeOf(actor))})`;
    case OrganisationKind.Jobcenter:
      return `(${o}.jobcenter_id = ${add(actor.organisationId)} AND ${onwardReferralReleasedTo(o, `${o}.jobcenter_id`)})`;
    default:
      return 'FALSE';
  }
}
