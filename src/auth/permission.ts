/**
 * Everything an actor may be allowed to do, named `resource.action`. A route declares exactly one
 * with `@Can(...)`; `role-permissions.ts` says which roles and API-key scopes hold it.
 */
export enum Permission {
  ProfileRead = 'profile.read',
  ProfileChangePassword = 'profile.change_password',
  SessionEnd = 'session.end',

  OrganisationRead = 'organisation.read',
  OrganisationCreate = 'organisation.create',
  OrganisationUpdate = 'organisation.update',

  UserRead = 'user.read',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  UserResetPassword = 'user.reset_password',

  ApiKeyRead = 'api_key.read',
  ApiKeyCreate = 'api_key.create',
  ApiKeyRevoke = 'api_key.revoke',
  /** A provider system asks which key it is using (scopes, expiry). Keys only. */
  ApiKeyIntrospect = 'api_key.introspect',

  AuditRead = 'audit.read',
  AuditVerify = 'audit.verify',

  ClientCreate = 'client.create',
  ClientRead = 'client.read',
  ClientUpdate = 'client.update',

  /** The provider directory: profiles, services, service areas. */
  ProviderRead = 'provider.read',
  /** An admin for any provider, a provider lead for their own. */
  ProviderUpdate = 'provider.update',
  ContractRead = 'contract.read',
  /** A jobcenter lead for their own jobcenter's contracts. */
  ContractManage = 'contract.manage',
  /** Free places per provider and service; no personal data. */
  AvailabilityRead = 'availability.read',

  ReferralCreate = 'referral.create',
  ReferralRead = 'referral.read',
  ReferralUpdate = 'referral.update',
  ReferralSend = 'referral.send',
  ReferralCancel = 'referral.cancel',
  ReferralAccept = 'referral.accept',
  ReferralReject = 'referral.reject',
  ReferralAssign = 'referral.assign',
  ReferralStart = 'referral.start',
  ReferralPause = 'referral.pause',
  ReferralResume = 'referral.resume',
  ReferralComplete = 'referral.complete',
  ReferralEnd = 'referral.end',

  ActivityCreate = 'activity.create',
  ActivityRead = 'activity.read',

  ConsentTemplateRead = 'consent_template.read',
  /** Write new template versions: the data protection officer. */
  ConsentTemplateManage = 'consent_template.manage',
  ConsentTemplateApprove = 'consent_template.approve',
  /** Record a client's consent (provider worker of an open referral, or a case manager). */
  ConsentRecord = 'consent.record',
  ConsentRead = 'consent.read',
  /** Record a revocation on the client's behalf. */
  ConsentRevoke = 'consent.revoke',

  ReportCreate = 'report.create',
  ReportRead = 'report.read',
  ReportUpdate = 'report.update',
  ReportSubmit = 'report.submit',
  /** See a report as a recipient would see it now, before submitting. */
  ReportPreview = 'report.preview',
  /** Which organisation received which categories of a client, and when (Art. 15 GDPR). */
  DisclosureRecordRead = 'disclosure_record.read',
  /** Aggregate statistics with small cells suppressed; no case content. */
  StatisticsRead = 'statistics.read',
}
