/** The form of an action: `area.verb`, lower case, at most 64 characters. */
export const ACTION_FORMAT = /^(?=.{1,64}$)[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * The catalogue of audit actions: every `action` the trail holds is one of these, named
 * `area.verb` (docs/operations/audit-trail.md, "Actions"). A string enum, so that the compiler
 * refuses a plain string where `AuditService` takes an action: a new kind of event is added
 * here, with its description, or not at all.
 */
export enum AuditAction {
  AuthLogin = 'auth.login',
  AuthLogout = 'auth.logout',
  AuthRefreshReuse = 'auth.refresh_reuse',
  AuthMfaChallenge = 'auth.mfa_challenge',
  AuthMfa = 'auth.mfa',
  AuthBackchannelLogout = 'auth.backchannel_logout',
  AccessDenied = 'access.denied',
  OrganisationCreate = 'organisation.create',
  OrganisationUpdate = 'organisation.update',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  UserResetPassword = 'user.reset_password',
  UserChangePassword = 'user.change_password',
  UserActivate = 'user.activate',
  IdentityProviderCreate = 'identity_provider.create',
  IdentityProviderUpdate = 'identity_provider.update',
  IdentityLinkCreate = 'identity_link.create',
  IdentityLinkDelete = 'identity_link.delete',
  ApiKeyCreate = 'api_key.create',
  ApiKeyRevoke = 'api_key.revoke',
  WebhookSubscriptionCreate = 'webhook_subscription.create',
  WebhookSubscriptionRotateSecret = 'webhook_subscription.rotate_secret',
  WebhookSubscriptionPause = 'webhook_subscription.pause',
  WebhookSubscriptionResume = 'webhook_subscription.resume',
  WebhookSubscriptionDelete = 'webhook_subscription.delete',
  WebhookRedeliver = 'webhook.redeliver',
  ApprovalRequest = 'approval.request',
  ApprovalApprove = 'approval.approve',
  ApprovalReject = 'approval.reject',
  ApprovalWithdraw = 'approval.withdraw',
  ProviderUpdate = 'provider.update',
  ContractCreate = 'contract.create',
  ContractUpdate = 'contract.update',
  BillingStatementCreate = 'billing_statement.create',
  PartnerAgreementCreate = 'partner_agreement.create',
  OnwardReferralCreate = 'onward_referral.create',
  OnwardReferralAccept = 'onward_referral.accept',
  OnwardReferralDecline = 'onward_referral.decline',
  OnwardReferralRecordUptake = 'onward_referral.record_uptake',
  OnwardReferralClientShown = 'onward_referral.client_shown',
  ClientCreate = 'client.create',
  ClientUpdate = 'client.update',
  ClientDisclose = 'client.disclose',
  ClientRestrict = 'client.restrict',
  ClientRestrictionLift = 'client.restriction_lift',
  ClientErase = 'client.erase',
  ClientDataCopy = 'client.data_copy',
  RetentionPolicyUpdate = 'retention_policy.update',
  ConsentTemplateCreate = 'consent_template.create',
  ConsentTemplateApprove = 'consent_template.approve',
  ConsentRecord = 'consent.record',
  ConsentRevoke = 'consent.revoke',
  ConsentRevokeAll = 'consent.revoke_all',
  ReferralCreate = 'referral.create',
  ReferralUpdate = 'referral.update',
  ReferralSend = 'referral.send',
  ReferralAccept = 'referral.accept',
  ReferralReject = 'referral.reject',
  ReferralStart = 'referral.start',
  ReferralPause = 'referral.pause',
  ReferralResume = 'referral.resume',
  ReferralComplete = 'referral.complete',
  ReferralEnd = 'referral.end',
  ReferralCancel = 'referral.cancel',
  ReferralAssign = 'referral.assign',
  ActivityCreate = 'activity.create',
  AppointmentPropose = 'appointment.propose',
  AppointmentRecordWish = 'appointment.record_wish',
  AppointmentConfirmAccompaniment = 'appointment.confirm_accompaniment',
  AppointmentRecordOutcome = 'appointment.record_outcome',
  AppointmentRecordAttendance = 'appointment.record_attendance',
  ReportCreate = 'report.create',
  ReportUpdate = 'report.update',
  ReportSubmit = 'report.submit',
  ContentDisclose = 'content.disclose',
  DisclosureRecordRead = 'disclosure_record.read',
}

/**
 * What each action records, for the readers of the trail (the table in
 * docs/operations/audit-trail.md is checked against it). A `Record`, so that an action without
 * a description does not compile.
 */
export const AUDIT_ACTION_DESCRIPTIONS: Readonly<Record<AuditAction, string>> = {
  [AuditAction.AuthLogin]:
    'A sign-in: `success` opens a session; `failure` says why in `details.reason`.',
  [AuditAction.AuthLogout]: 'A user ended their session.',
  [AuditAction.AuthRefreshReuse]:
    'A refresh token was used a second time (`denied`): its session is ended.',
  [AuditAction.AuthMfaChallenge]:
    'A right password of an account that has or needs a second factor: a 5-minute challenge instead of a session.',
  [AuditAction.AuthMfa]:
    'A wrong second factor (TOTP or recovery code) for a challenge (`failure`); the completed sign-in is `auth.login` with `details.secondFactor`.',
  [AuditAction.AuthBackchannelLogout]:
    'An identity provider signed a person out (back-channel logout): the sessions begun through it end (`details.sessionsEnded`).',
  [AuditAction.AccessDenied]:
    'A signed-in caller was refused a route (403) or an object it may not see (404).',
  [AuditAction.OrganisationCreate]: 'An organisation was created.',
  [AuditAction.OrganisationUpdate]:
    'An organisation was renamed, deactivated or reactivated, or its second-factor requirement or Bundesland changed.',
  [AuditAction.UserCreate]: 'A user was created.',
  [AuditAction.UserUpdate]: "A user's name, roles or active status changed.",
  [AuditAction.UserResetPassword]: "A user's password was reset: an activation code was issued.",
  [AuditAction.UserChangePassword]:
    'A user changed their own password (`failure`: the current password was wrong).',
  [AuditAction.UserActivate]:
    'A one-time code was redeemed and a password chosen (`failure`: an invalid code).',
  [AuditAction.IdentityProviderCreate]:
    "An organisation's identity provider (single sign-on) was configured.",
  [AuditAction.IdentityProviderUpdate]:
    "An organisation's identity provider changed (issuer, client, role mapping, or the switch for password sign-in).",
  [AuditAction.IdentityLinkCreate]:
    'A subject of an identity provider was linked to a user: an explicit step, never a match by email.',
  [AuditAction.IdentityLinkDelete]:
    "A link to an identity provider's subject was removed; the sessions begun through it end.",
  [AuditAction.ApiKeyCreate]: 'An API key was issued.',
  [AuditAction.ApiKeyRevoke]: 'An API key was revoked.',
  [AuditAction.WebhookSubscriptionCreate]:
    "An organisation's lead subscribed a URL to its events (the secret was shown once).",
  [AuditAction.WebhookSubscriptionRotateSecret]:
    "A webhook subscription's signing secret was rotated; the old one signs for one more day.",
  [AuditAction.WebhookSubscriptionPause]: 'A webhook subscription was paused.',
  [AuditAction.WebhookSubscriptionResume]: 'A paused webhook subscription was resumed.',
  [AuditAction.WebhookSubscriptionDelete]: 'A webhook subscription was deleted.',
  [AuditAction.WebhookRedeliver]: 'A webhook delivery was put back to be sent again.',
  [AuditAction.ApprovalRequest]:
    "An operator's change inside an organisation was put to its approver (ADR 0008).",
  [AuditAction.ApprovalApprove]: 'An approval request was approved and carried out.',
  [AuditAction.ApprovalReject]: 'An approval request was rejected.',
  [AuditAction.ApprovalWithdraw]: 'An approval request was withdrawn by the admin who asked.',
  [AuditAction.ProviderUpdate]: "A provider's directory entry was written or changed.",
  [AuditAction.ContractCreate]: 'A contract between a jobcenter and a provider was created.',
  [AuditAction.ContractUpdate]: 'A contract changed (its billing terms included).',
  [AuditAction.BillingStatementCreate]:
    "An edition of a contract's monthly billing statement was generated (month, edition, line count, total, correction reason).",
  [AuditAction.PartnerAgreementCreate]:
    'An agreement between a jobcenter and a partner organisation was created.',
  [AuditAction.OnwardReferralCreate]:
    'A provider referred a client onward to a partner organisation, with the client’s consent.',
  [AuditAction.OnwardReferralAccept]: 'A partner organisation accepted an onward referral.',
  [AuditAction.OnwardReferralDecline]: 'A partner organisation declined an onward referral.',
  [AuditAction.OnwardReferralRecordUptake]:
    'A partner organisation recorded whether the client arrived.',
  [AuditAction.OnwardReferralClientShown]:
    'The client’s identity was shown to the partner organisation that accepted the onward referral.',
  [AuditAction.ClientCreate]: 'A client was registered (the fields sent, never their values).',
  [AuditAction.ClientUpdate]: "A client's record changed (the fields sent, never their values).",
  [AuditAction.ClientDisclose]:
    "The jobcenter's data about a client (the client record, or a referral's summary) was shown to a provider: part of the client's disclosure record.",
  [AuditAction.ClientRestrict]:
    "The processing of a client's data was restricted (Art. 18 GDPR), with the ground.",
  [AuditAction.ClientRestrictionLift]:
    "A restriction of the processing of a client's data was lifted, with its ground.",
  [AuditAction.ClientErase]:
    'A client was erased from every table (Art. 17 GDPR), on request or by the retention sweep: the reason and the tables, no personal data.',
  [AuditAction.ClientDataCopy]:
    "The Art. 15 copy of a client's data was produced for the client (ids only).",
  [AuditAction.RetentionPolicyUpdate]:
    "A jobcenter's retention schedule changed (the fields sent and the new periods).",
  [AuditAction.ConsentTemplateCreate]: 'A consent template was drafted.',
  [AuditAction.ConsentTemplateApprove]: 'A consent template was approved for use.',
  [AuditAction.ConsentRecord]: "A client's consent (Schweigepflichtentbindung) was recorded.",
  [AuditAction.ConsentRevoke]: 'Grants of a consent were revoked.',
  [AuditAction.ConsentRevokeAll]:
    "A client's revocation of everything (or of categories) about them was recorded.",
  [AuditAction.ReferralCreate]: 'A referral was drafted.',
  [AuditAction.ReferralUpdate]: 'A draft referral changed.',
  [AuditAction.ReferralSend]: 'A referral was sent to the provider (draft → requested).',
  [AuditAction.ReferralAccept]: 'The provider accepted a referral (requested → accepted).',
  [AuditAction.ReferralReject]: 'The provider rejected a referral (requested → rejected).',
  [AuditAction.ReferralStart]: 'The work began (accepted → in_progress).',
  [AuditAction.ReferralPause]: 'The work paused (in_progress → on_hold).',
  [AuditAction.ReferralResume]: 'The work resumed (on_hold → in_progress).',
  [AuditAction.ReferralComplete]: 'The provider completed a referral.',
  [AuditAction.ReferralEnd]: 'The provider ended a referral early.',
  [AuditAction.ReferralCancel]: 'The jobcenter cancelled a referral.',
  [AuditAction.ReferralAssign]: 'A provider lead handed a referral to another worker.',
  [AuditAction.ActivityCreate]: 'The provider logged a contact or contact attempt.',
  [AuditAction.AppointmentPropose]:
    'The case manager proposed an appointment with the client (or a new one in place of a rescheduled one).',
  [AuditAction.AppointmentRecordWish]: "Either side recorded the client's wish to be accompanied.",
  [AuditAction.AppointmentConfirmAccompaniment]:
    'The provider confirmed that its worker accompanies the client to an appointment.',
  [AuditAction.AppointmentRecordOutcome]:
    'The case manager recorded whether an appointment took place (the jobcenter’s own record).',
  [AuditAction.AppointmentRecordAttendance]:
    'The provider recorded whether its worker met the client for an appointment (its participation content; `details` holds ids only).',
  [AuditAction.ReportCreate]: 'The provider drafted a report (or a correction).',
  [AuditAction.ReportUpdate]: 'A draft report changed.',
  [AuditAction.ReportSubmit]: 'A report was submitted to the jobcenter.',
  [AuditAction.ContentDisclose]:
    "A provider's case content was shown to another organisation, with the categories shown: part of the client's disclosure record.",
  [AuditAction.DisclosureRecordRead]: "Somebody read a client's disclosure record.",
};

/**
 * The actions that record a disclosure of a client's data to another organisation. The
 * client's disclosure record (`disclosure-record.ts`) is read from exactly these, and only
 * `DisclosureAudit` writes them.
 */
export const DISCLOSURE_ACTIONS = [
  AuditAction.ContentDisclose,
  AuditAction.ClientDisclose,
] as const;

export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
