import { Role } from '../auth/role';
import { OrganisationKind } from '../common/organisation-kind';
import { FederalState } from '../common/public-holidays';

const JOBCENTER = 'Jobcenter Musterstadt (Demo)';
const PROVIDER = 'Aufwind Aufsuchende Hilfe e.V. (Demo)';
const OPERATOR = 'Lotse Betrieb (Demo)';
/** The psychiatric clinic the Essen model refers onward to (ADR 0022); fictitious demo entry. */
export const DEMO_PARTNER = 'LVR-Universitätsklinik Essen, Psychiatrie (Demo)';

/**
 * The demo world: one jobcenter (in Hessen, whose public holidays its due dates skip), two
 * providers (Träger), a partner clinic with places reserved for the jobcenter's clients (ADR
 * 0022) and the operator. Fictitious names.
 */
export const DEMO_ORGANISATIONS: readonly {
  kind: OrganisationKind;
  name: string;
  federalState?: FederalState;
}[] = [
  { kind: OrganisationKind.Jobcenter, name: JOBCENTER, federalState: FederalState.Hessen },
  { kind: OrganisationKind.Provider, name: PROVIDER },
  { kind: OrganisationKind.Provider, name: 'Brücke Sozialdienste gGmbH (Demo)' },
  { kind: OrganisationKind.Operator, name: OPERATOR },
  { kind: OrganisationKind.Partner, name: DEMO_PARTNER },
];

/** The one password of every demo login; demo data never exists in production. */
export const DEMO_PASSWORD = 'Lotse-Demo-Passwort-2026';

/**
 * The TOTP secret of the demo admins and auditors, who must sign in with a second factor
 * (ADR 0017): add it to any authenticator app (or compute the code with `oathtool --totp -b`).
 * Printed with the demo logins; demo data never exists in production.
 */
export const DEMO_TOTP_SECRET = 'LOTSEDEMOLOTSEDEMOLOTSEDEMO23456';

/**
 * One user per role, so that every view of Lotse can be tried out; the provider's data
 * protection officer, who approves its consent texts; and a second admin, who approves what the
 * first asks to change where an organisation has no lead (ADR 0008).
 */
export const DEMO_USERS = [
  {
    role: Role.Caseworker,
    organisation: JOBCENTER,
    email: 'fallmanagerin@jobcenter-musterstadt.demo',
    displayName: 'Erika Musterfrau (Fallmanagerin)',
  },
  {
    role: Role.JobcenterLead,
    organisation: JOBCENTER,
    email: 'leitung@jobcenter-musterstadt.demo',
    displayName: 'Jonas Beispiel (Teamleitung)',
  },
  {
    role: Role.Auditor,
    organisation: JOBCENTER,
    email: 'datenschutz@jobcenter-musterstadt.demo',
    displayName: 'Dana Schutz (Datenschutzbeauftragte)',
  },
  {
    role: Role.ProviderWorker,
    organisation: PROVIDER,
    email: 'sozialarbeit@aufwind.demo',
    displayName: 'Samir Helfer (Sozialarbeiter)',
  },
  {
    role: Role.ProviderLead,
    organisation: PROVIDER,
    email: 'leitung@aufwind.demo',
    displayName: 'Lena Träger (Bereichsleitung)',
  },
  {
    role: Role.Auditor,
    organisation: PROVIDER,
    email: 'datenschutz@aufwind.demo',
    displayName: 'Dr. Paula Prüfer (Datenschutz Aufwind)',
  },
  {
    role: Role.Admin,
    organisation: OPERATOR,
    email: 'admin@lotse-betrieb.demo',
    displayName: 'Alex Admin (Betrieb)',
  },
  {
    role: Role.PartnerStaff,
    organisation: DEMO_PARTNER,
    email: 'ambulanz@lvr-klinik-essen.demo',
    displayName: 'Dr. Mira Klinik (Psychiatrische Institutsambulanz)',
  },
  {
    role: Role.Admin,
    organisation: OPERATOR,
    email: 'zweitadmin@lotse-betrieb.demo',
    displayName: 'Bea Betrieb (zweite Administratorin)',
  },
] as const;
