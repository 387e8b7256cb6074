import { OrganisationKind } from '../identity/organisation.entity';

/** The demo world: one jobcenter, two providers (Träger) and the operator. Fictitious names. */
export const DEMO_ORGANISATIONS = [
  { kind: OrganisationKind.Jobcenter, name: 'Jobcenter Musterstadt (Demo)' },
  { kind: OrganisationKind.Provider, name: 'Aufwind Aufsuchende Hilfe e.V. (Demo)' },
  { kind: OrganisationKind.Provider, name: 'Brücke Sozialdienste gGmbH (Demo)' },
  { kind: OrganisationKind.Operator, name: 'Lotse Betrieb (Demo)' },
] as const;
