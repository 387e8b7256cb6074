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
  /** Require a second factor of every member (ADR 0017): an admin any organisation, a lead their own. */
  OrganisationRequireMfa = 'organisation.require_mfa',
  /** Set a jobcenter's Bundesland (its public holidays): an admin any jobcenter, a lead their own. */
  OrganisationSetFederalState = 'organisation.set_federal_state',

  /** Users: an admin any organisation's, a lead their own organisation's (ADR 0008). */
  UserRead = 'user.read',
  /** A lead's takes effect at once; an admin's becomes an approval request (ADR 0008). */
  UserCreate = 'user.create',
  /** Adding roles or re-enabling: like `user.create`. Other changes take effect at once. */
  UserUpdate = 'user.update',
  /** Issues a one-time reset code; never sets a password. Like `user.create`. */
  UserResetPassword = 'user.reset_password',

  /** Approval requests: an admin all, a lead their own organisation's. */
  ApprovalRequestRead = 'approval_request.read',
  /** Approve or reject: the organisation's lead, or a second admin where it has none. */
  ApprovalRequestDecide = 'approval_request.decide',
  /** Withdraw one's own request. */
  ApprovalRequestWithdraw = 'approval_request.withdraw',
  /** What operator admins did inside one's own organisation. */
  OperatorActionRead = 'operator_action.read',

  ApiKeyRead = 'api_key.read',
  ApiKeyCreate = 'api_key.create',
  ApiKeyRevoke = 'api_key.revoke',
  /** A provider system asks which key it is using (scopes, expiry). Keys only. */
  ApiKeyIntrospect = 'api_key.introspect',

  /** An organisation's identity provider for single sign-on: an admin any, a lead their own. */
  IdentityProviderRead = 'identity_provider.read',
  /** Configure an organisation's identity provider (ADR 0018): the operator's admins. */
  IdentityProviderManage = 'identity_provider.manage',
  /** Which single sign-on subjects sign in as which users: an admin any, a lead their own. */
  IdentityLinkRead = 'identity_link.read',
  /** Link (a lead at once, an admin by approval request) or unlink a subject. */
  IdentityLinkManage = 'identity_link.manage',

  AuditRead = 'audit.read',
  AuditVerify = 'audit.verify',

  ClientCreate = 'client.create',
  ClientRead = 'client.read',
  ClientUpdate = 'client.update',
  /** Restrict the processing of a client's data and lift it (Art. 18 GDPR): the auditor. */
  ClientRestrict = 'client.restrict',
  /** Erase a client on request (Art. 17 GDPR), decided with its ground: the auditor. */
  ClientErase = 'client.erase',
  /**
   * Produce the Art. 15 copy of a client's data: the jobcenter's auditor its part, a provider's
   * auditor the provider's part.
   */
  ClientDataCopy = 'client.data_copy',
  /** The jobcenter's retention schedule: its auditors read it... */
  RetentionPolicyRead = 'retention_policy.read',
  /** ...and only they change it. */
  RetentionPolicyManage = 'retention_policy.manage',

  /** The provider directory: profiles, services, service areas. */
  ProviderRead = 'provider.read',
  /** An admin for any provider, a provider lead for their own. */
  ProviderUpdate = 'provider.update',
  ContractRead = 'contract.read',
  /** A jobcenter lead for their own jobcenter's contracts. */
  ContractManage = 'contract.manage',
  /** Generate a month's billing statement edition: the provider's lead (ADR 0023). */
  BillingStatementCreate = 'billing_statement.create',
  /** Read the statements of a contract: the leads of both parties; ids and units only. */
  BillingStatementRead = 'billing_statement.read',
  /** Free places per provider and service; no personal data. */
  /** One's own worklist (ADR 0019): a caseworker's, a provider worker's or lead's referrals awaiting action. */
  WorklistRead = 'worklist.read',
  AvailabilityRead = 'availability.read',

  /** Partner agreements (ADR 0022): each party its own; providers all, to choose a partner. */
  PartnerAgreementRead = 'partner_agreement.read',
  /** A jobcenter lead for their own jobcenter's partner agreements. */
  PartnerAgreementManage = 'partner_agreement.manage',
  /** Refer a client onward to a partner (provider worker of the referral, or provider lead). */
  OnwardReferralCreate = 'onward_referral.create',
  /** The onward referrals the caller's organisation may see (a jobcenter: only as released). */
  OnwardReferralRead = 'onward_referral.read',
  /** Accept or decline an onward referral: the partner's staff. */
  OnwardReferralDecide = 'onward_referral.decide',
  /** Record whether the client arrived at the partner: the partner's staff. */
  OnwardReferralRecordUptake = 'onward_referral.record_uptake',

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

  /** Propose an appointment of the client with the case manager (ADR 0021): the case manager. */
  AppointmentPropose = 'appointment.propose',
  /** A referral's appointments: its case manager and the provider working it. */
  AppointmentRead = 'appointment.read',
  /** Record the client's wish to be accompanied: either side. */
  AppointmentRecordWish = 'appointment.record_wish',
  /** Confirm that the worker accompanies the client: the provider. */
  AppointmentConfirmAccompaniment = 'appointment.confirm_accompaniment',
  /** Record whether the client came (the jobcenter's own record): the case manager. */
  AppointmentRecordOutcome = 'appointment.record_outcome',
  /** Record whether the worker met the client (provider content, `participation`). */
  AppointmentRecordAttendance = 'appointment.record_attendance',

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
  /** The organisation's event feed: ids, types and times of what happened, no content. */
  EventRead = 'event.read',
  /** The organisation's webhook subscriptions, their secrets and delivery log. */
  WebhookManage = 'webhook.manage',
}
