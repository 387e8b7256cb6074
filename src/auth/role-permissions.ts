import { Permission as P } from './permission';
import { ApiKeyScope, Role } from './role';

/** What every signed-in person may do with their own account. */
const EVERY_PERSON = [P.ProfileRead, P.ProfileChangePassword, P.SessionEnd] as const;

/** Recording and reading consents, and revocations, on the client's behalf. */
const CONSENT_WORK = [
  P.ConsentTemplateRead,
  P.ConsentRecord,
  P.ConsentRead,
  P.ConsentRevoke,
] as const;

/**
 * Managing members and deciding approval requests (ADR 0008): an admin of every organisation
 * (what grants access only as a request), a lead of their own.
 */
const MEMBER_MANAGEMENT = [
  P.UserRead,
  P.UserCreate,
  P.UserUpdate,
  P.UserResetPassword,
  P.ApprovalRequestRead,
  P.ApprovalRequestDecide,
] as const;

/** Single sign-on of one's organisation: its identity provider and links (ADR 0018). */
const SSO_LINKING = [P.IdentityProviderRead, P.IdentityLinkRead, P.IdentityLinkManage] as const;

/** A lead also sees every operator admin's action in their organisation. */
const LEADERSHIP = [
  ...MEMBER_MANAGEMENT,
  ...SSO_LINKING,
  P.OperatorActionRead,
  P.OrganisationRequireMfa,
] as const;

/** A provider's people carry out the work of an accepted referral. */
const PROVIDER_CASEWORK = [
  P.ReferralRead,
  P.ReferralStart,
  P.ReferralPause,
  P.ReferralResume,
  P.ReferralComplete,
  P.ReferralEnd,
  P.ActivityCreate,
  P.ActivityRead,
  P.AppointmentRead,
  P.AppointmentRecordWish,
  P.AppointmentConfirmAccompaniment,
  P.AppointmentRecordAttendance,
  ...CONSENT_WORK,
  P.ReportCreate,
  P.ReportRead,
  P.ReportUpdate,
  P.ReportSubmit,
  P.ReportPreview,
  P.DisclosureRecordRead,
  P.PartnerAgreementRead,
  P.OnwardReferralCreate,
  P.OnwardReferralRead,
] as const;

/**
 * The one table of who may do what. The admin manages organisations, users and keys and holds
 * no permission that reads case content, nor can it come to hold a credential that does: what
 * grants access inside an organisation needs that organisation's lead (ADR 0008). The auditor
 * reads the audit trail and nothing else. Changing a row changes `docs/authorization.md`,
 * which the route-drift test compares.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly P[]> = {
  [Role.Caseworker]: [
    ...EVERY_PERSON,
    P.ClientCreate,
    P.ClientRead,
    P.ClientUpdate,
    P.ProviderRead,
    P.AvailabilityRead,
    P.ReferralCreate,
    P.ReferralRead,
    P.ReferralUpdate,
    P.ReferralSend,
    P.ReferralCancel,
    P.WorklistRead,
    // Released case content (activities, report sections), through the disclosure policy.
    P.ActivityRead,
    P.ReportRead,
    // Appointments with the client (ADR 0021); the provider's record of them as released.
    P.AppointmentPropose,
    P.AppointmentRead,
    P.AppointmentRecordWish,
    P.AppointmentRecordOutcome,
    // Onward referrals only as far as the client released them to the jobcenter (ADR 0022).
    P.OnwardReferralRead,
    ...CONSENT_WORK,
    // The jobcenter is the controller for its clients: it answers their Art. 15 requests.
    P.DisclosureRecordRead,
    P.EventRead,
  ],
  // Contracts, capacity, aggregate statistics and the jobcenter's members: no case content.
  [Role.JobcenterLead]: [
    ...EVERY_PERSON,
    ...LEADERSHIP,
    P.OrganisationSetFederalState,
    P.ProviderRead,
    P.ContractRead,
    P.ContractManage,
    P.BillingStatementRead,
    P.PartnerAgreementRead,
    P.PartnerAgreementManage,
    P.AvailabilityRead,
    P.StatisticsRead,
    P.EventRead,
    P.WebhookManage,
  ],
  [Role.ProviderWorker]: [...EVERY_PERSON, P.ProviderRead, P.WorklistRead, ...PROVIDER_CASEWORK],
  [Role.ProviderLead]: [
    ...EVERY_PERSON,
    ...LEADERSHIP,
    P.ApiKeyRead,
    P.ApiKeyCreate,
    P.ApiKeyRevoke,
    P.ProviderRead,
    P.ProviderUpdate,
    P.ContractRead,
    P.BillingStatementCreate,
    P.BillingStatementRead,
    P.AvailabilityRead,
    P.ReferralAccept,
    P.ReferralReject,
    P.ReferralAssign,
    P.WorklistRead,
    P.StatisticsRead,
    P.EventRead,
    P.WebhookManage,
    ...PROVIDER_CASEWORK,
  ],
  [Role.Auditor]: [
    ...EVERY_PERSON,
    P.AuditRead,
    P.AuditVerify,
    P.ConsentTemplateRead,
    P.ConsentTemplateManage,
    P.ConsentTemplateApprove,
    P.DisclosureRecordRead,
    P.ClientRestrict,
    P.ClientErase,
    P.ClientDataCopy,
    P.RetentionPolicyRead,
    P.RetentionPolicyManage,
  ],
  [Role.Admin]: [
    ...EVERY_PERSON,
    P.OrganisationRead,
    P.OrganisationCreate,
    P.OrganisationUpdate,
    P.OrganisationRequireMfa,
    P.OrganisationSetFederalState,
    ...MEMBER_MANAGEMENT,
    ...SSO_LINKING,
    P.IdentityProviderManage,
    P.ApprovalRequestWithdraw,
    P.ApiKeyRead,
    P.ApiKeyCreate,
    P.ApiKeyRevoke,
    P.ProviderRead,
    P.ProviderUpdate,
  ],
  // A partner organisation (ADR 0022): its agreements, and its onward referrals: the answer and
  // the uptake, nothing else; the client's identity only after accepting.
  [Role.PartnerStaff]: [
    ...EVERY_PERSON,
    P.PartnerAgreementRead,
    P.OnwardReferralRead,
    P.OnwardReferralDecide,
    P.OnwardReferralRecordUptake,
    P.EventRead,
  ],
};

/** What every API key may do, whatever its scopes. */
const EVERY_KEY = [P.ApiKeyIntrospect] as const;

/** What each scope adds. */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly P[]> = {
  [ApiKeyScope.ReportsWrite]: [P.ReportCreate, P.ReportRead, P.ReportUpdate, P.ReportSubmit],
  [ApiKeyScope.ActivitiesWrite]: [P.ActivityCreate],
  [ApiKeyScope.ReferralsRead]: [P.ReferralRead, P.ActivityRead, P.EventRead],
};

export function permissionsOfRoles(roles: readonly Role[]): ReadonlySet<P> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function permissionsOfScopes(scopes: readonly ApiKeyScope[]): ReadonlySet<P> {
  return new Set([...EVERY_KEY, ...scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope])]);
}

/** Whether any API key can ever hold the permission (documents the `api-key` scheme). */
export function isMachinePermission(permission: P): boolean {
  return (
    (EVERY_KEY as readonly P[]).includes(permission) ||
    Object.values(SCOPE_PERMISSIONS).some((ps) => ps.includes(permission))
  );
}

/** Whether any person can hold the permission (documents the `bearer` scheme). */
export function isPersonPermission(permission: P): boolean {
  return Object.values(ROLE_PERMISSIONS).some((ps) => ps.includes(permission));
}
