import { ClientContactWay } from '../clients/client.entity';
import { DataCategory } from '../confidentiality/data-category';
import { ServiceKind } from '../providers/service-kind';
import { ReferralReason } from '../referrals/referral-codes';

const MUSTERSTADT_POSTCODES = ['45127', '45128', '45130', '45131', '45133', '45136', '45138'];

/** The directory entries of the demo providers (admin's work). */
export const DEMO_PROFILES = {
  'Aufwind Aufsuchende Hilfe e.V. (Demo)': {
    services: [
      ServiceKind.OutreachHomeVisits,
      ServiceKind.DebtRegulation,
      ServiceKind.HousingSecurity,
      ServiceKind.CorrespondenceHelp,
      ServiceKind.Accompaniment,
    ],
    postcodes: MUSTERSTADT_POSTCODES,
    languages: ['de', 'ar', 'tr', 'en'],
    contactEmail: 'kontakt@aufwind.demo',
    description: 'Aufsuchende Sozialarbeit, Schuldnerberatung und Wohnungssicherung.',
  },
  'Brücke Sozialdienste gGmbH (Demo)': {
    services: [
      ServiceKind.OutreachHomeVisits,
      ServiceKind.PsychosocialSupport,
      ServiceKind.HealthAccess,
      ServiceKind.FamilySupport,
    ],
    postcodes: MUSTERSTADT_POSTCODES.slice(0, 4),
    languages: ['de', 'ru', 'uk', 'pl'],
    contactEmail: 'info@bruecke.demo',
    description: 'Psychosoziale Begleitung und Zugang zu Gesundheitsversorgung.',
  },
} as const;

/** The jobcenter lead's contracts with the demo providers. */
export const DEMO_CONTRACTS = [
  {
    provider: 'Aufwind Aufsuchende Hilfe e.V. (Demo)',
    number: 'AH-2026-001',
    capacity: 25,
    services: DEMO_PROFILES['Aufwind Aufsuchende Hilfe e.V. (Demo)'].services,
  },
  {
    provider: 'Brücke Sozialdienste gGmbH (Demo)',
    number: 'AH-2026-002',
    capacity: 10,
    services: DEMO_PROFILES['Brücke Sozialdienste gGmbH (Demo)'].services,
  },
] as const;

/** How far each demo referral gets: one of every early state, and one ended. */
export type DemoStage = 'draft' | 'requested' | 'accepted' | 'in_progress' | 'ended';

/** Fictitious clients of the demo jobcenter, each with a referral to Aufwind. */
export const DEMO_CASES: {
  stage: DemoStage;
  reason: ReferralReason;
  client: {
    customerNumber: string;
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    street: string;
    postcode: string;
    city: string;
    preferredContact: ClientContactWay;
    noteToProvider: string;
  };
}[] = [
  {
    stage: 'draft',
    reason: ReferralReason.Debts,
    client: {
      customerNumber: 'DEMO-0001',
      givenName: 'Max',
      familyName: 'Mustermann',
      dateOfBirth: '1979-05-14',
      street: 'Lindenallee 3',
      postcode: '45127',
      city: 'Musterstadt',
      preferredContact: ClientContactWay.Letter,
      noteToProvider: 'Briefe werden gelesen, Anrufe nicht angenommen.',
    },
  },
  {
    stage: 'requested',
    reason: ReferralReason.LostContact,
    client: {
      customerNumber: 'DEMO-0002',
      givenName: 'Amira',
      familyName: 'Beispiel',
      dateOfBirth: '1991-11-02',
      street: 'Am Kanal 17',
      postcode: '45128',
      city: 'Musterstadt',
      preferredContact: ClientContactWay.HomeVisit,
      noteToProvider: 'Nachmittags erreichbar; spricht Arabisch.',
    },
  },
  {
    stage: 'accepted',
    reason: ReferralReason.Housing,
    client: {
      customerNumber: 'DEMO-0003',
      givenName: 'Jürgen',
      familyName: 'Probe',
      dateOfBirth: '1966-02-21',
      street: 'Gartenweg 8',
      postcode: '45130',
      city: 'Musterstadt',
      preferredContact: ClientContactWay.NoPreference,
      noteToProvider: 'Räumungsklage angekündigt.',
    },
  },
  {
    stage: 'in_progress',
    reason: ReferralReason.Correspondence,
    client: {
      customerNumber: 'DEMO-0004',
      givenName: 'Olena',
      familyName: 'Test',
      dateOfBirth: '1988-08-30',
      street: 'Schulstraße 41',
      postcode: '45131',
      city: 'Musterstadt',
      preferredContact: ClientContactWay.Phone,
      noteToProvider: 'Hilfe beim Sortieren der Post gewünscht.',
    },
  },
  {
    stage: 'ended',
    reason: ReferralReason.LostContact,
    client: {
      customerNumber: 'DEMO-0005',
      givenName: 'Kai',
      familyName: 'Muster',
      dateOfBirth: '1995-01-09',
      street: 'Bahnhofstraße 2',
      postcode: '45133',
      city: 'Musterstadt',
      preferredContact: ClientContactWay.NoPreference,
      noteToProvider: 'Seit Monaten keine Reaktion auf Einladungen.',
    },
  },
];

/** Aufwind's consent text (Schweigepflichtentbindung), approved by its data protection officer. */
export const DEMO_CONSENT_TEMPLATE = {
  key: 'schweigepflichtentbindung-jobcenter',
  title: 'Entbindung von der Schweigepflicht gegenüber dem Jobcenter',
  body:
    'Ich entbinde die Mitarbeitenden von Aufwind Aufsuchende Hilfe e.V. gegenüber dem Jobcenter ' +
    'von der Schweigepflicht für die unten angekreuzten Bereiche. Ich kann diese Erklärung ' +
    'jederzeit ganz oder teilweise widerrufen, ohne Angabe von Gründen und ohne Nachteile.',
  categories: Object.values(DataCategory),
};
