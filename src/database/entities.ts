import { AuditChainHead } from '../audit/audit-chain-head.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditPending } from '../audit/audit-pending.entity';
import { AuditSeal } from '../audit/audit-seal.entity';

import { OidcTransaction } from '../authentication/oidc/oidc-transaction.entity';
import { BillingStatementLine } from '../billing/billing-statement-line.entity';
import { BillingStatement } from '../billing/billing-statement.entity';
import { Client } from '../clients/client.entity';
import { OutboxEvent } from '../events/event.entity';
import { WebhookDelivery } from '../events/webhook-delivery.entity';
import { WebhookSubscription } from '../events/webhook-subscription.entity';
import { ConsentGrant } from '../consent/consent-grant.entity';
import { ConsentRecord } from '../consent/consent-record.entity';
import { ConsentTemplate } from '../consent/consent-template.entity';
import { ActivationCode } from '../identity/activation-code.entity';
import { ApiKey } from '../identity/api-key.entity';
import { ApprovalRequest } from '../identity/approval-request.entity';
import { Organisation } from '../identity/organisation.entity';
import { RefreshToken } from '../identity/refresh-token.entity';
import { Session } from '../identity/session.entity';
import { IdentityLink } from '../identity/sso/identity-link.entity';
import { OidcSession } from '../identity/sso/oidc-session.entity';
import { IdentityProvider } from '../identity/sso/identity-provider.entity';
import { User } from '../identity/user.entity';
import { Contract } from '../providers/contract.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { ProviderProfile } from '../providers/provider-profile.entity';
import { RetentionPolicy } from '../data-protection/retention-policy.entity';
import { Activity } from '../referrals/activity.entity';
import { AppointmentAttendance } from '../appointments/appointment-attendance.entity';
import { Appointment } from '../appointments/appointment.entity';
import { ReportSection } from '../reporting/report-section.entity';
import { Report } from '../reporting/report.entity';
import { ReferralTransition } from '../referrals/referral-transition.entity';
import { Referral } from '../referrals/referral.entity';
import { OnwardReferral } from '../partners/onward-referral.entity';
import { PartnerAgreement } from '../partners/partner-agreement.entity';

/**
 * Every entity, for the app's data source and the migration CLI alike. A module adds its
 * entities here; the drift test fails until a migration creates their tables.
 */
export const entities = [
  Organisation,
  User,
  Session,
  RefreshToken,
  ApiKey,
  ActivationCode,
  ApprovalRequest,
  AuditEvent,
  AuditSeal,
  AuditPending,
  AuditChainHead,
  Client,
  ProviderProfile,
  Contract,
  Referral,
  ReferralTransition,
  Activity,
  Appointment,
  AppointmentAttendance,
  ConsentTemplate,
  ConsentRecord,
  ConsentGrant,
  IdempotencyKey,
  Report,
  ReportSection,
  OutboxEvent,
  WebhookSubscription,
  WebhookDelivery,

  IdentityProvider,
  IdentityLink,
  OidcTransaction,
  OidcSession,
  RetentionPolicy,
  BillingStatement,
  BillingStatementLine,
  PartnerAgreement,
  OnwardReferral,
];
