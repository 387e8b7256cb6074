import { OrganisationKind } from '../common/organisation-kind';

/** The roles of docs/domain.md ("Who uses it"). A user holds one or more. */
export enum Role {
  Caseworker = 'caseworker',
  JobcenterLead = 'jobcenter_lead',
  ProviderWorker = 'provider_worker',
  ProviderLead = 'provider_lead',
  Auditor = 'auditor',
  Admin = 'admin',
  /** A partner organisation's staff: answers onward referrals and records uptake (ADR 0022). */
  PartnerStaff = 'partner_staff',
}

/** Which kind of organisation a role belongs to: a caseworker works for a jobcenter, and so on. */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  [Role.Caseworker]: [OrganisationKind.Jobcenter],
  [Role.JobcenterLead]: [OrganisationKind.Jobcenter],
  [Role.ProviderWorker]: [OrganisationKind.Provider],
  [Role.ProviderLead]: [OrganisationKind.Provider],
  [Role.Auditor]: [
    OrganisationKind.Jobcenter,
    OrganisationKind.Provider,
    OrganisationKind.Operator,
  ],
  [Role.Admin]: [OrganisationKind.Operator],
  [Role.PartnerStaff]: [OrganisationKind.Partner],
};

/** The scopes an API key of a provider system may carry. */
export enum ApiKeyScope {
  ReportsWrite = 'reports:write',
  ActivitiesWrite = 'activities:write',
  ReferralsRead = 'referrals:read',
}
