/*
 * The oracle of the referral-lifecycle model test: who may see what, written from docs/domain.md
 * ("Referral workflow", "Who sees what", "Consent") and ADRs 0004–0006, not from src/. It
 * imports nothing from the application on purpose: if the code and these rules disagree, the
 * test says so.
 */

export const CATEGORIES = [
  'participation',
  'goals',
  'debts',
  'housing',
  'health',
  'mental_health',
  'family',
  'correspondence',
  'summary',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type ProviderKey = 'P1' | 'P2';
export type JobcenterKey = 'A' | 'B';
export type OrgKey = JobcenterKey | ProviderKey;
export type Role = 'caseworker' | 'lead' | 'worker';

export const USERS = {
  cwA: { org: 'A', role: 'caseworker' },
  cwB: { org: 'B', role: 'caseworker' },
  leadP1: { org: 'P1', role: 'lead' },
  leadP2: { org: 'P2', role: 'lead' },
  workerP1: { org: 'P1', role: 'worker' },
  otherWorkerP1: { org: 'P1', role: 'worker' },
  workerP2: { org: 'P2', role: 'worker' },
  otherWorkerP2: { org: 'P2', role: 'worker' },
} as const satisfies Record<string, { org: OrgKey; role: Role }>;
export type UserKey = keyof typeof USERS;
export const USER_KEYS = Object.keys(USERS) as UserKey[];

export const LEAD: Record<ProviderKey, UserKey> = { P1: 'leadP1', P2: 'leadP2' };
export const WORKERS: Record<ProviderKey, [UserKey, UserKey]> = {
  P1: ['workerP1', 'otherWorkerP1'],
  P2: ['workerP2', 'otherWorkerP2'],
};
export const otherProvider = (p: ProviderKey): ProviderKey => (p === 'P1' ? 'P2' : 'P1');

export type State =
  | 'draft'
  | 'requested'
  | 'accepted'
  | 'in_progress'
  | 'on_hold'
  | 'completed'
  | 'ended'
  | 'rejected'
  | 'cancelled';
export type Action =
  'send' | 'accept' | 'reject' | 'start' | 'pause' | 'resume' | 'complete' | 'end' | 'cancel';

const WORKED: State[] = ['accepted', 'in_progress', 'on_hold'];

/** docs/domain.md's transition table: from which states, to which, and who. */
const TRANSITIONS: Record<Action, { from: State[]; to: State; by: Role[] }> = {
  send: { from: ['draft'], to: 'requested', by: ['caseworker'] },
  accept: { from: ['requested'], to: 'accepted', by: ['lead'] },
  reject: { from: ['requested'], to: 'rejected', by: ['lead'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['lead', 'worker'] },
  pause: { from: ['in_progress'], to: 'on_hold', by: ['lead', 'worker'] },
  resume: { from: ['on_hold'], to: 'in_progress', by: ['lead', 'worker'] },
  complete: { from: WORKED, to: 'completed', by: ['lead', 'worker'] },
  end: { from: WORKED, to: 'ended', by: ['lead', 'worker'] },
  cancel: { from: ['requested', ...WORKED], to: 'cancelled', by: ['caseworker'] },
};

/**
 * The category of a transition's reason when it is case content (the sanction firewall): why
 * the work ended is participation; a pause for a hospital stay is health, any other pause
 * participation. Reasons of reject, cancel and complete are commissioning data.
 */
export function reasonCategory(action: Action, reason: string | null): Category | null {
  if (action === 'end') return 'participation';
  if (action === 'pause' && reason) return reason === 'hospital_stay' ? 'health' : 'participation';
  return null;
}

/** A grant's recipient: a jobcenter, or the partner clinic C (ADR 0022). */
export type RecipientKey = JobcenterKey | 'C';
export interface GrantM {
  id: string;
  category: Category;
  to: RecipientKey;
  revoked: boolean;
}
export type OnwardState = 'requested' | 'accepted' | 'declined' | 'took_up' | 'did_not_take_up';
/** An onward referral of the referral to the partner clinic C (ADR 0022). */
export interface OnwardM {
  id: string;
  state: OnwardState;
}
export interface RecordM {
  id: string;
  grants: GrantM[];
  superseded: boolean;
}
export interface SectionM {
  category: Category;
  text: string;
}
export interface ReportM {
  id: string;
  kind: 'initial' | 'interim' | 'final';
  sections: SectionM[];
  submitted: boolean;
}
export interface HistoryM {
  action: Action | null;
  toState: State;
  reason: string | null;
  category: Category | null;
}
/** An outreach contact or attempt: participation content; its note provider-internal. */
export interface ActivityM {
  id: string;
  reached: boolean;
  occurredAt: string;
}
export interface ReferralM {
  id: string;
  client: number;
  provider: ProviderKey;
  state: State;
  worker: UserKey | null;
  accepted: boolean;
  history: HistoryM[];
  /** One chain of consent records (releasing: the provider), oldest first. */
  records: RecordM[];
  reports: ReportM[];
  activities: ActivityM[];
  onward: OnwardM[];
}
/** An Idempotency-Key whose first request succeeded: a retry must replay its answer. */
export interface KeyM {
  key: string;
  referral: number;
}
export interface Model {
  referrals: ReferralM[];
  disabled: Set<UserKey>;
  keys: KeyM[];
}

export const emptyModel = (): Model => ({ referrals: [], disabled: new Set(), keys: [] });

export const isWorked = (s: State) => WORKED.includes(s);

// ---------------------------------------------------------------------------------------------
// Question 1: may the actor touch the object at all?

/**
 * A jobcenter sees its own referrals. A provider: those sent to it (never drafts; closed ones
 * for 30 days, which a run never outlasts); a worker only those assigned to them.
 */
export function seesReferral(user: UserKey, r: ReferralM): boolean {
  const { org, role } = USERS[user];
  if (role === 'caseworker') return org === 'A';
  return org === r.provider && r.state !== 'draft' && (role === 'lead' || r.worker === user);
}

/** The provider reads the client's record only while it works the case. */
export function seesClientRecord(user: UserKey, r: ReferralM): boolean {
  if (USERS[user].role === 'caseworker') return USERS[user].org === 'A';
  return seesReferral(user, r) && isWorked(r.state);
}

/** The referrals through which a provider user may touch the client (consent routes). */
export function workedReferralsOf(m: Model, user: UserKey, client: number): ReferralM[] {
  const { org, role } = USERS[user];
  return m.referrals.filter(
    (r) =>
      r.client === client &&
      r.provider === org &&
      isWorked(r.state) &&
      (role === 'lead' || r.worker === user),
  );
}

export function touchesClient(m: Model, user: UserKey, client: number): boolean {
  if (USERS[user].role === 'caseworker') return USERS[user].org === 'A';
  return workedReferralsOf(m, user, client).length > 0;
}

/**
 * The referrals whose consent records the provider user reads and revokes as the releasing
 * organisation: its organisation's, whatever became of them (revocation is always possible);
 * a worker those assigned to them.
 */
export function releasedBy(user: UserKey, r: ReferralM): boolean {
  const { org, role } = USERS[user];
  return org === r.provider && (role === 'lead' || r.worker === user);
}

/**
 * Whether the consent routes of the client answer the user at all: it touches the client now,
 * or its organisation released a record about the client that the user may read.
 */
export function reachesConsentsOf(m: Model, user: UserKey, client: number): boolean {
  return (
    touchesClient(m, user, client) ||
    m.referrals.some((r) => r.client === client && r.records.length > 0 && releasedBy(user, r))
  );
}

// ---------------------------------------------------------------------------------------------
// Question 2: which categories of which referral? The author reads everything; any other
// organisation exactly what the records serving that very referral (its consent's purpose),
// released by that author, grant it now. Nothing of another referral of the same client.

/** Grants in force: the current record of each chain, unrevoked. */
export function grantsInForce(r: ReferralM): GrantM[] {
  return r.records
    .filter((rec) => !rec.superseded)
    .flatMap((rec) => rec.grants.filter((g) => !g.revoked));
}

/** What the referral's own records (its provider's chain) release to the reader now. */
export function released(r: ReferralM, reader: RecipientKey): Set<Category> {
  return new Set(
    grantsInForce(r)
      .filter((g) => g.to === reader)
      .map((g) => g.category),
  );
}

/** The reports as the jobcenter A reads them: submitted only, released sections only. */
export function jobcenterReports(r: ReferralM): { id: string; sections: SectionM[] }[] {
  const open = released(r, 'A');
  return r.reports
    .filter((rep) => rep.submitted)
    .map((rep) => ({ id: rep.id, sections: rep.sections.filter((s) => open.has(s.category)) }));
}

/** The history as the jobcenter A reads it: case-content reasons only where released. */
export function jobcenterHistory(r: ReferralM): [Action | null, State, string | null][] {
  const open = released(r, 'A');
  return r.history.map((h) => [
    h.action,
    h.toState,
    h.category === null || open.has(h.category) ? h.reason : null,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Expected statuses of writes. Order of the answers: authentication (401), the route's
// permission (403), the object's scope (404), then the rules of the object (409/422).

const PERMITTED: Record<string, Role[]> = {
  'referral.create': ['caseworker'],
  'report.create': ['lead', 'worker'],
  'referral.assign': ['lead'],
  'activity.create': ['lead', 'worker'],
  'consent.record': ['caseworker', 'lead', 'worker'],
  'consent.revoke': ['caseworker', 'lead', 'worker'],
};

function gate(m: Model, user: UserKey, permitted: Role[]): number | null {
  if (m.disabled.has(user)) return 401;
  if (!permitted.includes(USERS[user].role)) return 403;
  return null;
}

export function expectRefer(m: Model, user: UserKey): number {
  // Both clients of a run belong to jobcenter A; B's case manager finds no such client.
  return gate(m, user, PERMITTED['referral.create']) ?? (USERS[user].org === 'A' ? 201 : 404);
}

export function expectAction(
  m: Model,
  user: UserKey,
  r: ReferralM,
  action: Action,
  assignee?: UserKey,
): number {
  const t = TRANSITIONS[action];
  const early = gate(m, user, t.by);
  if (early !== null) return early;
  if (!seesReferral(user, r)) return 404;
  if (!t.from.includes(r.state)) return 409;
  if (action === 'accept' && (!assignee || !assignable(m, assignee, r.provider))) return 422;
  return 200;
}

/** Whether the action leaves from the state (to aim commands at referrals where it can). */
export function leavesFrom(action: Action, state: State): boolean {
  return TRANSITIONS[action].from.includes(state);
}

export function nextState(action: Action): State {
  return TRANSITIONS[action].to;
}

/** The first successful contact, derived from the activities (the earliest one reached). */
export function firstContact(r: ReferralM): string | null {
  const reached = r.activities.filter((a) => a.reached).map((a) => Date.parse(a.occurredAt));
  return reached.length === 0 ? null : new Date(Math.min(...reached)).toISOString();
}

/** The provider logs a contact while it works the case. */
export function expectActivity(m: Model, user: UserKey, r: ReferralM): number {
  const early = gate(m, user, PERMITTED['activity.create']);
  if (early !== null) return early;
  if (!seesReferral(user, r)) return 404;
  return isWorked(r.state) ? 201 : 409;
}

/** A lead hands a worked case to another active member of the provider. */
export function expectAssign(m: Model, user: UserKey, r: ReferralM, assignee: UserKey): number {
  const early = gate(m, user, PERMITTED['referral.assign']);
  if (early !== null) return early;
  if (!seesReferral(user, r)) return 404;
  if (!isWorked(r.state)) return 409;
  return assignable(m, assignee, r.provider) ? 200 : 422;
}

function assignable(m: Model, user: UserKey, provider: ProviderKey): boolean {
  return USERS[user].org === provider && !m.disabled.has(user);
}

/**
 * A new report: on a referral the caller sees that was accepted; initial and interim while it
 * is worked, a final one also after it closed (within 30 days).
 */
export function expectReport(m: Model, user: UserKey, r: ReferralM, kind: ReportM['kind']): number {
  const early = gate(m, user, PERMITTED['report.create']);
  if (early !== null) return early;
  if (!seesReferral(user, r)) return 404;
  if (!r.accepted) return 409;
  if (isWorked(r.state)) return 201;
  return kind === 'final' ? 201 : 409;
}

/** A retry with a known key: the stored answer for whoever sees the referral now. */
export function expectReplay(m: Model, user: UserKey, r: ReferralM, sameBody: boolean): number {
  const early = gate(m, user, PERMITTED['report.create']);
  if (early !== null) return early;
  if (!seesReferral(user, r)) return 404;
  return sameBody ? 201 : 422;
}

/** A provider records consent for a case it works (the referral is the purpose). */
export function expectConsent(m: Model, user: UserKey, r: ReferralM): number {
  const early = gate(m, user, PERMITTED['consent.record']);
  if (early !== null) return early;
  return workedReferralsOf(m, user, r.client).includes(r) ? 201 : 404;
}

/**
 * A revocation (DESIGN "Consent": revocation is always possible). The releasing provider (its
 * lead, or the worker assigned to the referral) any grant of its record, whatever became of
 * the referral; the case manager of the client's jobcenter any grant of any record about its
 * client, naming single grants only among those to its jobcenter (others: 422, as unknown ids).
 * A superseded record is out of force already (409); nothing left to revoke is 409 too.
 */
export function expectRevoke(
  m: Model,
  user: UserKey,
  r: ReferralM,
  record: RecordM,
  selected: GrantM[] | null,
): { status: number; targets: GrantM[] } {
  const none = (status: number) => ({ status, targets: [] });
  const early = gate(m, user, PERMITTED['consent.revoke']);
  if (early !== null) return none(early);
  const { org, role } = USERS[user];
  const owner = role === 'caseworker' && org === 'A';
  if (!releasedBy(user, r) && !owner) return none(404);
  if (record.superseded) return none(409);
  const seen = releasedBy(user, r) ? record.grants : record.grants.filter((g) => g.to === org);
  if (selected && selected.some((g) => !seen.includes(g))) return none(422);
  const targets = selected ?? record.grants;
  if (targets.every((g) => g.revoked)) return none(409);
  return { status: 200, targets };
}

/**
 * The grants a caller sees in the effective view: of the records its organisation released all
 * (a worker: of referrals assigned to them), of others those to its organisation.
 */
export function effectiveSeenBy(m: Model, user: UserKey, client: number): string[] {
  const { org } = USERS[user];
  return m.referrals
    .filter((r) => r.client === client)
    .flatMap((r) =>
      grantsInForce(r)
        .filter((g) => releasedBy(user, r) || g.to === org)
        .map((g) => `${r.provider}→${g.to}:${g.category}`),
    )
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Onward referral to the partner clinic C (ADR 0022), which has an agreement with A in the
// category mental_health (a psychiatric clinic) and places enough for every run.

export const PARTNER_CATEGORY: Category = 'mental_health';

/** The partner sees the referral's onward referrals only while the referral's consent grants it. */
export function partnerConsented(r: ReferralM): boolean {
  return released(r, 'C').has(PARTNER_CATEGORY);
}

/** The partner knows the client once it accepted. */
export const partnerKnowsClient = (o: OnwardM) =>
  o.state === 'accepted' || o.state === 'took_up' || o.state === 'did_not_take_up';

/**
 * Referring onward: a provider user who sees the (worked) referral, with the client's consent to
 * the partner; one open onward referral per referral and partner. A case manager may not.
 */
export function expectOnward(m: Model, user: UserKey, r: ReferralM): number {
  if (m.disabled.has(user)) return 401;
  if (USERS[user].role === 'caseworker') return 403;
  if (!seesReferral(user, r) || !isWorked(r.state)) return 404;
  if (!partnerConsented(r)) return 422;
  if (r.onward.some((o) => o.state === 'requested' || o.state === 'accepted')) return 409;
  return 201;
}

/** The partner's answer or uptake: 404 without its consent, 409 from the wrong state. */
export function expectPartnerStep(
  r: ReferralM,
  o: OnwardM,
  step: 'accept' | 'decline' | 'took_up' | 'did_not_take_up',
): { status: number; to: OnwardState | null } {
  if (!partnerConsented(r)) return { status: 404, to: null };
  if (step === 'accept' || step === 'decline') {
    return o.state === 'requested'
      ? { status: 200, to: step === 'accept' ? 'accepted' : 'declined' }
      : { status: 409, to: null };
  }
  return o.state === 'accepted' ? { status: 200, to: step } : { status: 409, to: null };
}
