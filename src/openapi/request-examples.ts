import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf } from './refine-document';

/** The login example of the committed document: no real account, no real password. */
export const LOGIN_EXAMPLE = {
  email: 'vorname.nachname@jobcenter.example',
  password: 'Ihr Passwort',
};

// Ids in the examples are placeholders of the right form: replace them with ids from a list.
const CLIENT_ID = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const PROVIDER_ID = '2b7e4c1d-9a8f-4e3d-b2c1-7f6e5d4c3b2a';
const JOBCENTER_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const WORKER_ID = '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';
const REFERRAL_ID = '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b';
const TEMPLATE_ID = '7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e';
const GRANT_ID = '5b4a3928-1706-4f5e-9d4c-3b2a19087f6e';

const CLIENT = {
  customerNumber: '123D456789',
  givenName: 'Erika',
  familyName: 'Musterfrau',
  dateOfBirth: '1984-03-07',
  street: 'Lindenstraße 12',
  postcode: '12043',
  city: 'Musterstadt',
  phone: '+49 30 1234567',
  email: 'erika.musterfrau@example.org',
  preferredContact: 'home_visit',
  preferredContactTimes: 'Nachmittags ab 14 Uhr',
  noteToProvider: 'Öffnet Briefe seit Monaten nicht; ein Hausbesuch wird eher angenommen.',
};

const REPORT = {
  kind: 'interim',
  periodFrom: '2026-01-01',
  periodUntil: '2026-03-31',
  sections: [
    {
      category: 'participation',
      text: 'Sechs Kontakte, davon vier Hausbesuche; Frau Musterfrau nimmt regelmäßig teil.',
      fields: { contactsMade: 6, appointmentsKept: 4, appointmentsMissed: 1 },
    },
    {
      category: 'housing',
      text: 'Die Räumungsklage ist abgewendet, die Mietschulden werden in Raten getilgt.',
      fields: { threatenedLoss: true, evictionNoticeReceived: true, secured: true },
    },
  ],
};

/**
 * A realistic request body for every operation that takes one, by operationId: Swagger UI
 * prefills "Try it out" with it, and generated clients' docs show it. A test validates each
 * against its operation's schema and fails for an operation with a body but no example.
 */
export const REQUEST_EXAMPLES: Record<string, unknown> = {
  login: LOGIN_EXAMPLE,
  activateAccount: {
    code: 'K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R7FG',
    newPassword: 'Laterne-Regen-Brücke-17',
  },
  refreshTokens: { refreshToken: 'Z3Vlc3QtcmVmcmVzaC10b2tlbi1mcm9tLWxvZ2lu' },
  setMfaRequirement: { required: true },
  setFederalState: { federalState: 'HE' },
  verifyMfa: { mfaToken: 'bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy', code: '492039' },
  startMfaEnrolment: { mfaToken: 'bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy' },
  confirmMfaEnrolment: {
    mfaToken: 'bWZhLWNoYWxsZW5nZS1vZi10aGUtbG9naW4tYW5zd2Vy',
    code: '492039',
  },
  changeMyPassword: {
    currentPassword: 'Ihr bisheriges Passwort',
    newPassword: 'Herbstlaub-am-Kanal-2026',
  },
  createClient: CLIENT,
  updateClient: { phone: '+49 30 7654321', preferredContactTimes: 'Vormittags' },
  createReferral: {
    clientId: CLIENT_ID,
    providerId: PROVIDER_ID,
    reasonCategory: 'lost_contact',
    reasonText: 'Seit einem Jahr keine Termine wahrgenommen; Mietrückstände drohen.',
    goals: 'Kontakt wiederherstellen, Wohnung sichern.',
    requestedServices: ['outreach_home_visits', 'housing_security'],
    priority: 'high',
  },
  updateReferral: { priority: 'urgent', goals: 'Wohnung sichern, Schulden ordnen.' },
  acceptReferral: { assignedWorkerId: WORKER_ID },
  rejectReferral: { reason: 'outside_service_area' },
  pauseReferral: { reason: 'hospital_stay' },
  completeReferral: { outcome: 'goals_reached' },
  endReferral: { reason: 'client_withdrew' },
  cancelReferral: { reason: 'client_moved_away' },
  assignReferral: { assignedWorkerId: WORKER_ID },
  createActivity: {
    kind: 'home_visit',
    occurredAt: '2026-02-03T10:30:00+01:00',
    durationMinutes: 45,
    reached: true,
    note: 'Erstes Gespräch an der Wohnungstür; Folgetermin vereinbart.',
  },
  proposeAppointment: {
    startsAt: '2027-03-02T09:30:00+01:00',
    durationMinutes: 30,
    mode: 'in_person',
    location: 'Jobcenter Bensheim, Raum 2.14',
    purpose: 'cooperation_plan',
    accompanimentWished: true,
  },
  recordAccompanimentWish: { wished: true },
  recordAppointmentOutcome: {
    outcome: 'rescheduled',
    next: { startsAt: '2027-03-09T10:00:00+01:00', mode: 'by_phone', purpose: 'cooperation_plan' },
  },
  recordAttendance: { meeting: 'met_client', note: 'Am Bahnhof getroffen, gemeinsam hingefahren.' },
  createConsentTemplate: {
    key: 'schweigepflichtentbindung-jobcenter',
    title: 'Entbindung von der Schweigepflicht gegenüber dem Jobcenter',
    body:
      'Ich entbinde die Mitarbeitenden des Trägers gegenüber meinem Jobcenter von der ' +
      'Schweigepflicht für die unten angekreuzten Bereiche. Ich kann diese Erklärung jederzeit ' +
      'ganz oder teilweise widerrufen.',
    categories: ['participation', 'goals', 'housing'],
  },
  recordConsent: {
    referralId: REFERRAL_ID,
    templateId: TEMPLATE_ID,
    grants: [
      { category: 'participation', recipientOrganisationId: JOBCENTER_ID },
      { category: 'housing', recipientOrganisationId: JOBCENTER_ID },
    ],
    validFrom: '2026-02-03T00:00:00+01:00',
    validUntil: '2027-02-03T00:00:00+01:00',
    evidence: {
      form: 'written',
      givenOn: '2026-02-03',
      documentReference: 'Akte 2026/117, Blatt 3',
    },
  },
  revokeConsent: { grantIds: [GRANT_ID] },
  revokeClientConsents: { categories: ['health', 'mental_health'] },
  restrictClient: { ground: 'accuracy_contested' },
  eraseClient: { reason: 'no_longer_necessary' },
  updateRetentionPolicy: { caseContentMonths: 24 },
  createReport: REPORT,
  updateReport: { periodUntil: '2026-03-31', sections: REPORT.sections },
  updateProvider: {
    services: ['outreach_home_visits', 'debt_regulation', 'housing_security'],
    postcodes: ['12043', '12045', '12047'],
    languages: ['de', 'ar', 'tr'],
    contactEmail: 'kontakt@aufwind.example',
    contactPhone: '+49 30 1234567',
    website: 'https://aufwind.example',
    description: 'Aufsuchende Sozialarbeit in Neukölln: Hausbesuche, Schulden, Wohnungssicherung.',
  },
  createContract: {
    number: 'AH-2026-014',
    validFrom: '2026-01-01',
    validUntil: '2027-12-31',
    services: ['outreach_home_visits', 'housing_security'],
    capacity: 25,
    firstContactWorkingDays: 5,
    billingTerms: [
      { unit: 'active_case_month', priceCents: 45000 },
      { unit: 'initial_assessment', priceCents: 12000 },
    ],
  },
  updateContract: { capacity: 30, validUntil: '2028-06-30' },
  generateStatement: {
    month: '2026-10',
    correctionReason: 'disputed_by_jobcenter',
    exclude: [{ referralId: '6f1c2a9e-0b7d-4e43-9c1a-3d2b5e8f7a10', unit: 'active_case_month' }],
  },
  createPartnerAgreement: {
    partnerId: '6f1c2a4e-3b7d-4e2a-9c1f-2d8e5b7a9c30',
    category: 'mental_health',
    reservedPlaces: 5,
    validFrom: '2026-01-01',
  },
  createOnwardReferral: { partnerId: '6f1c2a4e-3b7d-4e2a-9c1f-2d8e5b7a9c30' },
  recordOnwardReferralUptake: { outcome: 'took_up' },
  createOrganisation: { kind: 'provider', name: 'Aufwind Aufsuchende Hilfe e.V.' },
  updateOrganisation: { active: false },
  createUser: {
    organisationId: PROVIDER_ID,
    email: 'samir.helfer@aufwind.example',
    displayName: 'Samir Helfer',
    roles: ['provider_worker'],
  },
  updateUser: { active: false },
  createApiKey: {
    name: 'Fachverfahren Aufwind',
    scopes: ['reports:write', 'activities:write'],
    expiresAt: '2027-06-30T22:00:00Z',
  },
  createWebhookSubscription: {
    url: 'https://fachverfahren.aufwind.example/lotse-events',
    eventTypes: ['referral.sent', 'referral.cancelled', 'consent.revoked', 'report.corrected'],
  },
  createIdentityProvider: {
    issuer: 'https://login.jobcenter-musterstadt.example/realms/jobcenter',
    clientId: 'lotse',
    clientSecret: 'aus Keycloak, Reiter Credentials',
    rolesClaim: 'groups',
    roleMapping: [
      { value: '/lotse/fallmanagement', role: 'caseworker' },
      { value: '/lotse/leitung', role: 'jobcenter_lead' },
    ],
    passwordLogin: true,
  },
  updateIdentityProvider: { passwordLogin: false },
  createIdentityLink: { userId: WORKER_ID, subject: '5b1c6a8e-1f0d-4a44-9d1b-6f3c1a2b9e77' },
  receiveBackchannelLogout: {
    logout_token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6ImxvZ291dCtqd3QifQ.e30.c2ln',
  },
};

/** Puts each operation's example on its request body (JSON, or the one form body). */
export function addRequestExamples(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    const body = operation.requestBody;
    if (!body || !('content' in body)) continue;
    const media =
      body.content['application/json'] ?? body.content['application/x-www-form-urlencoded'];
    const example = REQUEST_EXAMPLES[operation.operationId ?? ''];
    if (media && example !== undefined) media.example = example;
  }
}
