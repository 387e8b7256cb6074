/**
 * The tags of the OpenAPI document, in the order people work through the API: Swagger UI shows
 * them in this order, generated clients group their functions by them. Every operation has
 * exactly one (a test fails otherwise).
 */
export const ApiTag = {
  Auth: 'Auth',
  Clients: 'Clients',
  Referrals: 'Referrals',
  Consent: 'Consent',
  Reports: 'Reports',
  Statistics: 'Statistics',
  Billing: 'Billing',
  Providers: 'Providers',
  Partners: 'Partners',
  Events: 'Events',
  Administration: 'Administration',
  Audit: 'Audit',
  Operations: 'Operations',
} as const;

export type ApiTag = (typeof ApiTag)[keyof typeof ApiTag];

export const TAG_DESCRIPTIONS: Record<ApiTag, string> = {
  Auth:
    'Start here. Sign in with `POST /auth/login`, then press **Authorize** and paste the ' +
    '`accessToken` under `bearer`. Tokens last 15 minutes; `POST /auth/refresh` renews them. ' +
    '`GET /me` says who you are and what you may do.',
  Clients:
    'The jobcenter’s clients (Kundinnen und Kunden): the master data a case manager ' +
    '(Fallmanager/in) registers before referring someone.',
  Referrals:
    'Referrals (Zuweisungen) from the jobcenter to a provider (Träger) and their life cycle: ' +
    'draft → requested → accepted (Zusage) or rejected (Absage) → in progress → completed or ' +
    'ended. Every action sends `If-Match` with the referral’s `ETag`. Also the provider’s ' +
    'activities (contacts, home visits).',
  Consent:
    'The client’s consent to lift professional secrecy (Schweigepflichtentbindung): templates ' +
    'approved by the data protection officer, consents recorded by the provider, revocations. ' +
    'What is released decides what the jobcenter may read.',
  Reports:
    'The provider’s reports (Erst-, Zwischen- und Abschlussberichte), one section per data ' +
    'category; the jobcenter reads only the sections the client released to it.',
  Statistics: 'Aggregate numbers for jobcenter and provider leads, with small counts suppressed.',
  Billing:
    'Monthly billing statements per contract: the provider’s lead generates an edition from the ' +
    'contract’s billing terms, both leads read every edition (JSON or CSV). Lines carry referral ' +
    'ids and billable units only, never anything the client’s consent withholds.',
  Providers:
    'The provider directory (Trägerverzeichnis), contracts between a jobcenter and a provider, ' +
    'and free places.',
  Partners:
    'Partner organisations (e.g. a psychiatric clinic): their agreements with a jobcenter, ' +
    'with places reserved for its clients, and the providers’ onward referrals to them, made ' +
    'with the client’s consent. The jobcenter sees an onward referral only as released.',
  Events:
    'What happened, for systems around Lotse: the event feed (`GET /events?after=`) and signed ' +
    'webhooks (Standard Webhooks) that an organisation’s lead subscribes to. An event carries ' +
    'ids, type and time, never case content: read the object through its route.',
  Administration:
    'For administrators and provider leads: organisations, user accounts and the API keys of ' +
    'provider systems.',
  Audit:
    'The tamper-evident audit trail and each client’s disclosure record (Art. 15 GDPR), for ' +
    'auditors (Datenschutzbeauftragte).',
  Operations: 'Health probes for the platform, and display labels for user interfaces.',
};
