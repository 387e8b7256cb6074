import { DISCLOSURE_ACTION } from '../confidentiality/content-category';

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

/** The audit action written when the jobcenter's client record is shown to a provider. */
export const CLIENT_DISCLOSURE_ACTION = 'client.disclose';

/** The audit actions that make up a client's disclosure record, and what each disclosed. */
export const DISCLOSURE_RECORD_ACTIONS: Readonly<Record<string, DisclosedData>> = {
  [DISCLOSURE_ACTION]: DisclosedData.CaseContent,
  [CLIENT_DISCLOSURE_ACTION]: DisclosedData.ClientRecord,
};

/** The audit action written whenever somebody reads a client's disclosure record. */
export const DISCLOSURE_RECORD_READ_ACTION = 'disclosure_record.read';
