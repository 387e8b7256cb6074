import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../common/pagination/page';
import { DataCategory } from '../../confidentiality/data-category';
import { AuditActorKind } from '../audit-event.entity';
import type { DisclosureRow } from '../client-disclosures.repository';
import { DisclosedData, DISCLOSURE_RECORD_ACTIONS } from '../disclosure-record';
import { ApiText, ApiTimestamp, ApiUuid, NAME_MAX_LENGTH } from '../../common/validation/bounds';

/**
 * One disclosure (Offenlegung, Übermittlung) of the client's data to another organisation.
 * It names the receiving organisation, never the person who read it.
 */
export class ClientDisclosureDto {
  /** When the data was shown. */
  @ApiTimestamp()
  occurredAt: Date;

  /** The organisation that received the data. */
  @ApiUuid()
  recipientOrganisationId: string;

  /** Its name; null only if the organisation is unknown. */
  @ApiText(NAME_MAX_LENGTH, { nullable: true })
  recipientOrganisationName: string | null;

  /** Whether a person of that organisation or its software (an API key) received it. */
  @ApiProperty({
    enum: [AuditActorKind.User, AuditActorKind.ApiKey],
    enumName: 'DisclosureRecipientKind',
  })
  recipientKind: AuditActorKind.User | AuditActorKind.ApiKey;

  /**
   * `case_content`: a provider's case content, of the categories named. `client_record`: the
   * jobcenter's record of the client (name, address, contact), shown to a provider working
   * the case. `referral_summary`: the referral's summary of the client (postcode, the case
   * manager's note to the provider), shown to the provider asked to take the case.
   */
  @ApiProperty({ enum: DisclosedData, enumName: 'DisclosedData' })
  what: DisclosedData;

  /**
   * The data categories shown (Datenkategorien); empty for the jobcenter's data, and for
   * readers who are party to no case (the operator's auditors).
   * @example ["participation"]
   */
  @ApiProperty({
    enum: DataCategory,
    enumName: 'DataCategory',
    isArray: true,
    maxItems: Object.values(DataCategory).length,
  })
  categories: DataCategory[];

  /** The provider whose case content it was; null for the client record. */
  @ApiUuid({ nullable: true })
  authorOrganisationId: string | null;
}

export function toClientDisclosureDto(row: DisclosureRow): ClientDisclosureDto {
  const what =
    row.data === DisclosedData.ReferralSummary
      ? DisclosedData.ReferralSummary
      : DISCLOSURE_RECORD_ACTIONS[row.action];
  return {
    occurredAt: row.occurredAt,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientOrganisationName: row.recipientOrganisationName,
    recipientKind: row.recipientKind,
    what,
    categories: row.categories as DataCategory[],
    authorOrganisationId: what === DisclosedData.CaseContent ? row.authorOrganisationId : null,
  };
}

export function toClientDisclosurePage(page: Page<DisclosureRow>): Page<ClientDisclosureDto> {
  return { items: page.items.map(toClientDisclosureDto), nextCursor: page.nextCursor };
}
