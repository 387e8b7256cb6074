import { OnwardReferralState, UptakeOutcome } from '../partners/onward-referral-state';
import type { BrokenLinkReason } from '../audit/audit-chain';
import { AuditActorKind, AuditOutcomeKind } from '../audit/audit-event.entity';
import { DisclosedData } from '../audit/disclosure-record';
import { ApiKeyScope, Role } from '../auth/role';
import { ClientContactWay, RestrictionGround } from '../clients/client.entity';
import { ErasureReason } from '../data-protection/retention';
import { DataCategory } from '../confidentiality/data-category';
import { ConsentEvidenceForm } from '../consent/consent-record.entity';
import { ConsentStatus } from '../consent/consent-status';
import { ActivationPurpose } from '../identity/activation-code.entity';
import { ApprovalKind, ApprovalState } from '../identity/approval-request.entity';
import { OrganisationKind } from '../common/organisation-kind';
import { FederalState } from '../common/public-holidays';
import { BillingUnit } from '../providers/billing-unit';
import { ServiceKind } from '../providers/service-kind';
import { CorrectionReason } from '../billing/billing-statement.entity';
import { DeliveryStatus, EventInstruction, EventSubject, EventType } from '../events/event-types';
import {
  ActivityKind,
  CancelReason,
  CompletionOutcome,
  EndReason,
  PauseReason,
  ReferralPriority,
  ReferralReason,
  RejectReason,
} from '../referrals/referral-codes';
import { ReferralAction } from '../referrals/referral-state';
import {
  AccompanimentMeeting,
  AppointmentMode,
  AppointmentOutcome,
  AppointmentParty,
  AppointmentPurpose,
} from '../appointments/appointment-codes';
import { ReferralState } from '../common/referral-states';
import { ReportKind, ReportStatus } from '../reporting/report.entity';
import { WorklistItemKind } from '../referrals/dto/worklist-item.dto';
import { CsvSeparator, StatisticsTable } from '../statistics/dto/referral-statistics-query.dto';
import { DisclosureCheck } from '../statistics/dto/referral-statistics.dto';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

interface Label {
  de: string;
  en: string;
}

/** A display name for every value of an enum: the compiler refuses a missing one. */
type Labels<E extends string> = Record<E, Label>;

const label = (de: string, en: string): Label => ({ de, en });
const OTHER = label('Sonstiges', 'Other');

/**
 * Display names of every enum value of the API, in German and English, so that user interfaces
 * need not hard-code them (served by `GET /labels`). The keys are the enums' names in the
 * OpenAPI document; the document builder names every inline enum after the entry here with the
 * same values, and a test fails when an enum of the document has no entry. Permissions are not
 * here: they are technical codes, shown to administrators as they are.
 */
export const ENUM_LABELS = {
  Role: {
    caseworker: label('Fallmanager/in', 'Case manager'),
    jobcenter_lead: label('Leitung Jobcenter', 'Jobcenter lead'),
    provider_worker: label('Fachkraft des Trägers', 'Provider social worker'),
    provider_lead: label('Leitung Träger', 'Provider lead'),
    auditor: label('Datenschutzbeauftragte/r', 'Data protection officer'),
    admin: label('Administrator/in', 'Administrator'),
    partner_staff: label('Fachkraft der Partnereinrichtung', 'Partner organisation staff'),
  } satisfies Labels<`${Role}`>,
  OrganisationKind: {
    jobcenter: label('Jobcenter', 'Jobcenter'),
    provider: label('Träger', 'Provider'),
    operator: label('Betreiber', 'Operator'),
    partner: label('Partnereinrichtung', 'Partner organisation'),
  } satisfies Labels<`${OrganisationKind}`>,
  FederalState: {
    BW: label('Baden-Württemberg', 'Baden-Württemberg'),
    BY: label('Bayern', 'Bavaria'),
    BE: label('Berlin', 'Berlin'),
    BB: label('Brandenburg', 'Brandenburg'),
    HB: label('Bremen', 'Bremen'),
    HH: label('Hamburg', 'Hamburg'),
    HE: label('Hessen', 'Hesse'),
    MV: label('Mecklenburg-Vorpommern', 'Mecklenburg-Western Pomerania'),
    NI: label('Niedersachsen', 'Lower Saxony'),
    NW: label('Nordrhein-Westfalen', 'North Rhine-Westphalia'),
    RP: label('Rheinland-Pfalz', 'Rhineland-Palatinate'),
    SL: label('Saarland', 'Saarland'),
    SN: label('Sachsen', 'Saxony'),
    ST: label('Sachsen-Anhalt', 'Saxony-Anhalt'),
    SH: label('Schleswig-Holstein', 'Schleswig-Holstein'),
    TH: label('Thüringen', 'Thuringia'),
  } satisfies Labels<`${FederalState}`>,
  ApiKeyScope: {
    'reports:write': label('Berichte übermitteln', 'Submit reports'),
    'activities:write': label('Kontakte erfassen', 'Record activities'),
    'referrals:read': label('Zuweisungen lesen', 'Read referrals'),
  } satisfies Labels<`${ApiKeyScope}`>,
  EventType: {
    'referral.sent': label('Zuweisung gesendet', 'Referral sent'),
    'referral.accepted': label('Zuweisung angenommen', 'Referral accepted'),
    'referral.rejected': label('Zuweisung abgelehnt', 'Referral rejected'),
    'referral.started': label('Arbeit begonnen', 'Work started'),
    'referral.paused': label('Arbeit unterbrochen', 'Work paused'),
    'referral.resumed': label('Arbeit fortgesetzt', 'Work resumed'),
    'referral.completed': label('Zuweisung abgeschlossen', 'Referral completed'),
    'referral.ended': label('Zuweisung beendet', 'Referral ended'),
    'referral.cancelled': label('Zuweisung storniert', 'Referral cancelled'),
    'appointment.proposed': label('Termin vorgeschlagen', 'Appointment proposed'),
    'appointment.changed': label('Termin geändert', 'Appointment changed'),
    'report.submitted': label('Bericht übermittelt', 'Report submitted'),
    'report.corrected': label('Bericht berichtigt', 'Report corrected'),
    'consent.recorded': label('Einwilligung erfasst', 'Consent recorded'),
    'consent.revoked': label('Einwilligung widerrufen', 'Consent revoked'),
    'consent.expiring_soon': label('Einwilligung läuft bald ab', 'Consent expiring soon'),
    'consent.expired': label('Einwilligung abgelaufen', 'Consent expired'),
    'contract.capacity_exhausted': label('Vertrag ausgelastet', 'Contract capacity exhausted'),
    'client.restricted': label('Verarbeitung eingeschränkt', 'Processing restricted'),
    'client.restriction_lifted': label('Einschränkung aufgehoben', 'Restriction lifted'),
    'client.erased': label('Daten gelöscht', 'Client erased'),
    'onward_referral.requested': label('Weitervermittlung angefragt', 'Onward referral requested'),
    'onward_referral.accepted': label('Weitervermittlung angenommen', 'Onward referral accepted'),
    'onward_referral.declined': label('Weitervermittlung abgelehnt', 'Onward referral declined'),
    'onward_referral.uptake_recorded': label('Antritt erfasst', 'Uptake recorded'),
  } satisfies Labels<`${EventType}`>,
  EventSubject: {
    referral: label('Zuweisung', 'Referral'),
    report: label('Bericht', 'Report'),
    appointment: label('Termin', 'Appointment'),
    consent: label('Einwilligung', 'Consent'),
    contract: label('Vertrag', 'Contract'),
    client: label('Kundin / Kunde', 'Client'),
    onward_referral: label('Weitervermittlung', 'Onward referral'),
  } satisfies Labels<`${EventSubject}`>,
  OnwardReferralState: {
    requested: label('Angefragt', 'Requested'),
    accepted: label('Angenommen', 'Accepted'),
    declined: label('Abgelehnt', 'Declined'),
    took_up: label('Angetreten', 'Took up'),
    did_not_take_up: label('Nicht angetreten', 'Did not take up'),
  } satisfies Labels<`${OnwardReferralState}`>,
  UptakeOutcome: {
    took_up: label('Angetreten', 'Took up'),
    did_not_take_up: label('Nicht angetreten', 'Did not take up'),
  } satisfies Labels<`${UptakeOutcome}`>,
  EventInstruction: {
    fetch: label('Neu abrufen', 'Fetch again'),
    purge: label('Kopien löschen', 'Purge copies'),
  } satisfies Labels<`${EventInstruction}`>,
  WebhookDeliveryStatus: {
    pending: label('Ausstehend', 'Pending'),
    delivered: label('Zugestellt', 'Delivered'),
    failed: label('Fehlgeschlagen', 'Failed'),
  } satisfies Labels<`${DeliveryStatus}`>,
  ApprovalKind: {
    'user.create': label('Neues Mitglied', 'New member'),
    'user.update': label('Rollen hinzufügen oder wieder freischalten', 'Add roles or re-enable'),
    'user.reset_password': label('Passwort zurücksetzen', 'Password reset'),
    'api_key.create': label('Neuer API-Schlüssel', 'New API key'),
    'identity_link.create': label(
      'Single-Sign-On-Konto verknüpfen',
      'Link a single sign-on account',
    ),
  } satisfies Labels<`${ApprovalKind}`>,
  ApprovalState: {
    pending: label('Offen', 'Pending'),
    approved: label('Genehmigt', 'Approved'),
    rejected: label('Abgelehnt', 'Rejected'),
    withdrawn: label('Zurückgezogen', 'Withdrawn'),
    expired: label('Abgelaufen', 'Expired'),
  } satisfies Labels<`${ApprovalState}`>,
  ActivationPurpose: {
    activation: label('Konto aktivieren', 'Account activation'),
    password_reset: label('Passwort neu setzen', 'Password reset'),
  } satisfies Labels<`${ActivationPurpose}`>,
  ServiceKind: {
    outreach_home_visits: label('Aufsuchende Hausbesuche', 'Outreach home visits'),
    debt_regulation: label('Schuldenregulierung', 'Debt regulation'),
    housing_security: label('Wohnungssicherung', 'Securing housing'),
    health_access: label('Zugang zu Gesundheitsversorgung', 'Access to health care'),
    psychosocial_support: label('Psychosoziale Unterstützung', 'Psychosocial support'),
    correspondence_help: label('Hilfe beim Schriftverkehr', 'Help with correspondence'),
    accompaniment: label('Begleitung zu Terminen', 'Accompaniment to appointments'),
    family_support: label('Unterstützung der Familie', 'Family support'),
    other: OTHER,
  } satisfies Labels<`${ServiceKind}`>,
  BillingUnit: {
    active_case_month: label('Aktiver Fallmonat', 'Active case-month'),
    initial_assessment: label('Erstbericht (Eingangsklärung)', 'Initial assessment'),
  } satisfies Labels<`${BillingUnit}`>,
  CorrectionReason: {
    disputed_by_jobcenter: label('Vom Jobcenter beanstandet', 'Disputed by the jobcenter'),
    terms_changed: label('Konditionen geändert', 'Terms changed'),
    provider_error: label('Fehler des Trägers', "Provider's error"),
    other: OTHER,
  } satisfies Labels<`${CorrectionReason}`>,
  ReferralState: {
    draft: label('Entwurf', 'Draft'),
    requested: label('Angefragt', 'Requested'),
    accepted: label('Zugesagt', 'Accepted'),
    in_progress: label('In Betreuung', 'In progress'),
    on_hold: label('Pausiert', 'On hold'),
    completed: label('Abgeschlossen', 'Completed'),
    ended: label('Vorzeitig beendet', 'Ended early'),
    rejected: label('Abgesagt', 'Rejected'),
    cancelled: label('Zurückgezogen', 'Cancelled'),
  } satisfies Labels<`${ReferralState}`>,
  WorklistItemKind: {
    'referral.awaiting_answer': label(
      'Wartet auf Antwort des Trägers',
      'Awaiting the provider’s answer',
    ),
    'referral.awaiting_start': label(
      'Zugesagt, Betreuung noch nicht begonnen',
      'Accepted, not started yet',
    ),
    'referral.awaiting_decision': label('Zusage oder Absage offen', 'Awaiting your decision'),
    'referral.first_contact_due': label('Erstkontakt offen', 'First contact due'),
  } satisfies Labels<`${WorklistItemKind}`>,
  ReferralAction: {
    send: label('Zuweisen', 'Send'),
    accept: label('Zusagen', 'Accept'),
    reject: label('Absagen', 'Reject'),
    start: label('Betreuung beginnen', 'Start'),
    pause: label('Pausieren', 'Pause'),
    resume: label('Fortsetzen', 'Resume'),
    complete: label('Abschließen', 'Complete'),
    end: label('Vorzeitig beenden', 'End early'),
    cancel: label('Zurückziehen', 'Cancel'),
  } satisfies Labels<`${ReferralAction}`>,
  ReferralReason: {
    lost_contact: label('Kontaktabbruch', 'Lost contact'),
    debts: label('Schulden', 'Debts'),
    housing: label('Wohnen', 'Housing'),
    health: label('Gesundheit', 'Health'),
    mental_health: label('Psychische Gesundheit', 'Mental health'),
    family: label('Familie', 'Family'),
    correspondence: label('Schriftverkehr', 'Correspondence'),
    other: OTHER,
  } satisfies Labels<`${ReferralReason}`>,
  ReferralPriority: {
    normal: label('Normal', 'Normal'),
    high: label('Hoch', 'High'),
    urgent: label('Dringend', 'Urgent'),
  } satisfies Labels<`${ReferralPriority}`>,
  RejectReason: {
    no_capacity: label('Keine freie Kapazität', 'No capacity'),
    outside_service_area: label('Außerhalb des Einzugsgebiets', 'Outside the service area'),
    not_suitable: label('Angebot passt nicht', 'Not suitable'),
    other: OTHER,
  } satisfies Labels<`${RejectReason}`>,
  PauseReason: {
    hospital_stay: label('Krankenhausaufenthalt', 'Hospital stay'),
    client_request: label('Auf Wunsch der Kundin / des Kunden', 'At the client’s request'),
    other: OTHER,
  } satisfies Labels<`${PauseReason}`>,
  CompletionOutcome: {
    goals_reached: label('Ziele erreicht', 'Goals reached'),
    handed_over: label('An andere Stelle übergeben', 'Handed over'),
    other: OTHER,
  } satisfies Labels<`${CompletionOutcome}`>,
  EndReason: {
    client_unreachable: label('Nicht erreichbar', 'Client unreachable'),
    client_declined: label('Teilnahme abgelehnt', 'Client declined'),
    client_withdrew: label('Teilnahme abgebrochen', 'Client withdrew'),
    other: OTHER,
  } satisfies Labels<`${EndReason}`>,
  CancelReason: {
    client_moved_away: label('Verzogen', 'Client moved away'),
    no_longer_needed: label('Nicht mehr erforderlich', 'No longer needed'),
    other: OTHER,
  } satisfies Labels<`${CancelReason}`>,
  AppointmentMode: {
    in_person: label('Vor Ort', 'In person'),
    by_phone: label('Telefonisch', 'By phone'),
  } satisfies Labels<`${AppointmentMode}`>,
  AppointmentPurpose: {
    initial_meeting: label('Erstgespräch', 'Initial meeting'),
    counselling: label('Beratungsgespräch', 'Counselling'),
    cooperation_plan: label('Kooperationsplan', 'Cooperation plan'),
    benefits: label('Leistungsangelegenheiten', 'Benefit matters'),
    placement: label('Vermittlung', 'Placement'),
    other: label('Sonstiges', 'Other'),
  } satisfies Labels<`${AppointmentPurpose}`>,
  AppointmentOutcome: {
    took_place: label('Hat stattgefunden', 'Took place'),
    client_did_not_come: label('Nicht erschienen', 'Client did not come'),
    rescheduled: label('Verlegt', 'Rescheduled'),
  } satisfies Labels<`${AppointmentOutcome}`>,
  AppointmentParty: {
    jobcenter: label('Jobcenter', 'Jobcenter'),
    provider: label('Träger', 'Provider'),
  } satisfies Labels<`${AppointmentParty}`>,
  AccompanimentMeeting: {
    met_client: label('Begleitung hat stattgefunden', 'Met the client'),
    client_did_not_come: label(
      'Nicht zum Treffpunkt gekommen',
      'Client did not come to the meeting point',
    ),
  } satisfies Labels<`${AccompanimentMeeting}`>,
  ActivityKind: {
    contact_attempt: label('Kontaktversuch', 'Contact attempt'),
    home_visit: label('Hausbesuch', 'Home visit'),
    phone: label('Telefonat', 'Phone call'),
    office_meeting: label('Termin in der Beratungsstelle', 'Office meeting'),
    accompaniment: label('Begleitung', 'Accompaniment'),
    letter: label('Brief', 'Letter'),
    other: OTHER,
  } satisfies Labels<`${ActivityKind}`>,
  ClientContactWay: {
    phone: label('Telefon', 'Phone'),
    email: label('E-Mail', 'Email'),
    letter: label('Brief', 'Letter'),
    home_visit: label('Hausbesuch', 'Home visit'),
    no_preference: label('Keine Präferenz', 'No preference'),
  } satisfies Labels<`${ClientContactWay}`>,
  RestrictionGround: {
    accuracy_contested: label('Richtigkeit bestritten', 'Accuracy contested'),
    unlawful_processing: label('Unrechtmäßige Verarbeitung', 'Unlawful processing'),
    legal_claims: label('Rechtsansprüche', 'Legal claims'),
    objection_pending: label('Widerspruch wird geprüft', 'Objection pending'),
  } satisfies Labels<`${RestrictionGround}`>,
  ErasureReason: {
    no_longer_necessary: label('Nicht mehr erforderlich', 'No longer necessary'),
    consent_withdrawn: label('Einwilligung widerrufen', 'Consent withdrawn'),
    objection: label('Widerspruch', 'Objection'),
    unlawful_processing: label('Unrechtmäßige Verarbeitung', 'Unlawful processing'),
    legal_obligation: label('Rechtliche Verpflichtung', 'Legal obligation'),
  } satisfies Labels<`${ErasureReason}`>,
  DataCategory: {
    participation: label('Teilnahme', 'Participation'),
    goals: label('Ziele', 'Goals'),
    debts: label('Schulden', 'Debts'),
    housing: label('Wohnen', 'Housing'),
    health: label('Gesundheit', 'Health'),
    mental_health: label('Psychische Gesundheit', 'Mental health'),
    family: label('Familie', 'Family'),
    correspondence: label('Schriftverkehr', 'Correspondence'),
    summary: label('Zusammenfassung', 'Summary'),
  } satisfies Labels<`${DataCategory}`>,
  ReportKind: {
    initial: label('Erstbericht', 'Initial report'),
    interim: label('Zwischenbericht', 'Interim report'),
    final: label('Abschlussbericht', 'Final report'),
  } satisfies Labels<`${ReportKind}`>,
  ReportStatus: {
    draft: label('Entwurf', 'Draft'),
    submitted: label('Übermittelt', 'Submitted'),
  } satisfies Labels<`${ReportStatus}`>,
  ConsentStatus: {
    given: label('Erteilt', 'Given'),
    withdrawn: label('Widerrufen', 'Withdrawn'),
    superseded: label('Ersetzt', 'Superseded'),
    expired: label('Abgelaufen', 'Expired'),
  } satisfies Labels<`${ConsentStatus}`>,
  ConsentEvidenceForm: {
    written: label('Schriftlich', 'Written'),
    verbal_witnessed: label('Mündlich, bezeugt', 'Verbal, witnessed'),
    digital: label('Digital', 'Digital'),
  } satisfies Labels<`${ConsentEvidenceForm}`>,
  StatisticsTable: {
    summary: label('Übersicht', 'Summary'),
    byState: label('Nach Status', 'By state'),
    byOutcome: label('Nach Ergebnis', 'By outcome'),
    byProviderAndMonth: label('Nach Träger und Monat', 'By provider and month'),
    byJobcenterAndMonth: label('Nach Jobcenter und Monat', 'By jobcenter and month'),
    byServiceAndMonth: label('Nach Leistung und Monat', 'By service and month'),
    capacityUse: label('Auslastung', 'Capacity use'),
  } satisfies Labels<`${StatisticsTable}`>,
  CsvSeparator: {
    comma: label('Komma (RFC 4180)', 'Comma (RFC 4180)'),
    semicolon: label('Semikolon (deutsche Tabellenkalkulation)', 'Semicolon (German spreadsheets)'),
  } satisfies Labels<`${CsvSeparator}`>,
  DisclosureCheck: {
    complete: label('Geprüft', 'Checked'),
    incomplete: label(
      'Prüfung nicht abgeschlossen: alle Zahlen zurückgehalten',
      'Check not finished: every count withheld',
    ),
  } satisfies Labels<`${DisclosureCheck}`>,
  StatisticsPerspective: {
    jobcenter: label('Jobcenter', 'Jobcenter'),
    provider: label('Träger', 'Provider'),
  } satisfies Labels<`${OrganisationKind.Jobcenter | OrganisationKind.Provider}`>,
  AuditActorKind: {
    user: label('Person', 'Person'),
    api_key: label('System des Trägers (API-Schlüssel)', 'Provider system (API key)'),
    anonymous: label('Anonym', 'Anonymous'),
    system: label('Lotse', 'Lotse'),
  } satisfies Labels<`${AuditActorKind}`>,
  AuditOutcome: {
    success: label('Erfolgreich', 'Succeeded'),
    failure: label('Fehlgeschlagen', 'Failed'),
    denied: label('Verweigert', 'Denied'),
  } satisfies Labels<`${AuditOutcomeKind}`>,
  BrokenAuditLinkReason: {
    'hash-mismatch': label('Prüfsumme stimmt nicht', 'Hash mismatch'),
    'link-mismatch': label('Verkettung stimmt nicht', 'Link mismatch'),
    'missing-event': label('Ereignis fehlt', 'Missing event'),
    'position-gap': label('Versiegelung lückenhaft', 'Gap in the seals'),
    'unsealed-event': label('Ereignis nicht versiegelt', 'Unsealed event'),
  } satisfies Labels<BrokenLinkReason>,
  DisclosureRecipientKind: {
    user: label('Person', 'Person'),
    api_key: label('System des Trägers (API-Schlüssel)', 'Provider system (API key)'),
  } satisfies Labels<`${AuditActorKind.User | AuditActorKind.ApiKey}`>,
  DisclosedData: {
    case_content: label('Falldaten des Trägers', 'The provider’s case content'),
    client_record: label('Stammdaten der Kundin / des Kunden', 'The client’s record'),
    referral_summary: label('Angaben der Zuweisung', 'The referral’s summary'),
  } satisfies Labels<`${DisclosedData}`>,
} as const;

export type EnumName = keyof typeof ENUM_LABELS;

/** The display names of one language: `{ Role: { caseworker: 'Fallmanager/in', … }, … }`. */
export function labelsIn(lang: Language): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(ENUM_LABELS).map(([name, values]) => [
      name,
      Object.fromEntries(
        Object.entries(values as Record<string, Label>).map(([value, l]) => [value, l[lang]]),
      ),
    ]),
  );
}
