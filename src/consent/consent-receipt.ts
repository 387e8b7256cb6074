import { DataCategory, SPECIAL_CATEGORIES } from '../confidentiality/data-category';
import type { OrganisationKind } from '../common/organisation-kind';
import { ConsentEvidenceForm } from './consent-record.entity';
import { ConsentStatus } from './consent-status';

/** Each category in words a client understands (docs/domain.md, "Data categories"). */
export const CATEGORY_LABELS_DE: Readonly<Record<DataCategory, string>> = {
  [DataCategory.Participation]:
    'Teilnahme: ob ein Kontakt zustande kam und ob Sie teilnehmen, Termine (nie deren Inhalt)',
  [DataCategory.Goals]:
    'Ziele: die vereinbarten Ziele und Ihre Fortschritte, Schritte in Arbeit oder Ausbildung',
  [DataCategory.Debts]: 'Schulden: Ihre Schuldensituation und die Regelung Ihrer Schulden',
  [DataCategory.Housing]: 'Wohnen: Ihre Wohnsituation, ein drohender Verlust der Wohnung',
  [DataCategory.Health]:
    'Gesundheit: Ihre körperliche Gesundheit und der Zugang zu ärztlicher Versorgung',
  [DataCategory.MentalHealth]:
    'Psychische Gesundheit: seelische Gesundheit, psychiatrische und psychosoziale Hilfe, Sucht',
  [DataCategory.Family]: 'Familie: Ihre Familie, Kinderbetreuung, Pflege von Angehörigen',
  [DataCategory.Correspondence]:
    'Post: Briefe und Behördenpost, die mit Ihnen gemeinsam durchgesehen wurden',
  [DataCategory.Summary]:
    'Gesamteinschätzung: die zusammenfassende Einschätzung und Empfehlung der Fachkraft',
};

const FORM_LABELS_DE: Readonly<Record<ConsentEvidenceForm, string>> = {
  [ConsentEvidenceForm.Written]: 'schriftlich (unterschrieben)',
  [ConsentEvidenceForm.VerbalWitnessed]: 'mündlich, vor einer Zeugin oder einem Zeugen',
  [ConsentEvidenceForm.Digital]: 'digital bestätigt',
};

const STATUS_LABELS_DE: Readonly<Record<ConsentStatus, string>> = {
  [ConsentStatus.Given]: 'Erteilt und in Kraft.',
  [ConsentStatus.Withdrawn]: 'Vollständig widerrufen. Es wird nichts mehr weitergegeben.',
  [ConsentStatus.Expired]: 'Abgelaufen. Es wird nichts mehr weitergegeben.',
  [ConsentStatus.Superseded]:
    'Durch eine neuere Einwilligung ersetzt. Diese hier gilt nicht mehr; es gilt die neuere.',
};

export interface ConsentReceiptInput {
  consentId: string;
  releasingName: string;
  /** The referral the consent serves; its jobcenter owns the client and takes revocations too. */
  purpose: { referredAt: Date; jobcenterName: string; providerName: string };
  grants: {
    category: DataCategory;
    recipientName: string;
    recipientKind: OrganisationKind;
    revokedAt: Date | null;
  }[];
  validFrom: Date;
  validUntil: Date | null;
  status: ConsentStatus;
  evidence: { form: ConsentEvidenceForm; givenOn: string; documentReference: string | null };
  /** The releasing organisation's template by title and key; another's by version and id. */
  template: { title: string; key: string; version: number } | { id: string; version: number };
  recordedAt: Date;
}

const TIME_ZONE = 'Europe/Berlin';
const DAY = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const CLOCK = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function day(at: Date): string {
  return DAY.format(at);
}

function dayAndTime(at: Date): string {
  return `${DAY.format(at)}, ${CLOCK.format(at)} Uhr`;
}

/** `2026-11-20` → `20.11.2026`. */
function calendarDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** `validUntil` is exclusive: an end at midnight is "including the day before". */
function until(validUntil: Date): string {
  if (CLOCK.format(validUntil) === '00:00') {
    return `einschließlich ${day(new Date(validUntil.getTime() - 1))}`;
  }
  return dayAndTime(validUntil);
}

function categoryLine(g: ConsentReceiptInput['grants'][number]): string {
  const special = SPECIAL_CATEGORIES.includes(g.category)
    ? ' (besonders geschützte Gesundheitsdaten)'
    : '';
  const revoked = g.revokedAt ? ` – widerrufen am ${day(g.revokedAt)}` : '';
  return `  - ${CATEGORY_LABELS_DE[g.category]}${special}${revoked}`;
}

/**
 * The consent receipt: a plain-language German rendering of one consent record that the worker
 * hands to the client. What is released, by whom, to whom, for what, for how long, where it
 * stands, and how to take it back.
 */
export function renderConsentReceipt(input: ConsentReceiptInput, printedAt: Date): string {
  const recipients = new Map<string, ConsentReceiptInput['grants']>();
  for (const g of input.grants) {
    recipients.set(g.recipientName, [...(recipients.get(g.recipientName) ?? []), g]);
  }
  const revoked = input.grants.filter((g) => g.revokedAt !== null);
  const status =
    input.status === ConsentStatus.Given && revoked.length > 0
      ? 'Erteilt und in Kraft, teilweise widerrufen (siehe oben).'
      : STATUS_LABELS_DE[input.status];
  const validity = input.validUntil
    ? `Gültig ab ${day(input.validFrom)} bis ${until(input.validUntil)}.`
    : `Gültig ab ${day(input.validFrom)} bis auf Widerruf.`;

  const lines = [
    'Bestätigung Ihrer Einwilligung (Schweigepflichtentbindung)',
    '',
    `Ausgestellt am ${dayAndTime(printedAt)}`,
    '',
    'Wer gibt weiter',
    `${input.releasingName} darf die unten genannten Angaben über Sie weitergeben: nur diese Angaben, nur an die genannten Stellen und nur für den genannten Zweck.`,
    '',
    'Wofür',
    `Für die Zusammenarbeit im Rahmen der Zuweisung vom ${day(input.purpose.referredAt)} (${input.purpose.jobcenterName} an ${input.purpose.providerName}).`,
    '',
    'Was und an wen',
    ...[...recipients].flatMap(([name, grants]) => [`An ${name}:`, ...grants.map(categoryLine)]),
    '',
    'Wie lange',
    validity,
    '',
    'Stand',
    status,
    '',
    'Ihr Recht auf Widerruf',
    'Sie können diese Einwilligung jederzeit, ganz oder teilweise, ohne Angabe von Gründen und ohne Nachteile widerrufen; der Widerruf gilt für die Zukunft. Was bis dahin schon weitergegeben wurde, bleibt davon unberührt.',
    'Ihre Teilnahme ist freiwillig. Ein Widerruf hat für Sie keine Nachteile, auch nicht bei Ihren Leistungen.',
    `Für den Widerruf genügt eine formlose Nachricht, mündlich oder schriftlich, an ${input.releasingName}.`,
    ...(input.purpose.jobcenterName !== input.releasingName
      ? [
          `Sie können den Widerruf auch bei ${input.purpose.jobcenterName} erklären, bei Ihrer Fallmanagerin oder Ihrem Fallmanager; er gilt dann für alle Stellen, an die hier etwas freigegeben ist.`,
        ]
      : []),
    '',
    'Nachweis',
    `Form: ${FORM_LABELS_DE[input.evidence.form]}`,
    `Erteilt am: ${calendarDay(input.evidence.givenOn)}`,
    'title' in input.template
      ? `Einwilligungstext: „${input.template.title}“ (${input.template.key}), Version ${input.template.version}`
      : `Einwilligungstext: Version ${input.template.version} (Kennung ${input.template.id})`,
    ...(input.evidence.documentReference ? [`Ablage: ${input.evidence.documentReference}`] : []),
    `Aufgenommen am: ${dayAndTime(input.recordedAt)}`,
    `Kennung: ${input.consentId}`,
    '',
  ];
  return lines.join('\n');
}
