/** Where a consent record stands now, derived from its grants and successors; never stored. */
export enum ConsentStatus {
  Given = 'given',
  /** Every grant revoked. */
  Withdrawn = 'withdrawn',
  /** Replaced by a newer record of the same client, releasing organisation and referral. */
  Superseded = 'superseded',
  /** Its `validUntil` has passed. */
  Expired = 'expired',
}

/** Withdrawn before superseded before expired: the strongest reason it is not in force. */
export function consentStatusOf(record: {
  grants: readonly { revokedAt: Date | null }[];
  superseded: boolean;
  expired: boolean;
}): ConsentStatus {
  if (record.grants.length > 0 && record.grants.every((g) => g.revokedAt !== null)) {
    return ConsentStatus.Withdrawn;
  }
  if (record.superseded) return ConsentStatus.Superseded;
  if (record.expired) return ConsentStatus.Expired;
  return ConsentStatus.Given;
}
