import { AuditAction, type DisclosureAction } from './audit-actions';

/** What a disclosure showed its recipient. */
export enum DisclosedData {
  /** A provider's case content, of the categories named. */
  CaseContent = 'case_content',
  /** The jobcenter's record of the client (Stammdaten), shown to a provider working the case. */
  ClientRecord = 'client_record',
  /**
   * The referral's summary of the client (postcode, the case manager's note to the provider),
   * shown to the provider asked to take the case, before it decides.
   */
  ReferralSummary = 'referral_summary',
}

/**
 * The audit actions that make up a client's disclosure record, and what each disclosed (a
 * `client.disclose` event names its data in `details.data`). Keyed by every disclosure action
 * of the catalogue: one the record does not read does not compile.
 */
export const DISCLOSURE_RECORD_ACTIONS: Readonly<Record<DisclosureAction, DisclosedData>> = {
  [AuditAction.ContentDisclose]: DisclosedData.CaseContent,
  [AuditAction.ClientDisclose]: DisclosedData.ClientRecord,
};
