/**
 * The retention schedule's defaults and bounds (ADR 0020; the reasoning for each period is in
 * docs/operations/data-protection.md). A jobcenter's auditor may change them within the bounds.
 */
export interface RetentionPeriods {
  /** Months after the client's last referral closed until the client is erased entirely. */
  caseContentMonths: number;
  /** Months after its last change until a client never referred is erased. */
  unreferredClientMonths: number;
  /** Months the audit trail is kept; stated, not yet enforced (the trail is append-only). */
  auditTrailMonths: number;
}

export const DEFAULT_RETENTION: Readonly<RetentionPeriods> = {
  caseContentMonths: 36,
  unreferredClientMonths: 12,
  auditTrailMonths: 72,
};

export const RETENTION_BOUNDS: Readonly<Record<keyof RetentionPeriods, [number, number]>> = {
  caseContentMonths: [6, 120],
  unreferredClientMonths: [1, 60],
  auditTrailMonths: [12, 240],
};

/** Why a client is erased on request: the grounds of Art. 17(1) GDPR (with § 84 SGB X). */
export enum ErasureReason {
  /** (a) No longer necessary for the purpose (also § 84(2) SGB X). */
  NoLongerNecessary = 'no_longer_necessary',
  /** (b) The client withdrew the consent the processing rested on. */
  ConsentWithdrawn = 'consent_withdrawn',
  /** (c) The client objected and no overriding grounds remain. */
  Objection = 'objection',
  /** (d) The data was processed unlawfully. */
  UnlawfulProcessing = 'unlawful_processing',
  /** (e) A legal obligation requires the erasure. */
  LegalObligation = 'legal_obligation',
}
