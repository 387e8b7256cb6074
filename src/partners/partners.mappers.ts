import type { OnwardReferralDto, ReleasedOnwardReferralDto } from './dto/onward-referral.dto';
import type { PartnerAgreementDto } from './dto/partner-agreement.dto';
import type { PartnerAgreementRow } from './partners.repository';
import type { OnwardReferralView } from './partners.service';

export function toPartnerAgreementDto(row: PartnerAgreementRow): PartnerAgreementDto {
  return { ...row };
}

/**
 * An onward referral as its viewer may see it: the jobcenter exactly the released fact, the
 * partner without the referral it was made from, the provider all of it.
 */
export function toOnwardReferralDto(
  view: OnwardReferralView,
): OnwardReferralDto | ReleasedOnwardReferralDto {
  const { row } = view;
  if (view.as === 'jobcenter') {
    return {
      id: row.id,
      referralId: row.referralId,
      partnerId: row.partnerId,
      category: row.category,
      createdAt: row.createdAt,
    };
  }
  return {
    id: row.id,
    referralId: view.partner ? null : row.referralId,
    jobcenterId: row.jobcenterId,
    providerId: row.providerId,
    partnerId: row.partnerId,
    agreementId: row.agreementId,
    category: row.category,
    state: row.state,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    uptakeRecordedAt: row.uptakeRecordedAt,
    client: view.client
      ? {
          id: view.client.id,
          givenName: view.client.givenName,
          familyName: view.client.familyName,
          dateOfBirth: view.client.dateOfBirth,
        }
      : null,
  };
}
