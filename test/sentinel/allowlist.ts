import { Role } from '../../src/auth/role';
import type { Marker, Row } from './markers';
import type { PartnerFacts, Release, Viewer } from './world';

/**
 * Who may see which cell, written from docs/domain.md ("Who sees what", "Consent") and ADRs 0003
 * to 0006, not from what the routes return. Rules are per `table.column` (or `table.*`); a
 * column without a rule may be seen by nobody, so a new column's marker fails the test until
 * somebody decides here who may read it.
 */
export class WorldIndex {
  private readonly byId = new Map<string, Map<string, Row>>();

  constructor(
    readonly rows: Map<string, Row[]>,
    readonly releases: Release[],
    readonly partners: PartnerFacts = { agreements: [], identities: [], onwardIds: [] },
  ) {
    for (const [table, list] of rows) {
      this.byId.set(table, new Map(list.filter((r) => r.id).map((r) => [String(r.id), r])));
    }
  }

  get(table: string, id: unknown): Row {
    const row = this.byId.get(table)?.get(String(id));
    if (!row) throw new Error(`${table} ${String(id)} is not in the world`);
    return row;
  }

  list(table: string): Row[] {
    return this.rows.get(table) ?? [];
  }

  /** The oracle's consent: `author` released `category` of the client to `reader`, now. */
  released(reader: string, author: string, clientId: unknown, category: unknown): boolean {
    return this.releases.some(
      (r) =>
        r.reader === reader &&
        r.author === author &&
        r.clientId === clientId &&
        r.category === category,
    );
  }
}

type Rule = (v: Viewer, row: Row, w: WorldIndex) => boolean;

const ACTIVE = ['accepted', 'in_progress', 'on_hold'];
const providerSide = (v: Viewer) =>
  v.role === Role.ProviderLead || v.role === Role.ProviderWorker || v.role === 'api_key';

/** The jobcenter's readers of its clients' data: case managers, and (Art. 15 copy) its auditor. */
const jobcenterReader = (v: Viewer) => v.role === Role.Caseworker || v.role === Role.Auditor;

/** ADR 0004: the jobcenter all of its own; a provider lead (or key) what was sent to it; a
 * worker what is assigned to them; operators none. */
function seesReferral(v: Viewer, r: Row): boolean {
  switch (v.role) {
    // ADR 0020: the jobcenter's auditor reads, in the Art. 15 copy, what its jobcenter reads.
    case Role.Caseworker:
    case Role.Auditor:
      return r.jobcenter_id === v.organisationId;
    case Role.ProviderLead:
    case 'api_key':
      return r.provider_id === v.organisationId && r.state !== 'draft';
    case Role.ProviderWorker:
      return r.provider_id === v.organisationId && r.assigned_worker_id === v.userId;
    default:
      return false;
  }
}

/**
 * ADR 0020, the provider's part of the Art. 15 copy: a provider's auditor reads what its own
 * organisation (`author`) recorded in a referral that was sent to it; nothing of another's.
 */
function providerAuditorOwn(v: Viewer, referral: Row, author: unknown): boolean {
  return (
    v.role === Role.Auditor &&
    author === v.organisationId &&
    referral.provider_id === v.organisationId &&
    referral.state !== 'draft'
  );
}

/** ADR 0004: a provider reads the client's record while the referral is accepted and open. */
function providerWorksClient(v: Viewer, clientId: unknown, w: WorldIndex): boolean {
  return (
    providerSide(v) &&
    w
      .list('referrals')
      .some(
        (r) => r.client_id === clientId && ACTIVE.includes(String(r.state)) && seesReferral(v, r),
      )
  );
}

/** ADR 0005 "Who may touch a client": the owning jobcenter, a provider working the case. */
function hasClientAccess(v: Viewer, clientId: unknown, w: WorldIndex): boolean {
  const client = w.get('clients', clientId);
  if (jobcenterReader(v)) return client.jobcenter_id === v.organisationId;
  return providerWorksClient(v, clientId, w);
}

/**
 * Organisations that deal with each other: a contract or a referral between them, or a partner
 * agreement (ADR 0022).
 */
function related(a: string, b: unknown, w: WorldIndex): boolean {
  const pair = (x: unknown, y: unknown) => (x === a && y === b) || (x === b && y === a);
  return (
    a === b ||
    w.list('contracts').some((c) => pair(c.jobcenter_id, c.provider_id)) ||
    w.list('referrals').some((r) => pair(r.jobcenter_id, r.provider_id)) ||
    w.partners.agreements.some(([jobcenter, partner]) => pair(jobcenter, partner))
  );
}

/**
 * ADR 0022: a partner knows the client of an onward referral it accepted, by name, while the
 * client's consent to it holds; a provider lists every valid partner agreement (directory data),
 * and with it the names of their jobcenters and partners.
 */
const partnerKnowsClient = (v: Viewer, clientId: unknown, w: WorldIndex) =>
  v.role === Role.PartnerStaff &&
  w.partners.identities.some(
    ([partner, client]) => partner === v.organisationId && client === clientId,
  );
const agreementParty = (v: Viewer, o: Row, w: WorldIndex) =>
  providerSide(v) &&
  v.role !== 'api_key' &&
  w.partners.agreements.some(([jobcenter, partner]) => o.id === jobcenter || o.id === partner);

const nobody: Rule = () => false;

/** A lead (of a jobcenter or provider) of this organisation. */
const leadOf = (v: Viewer, organisationId: unknown) =>
  (v.role === Role.JobcenterLead || v.role === Role.ProviderLead) &&
  v.organisationId === organisationId;

/** DESIGN "Who uses it": the provider directory is read by these roles. */
const DIRECTORY_ROLES: Viewer['role'][] = [
  Role.Caseworker,
  Role.JobcenterLead,
  Role.ProviderWorker,
  Role.ProviderLead,
  Role.Admin,
];

const TEMPLATE_READERS: Viewer['role'][] = [
  Role.Caseworker,
  Role.ProviderWorker,
  Role.ProviderLead,
  Role.Auditor,
];

const clientRecord: Rule = (v, c, w) =>
  (jobcenterReader(v) && c.jobcenter_id === v.organisationId) || providerWorksClient(v, c.id, w);

/** ADR 0004: before its decision a provider sees the postcode and the case manager's note. */
const clientSummary: Rule = (v, c, w) =>
  clientRecord(v, c, w) ||
  (providerSide(v) &&
    w
      .list('referrals')
      .some((r) => r.client_id === c.id && r.accepted_at === null && seesReferral(v, r)));

/** Reason text and goals: the jobcenter's; the provider's once it accepted (ADR 0004). */
const referralDetail: Rule = (v, r) =>
  seesReferral(v, r) && (!providerSide(v) || r.accepted_at !== null);

/** ADR 0005: `internal` content (activity notes, who recorded) never leaves its author. */
const activityInternal: Rule = (v, a, w) =>
  (seesReferral(v, w.get('referrals', a.referral_id)) &&
    a.author_organisation_id === v.organisationId) ||
  providerAuditorOwn(v, w.get('referrals', a.referral_id), a.author_organisation_id);

/**
 * ADR 0021: an appointment is shared by the referral's parties: the jobcenter's case managers
 * (and, in the Art. 15 copy, its auditor) and the provider's people working the case; a
 * provider system has no appointment route.
 */
const appointmentShared: Rule = (v, a, w) => {
  const referral = w.get('referrals', a.referral_id);
  if (v.role === 'api_key') return false;
  return seesReferral(v, referral);
};

/**
 * ADR 0021, the sanction firewall: the worker's record of an accompaniment is the provider's
 * participation content. Its note is `internal`: the author's people (and its auditor, in the
 * provider's part of the Art. 15 copy) and nobody else, whatever the consent.
 */
const attendanceInternal: Rule = (v, t, w) => {
  const referral = w.get('referrals', t.referral_id);
  if (providerAuditorOwn(v, referral, t.author_organisation_id)) return true;
  return (
    v.role !== 'api_key' &&
    providerSide(v) &&
    t.author_organisation_id === v.organisationId &&
    seesReferral(v, referral)
  );
};

/** The author reads its own report; the jobcenter only submitted sections released to it now. */
const reportSection: Rule = (v, s, w) => {
  const report = w.get('reports', s.report_id);
  const referral = w.get('referrals', report.referral_id);
  if (providerAuditorOwn(v, referral, report.author_organisation_id)) return true;
  if (!seesReferral(v, referral)) return false;
  if (report.author_organisation_id === v.organisationId) return true;
  return (
    jobcenterReader(v) &&
    report.status === 'submitted' &&
    w.released(
      v.organisationId,
      String(report.author_organisation_id),
      report.client_id,
      s.category,
    )
  );
};

/** History: parties of the referral; a reason that is case content only as released. */
const transitionReason: Rule = (v, t, w) => {
  const referral = w.get('referrals', t.referral_id);
  if (providerAuditorOwn(v, referral, t.actor_organisation_id)) return true;
  if (!seesReferral(v, referral)) return false;
  if (t.reason_category === null || t.actor_organisation_id === v.organisationId) return true;
  return w.released(
    v.organisationId,
    String(t.actor_organisation_id),
    referral.client_id,
    t.reason_category,
  );
};

const RULES: Record<string, Rule> = {
  // Provider names are the directory; a jobcenter's name is known to those it deals with.
  'organisations.name': (v, o, w) =>
    v.role === Role.Admin ||
    related(v.organisationId, o.id, w) ||
    agreementParty(v, o, w) ||
    (o.kind === 'provider' && DIRECTORY_ROLES.includes(v.role)),
  // People: the admin; their own organisation, its systems included (ADR 0005: the identity
  // of the provider's staff never leaves the provider, people of *other* organisations appear
  // only as their organisation); a provider its case manager once it accepted.
  'users.display_name': (v, u, w) =>
    v.role === Role.Admin ||
    u.organisation_id === v.organisationId ||
    (providerSide(v) &&
      w
        .list('referrals')
        .some((r) => r.case_manager_id === u.id && r.accepted_at !== null && seesReferral(v, r))),
  // ADR 0008: a lead manages their own organisation's members.
  'users.email': (v, u) =>
    v.role === Role.Admin || u.id === v.userId || leadOf(v, u.organisation_id),
  'users.password_hash': nobody,
  // ADR 0003: the admin any provider's keys, a provider lead its own, a key itself.
  'api_keys.*': (v, k) =>
    v.role === Role.Admin ||
    (v.role === Role.ProviderLead && k.organisation_id === v.organisationId) ||
    k.id === v.apiKeyId,
  'api_keys.secret_hash': nobody,
  // ADR 0019: an organisation's lead manages its webhook subscriptions and reads their delivery
  // log; the signing secrets are shown once, at creation or rotation, never by a GET.
  'webhook_subscriptions.*': (v, s) => leadOf(v, s.organisation_id),
  'webhook_subscriptions.secrets': nobody,
  'webhook_deliveries.*': (v, d, w) =>
    leadOf(v, w.get('webhook_subscriptions', d.subscription_id).organisation_id),
  'refresh_tokens.token_hash': nobody,
  'activation_codes.code_hash': nobody,
  // ADR 0008: an admin's approval requests: every admin, and the lead who decides them.
  'approval_requests.*': (v, r) => v.role === Role.Admin || leadOf(v, r.organisation_id),
  // ADR 0018: an organisation's single sign-on, the admin's to configure and its leads' to read.
  'identity_providers.*': (v, p) => v.role === Role.Admin || leadOf(v, p.organisation_id),
  'identity_providers.client_secret_enc': nobody,
  // A sign-in under way and the single sign-on behind a session: no route shows them.
  'oidc_transactions.*': nobody,
  'oidc_sessions.*': nobody,
  'identity_links.*': (v, l, w) =>
    v.role === Role.Admin || leadOf(v, w.get('identity_providers', l.provider_id).organisation_id),
  'clients.*': clientRecord,
  'clients.given_name': (v, c, w) => clientRecord(v, c, w) || partnerKnowsClient(v, c.id, w),
  'clients.family_name': (v, c, w) => clientRecord(v, c, w) || partnerKnowsClient(v, c.id, w),
  'clients.postcode': clientSummary,
  'clients.note_to_provider': clientSummary,
  // ADR 0005: the filing reference only to the releasing organisation.
  'consent_records.document_reference': (v, c, w) =>
    (c.releasing_organisation_id === v.organisationId && hasClientAccess(v, c.client_id, w)) ||
    providerAuditorOwn(v, w.get('referrals', c.referral_id), c.releasing_organisation_id),
  // Templates are their organisation's; a record shows its template's key and title to
  // whoever may see the record.
  'consent_templates.body': (v, t) =>
    t.organisation_id === v.organisationId && TEMPLATE_READERS.includes(v.role),
  'consent_templates.*': (v, t, w) =>
    (t.organisation_id === v.organisationId && TEMPLATE_READERS.includes(v.role)) ||
    w
      .list('consent_records')
      .some((c) => c.template_id === t.id && hasClientAccess(v, c.client_id, w)),
  // DESIGN: leads manage contracts (jobcenter lead) and see their own (provider lead).
  'contracts.number': (v, c) =>
    (v.role === Role.JobcenterLead && c.jobcenter_id === v.organisationId) ||
    (v.role === Role.ProviderLead && c.provider_id === v.organisationId),
  'provider_profiles.*': (v) => DIRECTORY_ROLES.includes(v.role),
  'referrals.reason_text': referralDetail,
  'referrals.goals': referralDetail,
  // DESIGN: lifecycle facts and the outcome code are always the referring jobcenter's.
  'referrals.outcome': (v, r) => seesReferral(v, r) || providerAuditorOwn(v, r, r.provider_id),
  'referral_transitions.reason': transitionReason,
  'activities.*': activityInternal,
  'appointments.*': appointmentShared,
  'appointment_attendances.*': attendanceInternal,
  'report_sections.*': reportSection,
  // Stored answers of idempotent requests: replayed to the same request only, never read.
  'idempotency_keys.*': nobody,
};

export function ruleOf(table: string, column: string): Rule | undefined {
  return RULES[`${table}.${column}`] ?? RULES[`${table}.*`];
}

/** Whether the viewer may see the marked cell. */
export function maySee(v: Viewer, marker: Marker, w: WorldIndex): boolean {
  const rule = ruleOf(marker.table, marker.column);
  return rule ? rule(v, marker.row, w) : false;
}

/** The rule keys, so that the test can check none names a column that no longer exists. */
export function ruleKeys(): string[] {
  return Object.keys(RULES);
}
