/**
 * The Art. 15 copy (ADR 0020): everything Lotse holds about one client, as rows of its tables,
 * and a plain German rendering of it for the client. Pure rendering here; `DataCopyRepository`
 * reads the rows.
 */

export type Row = Record<string, unknown>;

export interface DataCopy {
  clientId: string;
  createdAt: Date;
  client: Row;
  referrals: Row[];
  history: Row[];
  reports: Row[];
  reportSections: Row[];
  appointments: Row[];
  appointmentAttendances: Row[];
  consents: Row[];
  consentGrants: Row[];
  disclosures: Row[];
}

/** The sections of the copy, with their German heading, in the order they are rendered. */
export const SECTIONS: readonly [Exclude<keyof DataCopy, 'clientId' | 'createdAt'>, string][] = [
  ['client', 'Ihre Stammdaten'],
  ['referrals', 'Zuweisungen an Träger'],
  ['history', 'Verlauf der Zuweisungen'],
  ['reports', 'Berichte'],
  ['reportSections', 'Inhalte der Berichte'],
  ['appointments', 'Ihre Termine beim Jobcenter'],
  ['appointmentAttendances', 'Begleitungen zu Terminen (soweit Sie sie freigegeben haben)'],
  ['consents', 'Ihre Einwilligungen (Schweigepflichtentbindungen)'],
  ['consentGrants', 'Freigaben und Widerrufe'],
  ['disclosures', 'Offenlegungen: wer wann was über Sie erhalten hat'],
];

/**
 * A provider's part of the Art. 15 copy (ADR 0020): what that provider holds about a client of
 * its referrals, its own records only. Each controller answers for its part.
 */
export interface ProviderDataCopy {
  clientId: string;
  providerId: string;
  createdAt: Date;
  referrals: Row[];
  history: Row[];
  activities: Row[];
  appointmentAttendances: Row[];
  reports: Row[];
  reportSections: Row[];
  consents: Row[];
  consentGrants: Row[];
  disclosures: Row[];
}

/** The sections of the provider's part, with their German heading. */
export const PROVIDER_SECTIONS: readonly [
  Exclude<keyof ProviderDataCopy, 'clientId' | 'providerId' | 'createdAt'>,
  string,
][] = [
  ['referrals', 'Zuweisungen an diesen Träger'],
  ['history', 'Schritte dieses Trägers in den Zuweisungen'],
  ['activities', 'Kontakte und Termine'],
  ['appointmentAttendances', 'Begleitungen zu Terminen beim Jobcenter'],
  ['reports', 'Berichte dieses Trägers'],
  ['reportSections', 'Inhalte der Berichte'],
  ['consents', 'Ihre Einwilligungen, die dieser Träger erfasst hat'],
  ['consentGrants', 'Freigaben und Widerrufe'],
  ['disclosures', 'Offenlegungen, an denen dieser Träger beteiligt war'],
];

/** German names of the fields a reader meets most; others are shown by their technical name. */
const FIELD_LABELS_DE: Readonly<Record<string, string>> = {
  customer_number: 'Kundennummer',
  given_name: 'Vorname',
  family_name: 'Nachname',
  date_of_birth: 'Geburtsdatum',
  street: 'Straße',
  postcode: 'Postleitzahl',
  city: 'Ort',
  care_of: 'Postanschrift (c/o)',
  usual_whereabouts: 'Wo Sie meist anzutreffen sind',
  municipality: 'Gemeinde',
  phone: 'Telefon',
  email: 'E-Mail',
  preferred_contact: 'Bevorzugter Kontaktweg',
  preferred_contact_times: 'Erreichbarkeit (Zeiten)',
  note_to_provider: 'Hinweis an den Träger',
  state: 'Status',
  reason_category: 'Anlass',
  reason_text: 'Anlass in Worten',
  goals: 'Ziele',
  requested_services: 'Angefragte Leistungen',
  outcome: 'Ergebnis',
  sent_at: 'Gesendet am',
  accepted_at: 'Angenommen am',
  closed_at: 'Abgeschlossen am',
  action: 'Schritt',
  reason: 'Begründung',
  kind: 'Art',
  occurred_at: 'Zeitpunkt',
  note: 'Notiz',
  period_from: 'Zeitraum von',
  period_until: 'Zeitraum bis',
  category: 'Kategorie',
  text: 'Text',
  fields: 'Angaben',
  valid_from: 'Gültig ab',
  valid_until: 'Gültig bis',
  evidence_form: 'Form der Einwilligung',
  given_on: 'Erteilt am',
  document_reference: 'Ablageort des Formulars',
  revoked_at: 'Widerrufen am',
  recipient_organisation_id: 'Empfänger (Organisation)',
  organisation_id: 'Organisation',
  categories: 'Kategorien',
  created_at: 'Angelegt am',
  updated_at: 'Geändert am',
};

function valueDe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(valueDe).join(', ');
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? '–';
}

function rowDe(row: Row): string[] {
  return Object.entries(row).map(
    ([key, value]) => `  ${FIELD_LABELS_DE[key] ?? key}: ${valueDe(value)}`,
  );
}

/** Each section as a heading and its rows, one field a line. */
function sectionsDe<T extends object>(copy: T, sections: readonly [keyof T, string][]): string[] {
  const lines: string[] = [];
  for (const [key, heading] of sections) {
    const value = copy[key];
    const rows = (Array.isArray(value) ? value : [value]) as Row[];
    lines.push('', `${heading} (${rows.length})`, '-'.repeat(heading.length));
    if (rows.length === 0) lines.push('  (keine)');
    rows.forEach((row, i) => {
      if (rows.length > 1) lines.push(`  Nr. ${i + 1}`);
      lines.push(...rowDe(row));
    });
  }
  return lines;
}

/** The provider's part as plain German text for the client (Art. 15(3) GDPR). */
export function renderProviderDataCopyDe(copy: ProviderDataCopy): string {
  const lines = [
    'Auskunft nach Art. 15 DSGVO – Teil des Trägers',
    '',
    `Erstellt am ${copy.createdAt.toISOString()} für die Person mit der Kennung ${copy.clientId}`,
    `vom Träger mit der Kennung ${copy.providerId}.`,
    'Sie enthält, was dieser Träger in Lotse über Sie gespeichert hat. Was Ihr Jobcenter',
    'gespeichert hat, erfahren Sie bei dessen Datenschutzbeauftragter bzw.',
    'Datenschutzbeauftragtem; jede Stelle gibt Auskunft über ihren Teil.',
    ...sectionsDe(copy, PROVIDER_SECTIONS),
  ];
  return `${lines.join('\n')}\n`;
}

/** The copy as plain German text for the client (Art. 15(3) GDPR). */
export function renderDataCopyDe(copy: DataCopy): string {
  const lines = [
    'Auskunft nach Art. 15 DSGVO',
    '',
    `Erstellt am ${copy.createdAt.toISOString()} für die Person mit der Kennung ${copy.clientId}.`,
    'Sie enthält alles, was in Lotse über Sie gespeichert ist. Fragen richten Sie bitte an die',
    'Datenschutzbeauftragte bzw. den Datenschutzbeauftragten Ihres Jobcenters.',
  ];
  lines.push(
    'Was die Träger über ihre Arbeit mit Ihnen aufgezeichnet und nicht an das Jobcenter',
    'freigegeben haben, erfahren Sie bei dem jeweiligen Träger selbst.',
  );
  lines.push(...sectionsDe(copy, SECTIONS));
  return `${lines.join('\n')}\n`;
}
