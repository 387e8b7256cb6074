import { ApiProperty } from '@nestjs/swagger';
import { DataCategory } from '../../confidentiality/data-category';
import { ConsentEvidenceForm } from '../consent-record.entity';
import { ConsentStatus } from '../consent-status';
import {
  ApiDate,
  ApiText,
  ApiTimestamp,
  ApiUuid,
  NAME_MAX_LENGTH,
} from '../../common/validation/bounds';
import { TEMPLATE_KEY_MAX_LENGTH } from './create-consent-template.dto';
import { DOCUMENT_REFERENCE_MAX_LENGTH, MAX_GRANTS } from './record-consent.dto';

export class ConsentPartyDto {
  @ApiUuid()
  id: string;
  @ApiText(NAME_MAX_LENGTH)
  name: string;
}

/** Who did something: always the organisation; the person only when it is your own. */
export class ConsentActorDto {
  @ApiUuid()
  organisationId: string;
  /** The user; absent when they belong to another organisation than yours. */
  @ApiUuid({ required: false })
  id?: string;
  /** Absent when they belong to another organisation than yours. */
  @ApiText(NAME_MAX_LENGTH, { required: false })
  displayName?: string;
}

/**
 * The version of the consent text the client saw. Its key and title only for the releasing
 * organisation: another organisation's template title can name the kind of help.
 */
export class ConsentTemplateRefDto {
  @ApiUuid()
  id: string;
  /**
   * Absent unless your organisation released the consent.
   * @example schweigepflichtentbindung-jobcenter
   */
  @ApiText(TEMPLATE_KEY_MAX_LENGTH, { required: false })
  key?: string;
  version: number;
  /** Absent unless your organisation released the consent. */
  @ApiText(NAME_MAX_LENGTH, { required: false })
  title?: string;
}

export class ConsentEvidenceDto {
  @ApiProperty({ enum: ConsentEvidenceForm, enumName: 'ConsentEvidenceForm' })
  form: ConsentEvidenceForm;
  /** @example 2026-11-20 */
  @ApiDate()
  givenOn: string;
  /** Where the signed form is kept; null when none, or for organisations other than the releasing one. */
  @ApiText(DOCUMENT_REFERENCE_MAX_LENGTH, { nullable: true })
  documentReference: string | null;
}

export class ConsentGrantDto {
  @ApiUuid()
  id: string;
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  recipient: ConsentPartyDto;
  /** When it was revoked; null while it stands. */
  @ApiTimestamp({ nullable: true })
  revokedAt: Date | null;
  @ApiProperty({ type: ConsentActorDto, nullable: true })
  revokedBy: ConsentActorDto | null;
}

/**
 * One consent record as given (never changed) with its revocations and where it stands now.
 * An organisation other than the releasing one sees only the grants to itself.
 */
export class ConsentDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  clientId: string;
  /** The purpose: the referral it serves. */
  @ApiUuid()
  referralId: string;
  /** Whose content it releases. */
  releasingOrganisation: ConsentPartyDto;
  template: ConsentTemplateRefDto;
  @ApiTimestamp()
  validFrom: Date;
  /** Exclusive; null: until revoked. */
  @ApiTimestamp({ nullable: true })
  validUntil: Date | null;
  evidence: ConsentEvidenceDto;
  recordedBy: ConsentActorDto;
  @ApiTimestamp()
  recordedAt: Date;
  /** The record this one replaced; null when none, or when that one released nothing to you. */
  @ApiUuid({ nullable: true })
  supersedesId: string | null;
  /** The record that replaced this one; null when none, or when it releases nothing to you. */
  @ApiUuid({ nullable: true })
  supersededById: string | null;
  /**
   * Now: `withdrawn` (every grant revoked), else `superseded`, else `expired` (validUntil
   * passed), else `given`. For an organisation other than the releasing one, computed from
   * the grants to it only.
   */
  @ApiProperty({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  status: ConsentStatus;
  @ApiProperty({ type: ConsentGrantDto, isArray: true, maxItems: MAX_GRANTS })
  grants: ConsentGrantDto[];
}

/** A release in force now. */
/**
 * Documented bound of the effective grants (one per category and recipient). Not enforced: a
 * client deals with a jobcenter and a handful of providers, far below it.
 */
export const MAX_EFFECTIVE_GRANTS = 1000;

export class EffectiveGrantDto {
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  @ApiUuid()
  recipientOrganisationId: string;
  @ApiText(NAME_MAX_LENGTH)
  recipientName: string;
  @ApiUuid()
  releasingOrganisationId: string;
  @ApiText(NAME_MAX_LENGTH)
  releasingName: string;
  /** The consent record it comes from. */
  @ApiUuid()
  consentId: string;
  /**
   * The purpose: the referral (Zuweisung) whose content it releases. It releases nothing of
   * any other referral of the client.
   */
  @ApiUuid()
  referralId: string;
  @ApiTimestamp({ nullable: true })
  validUntil: Date | null;
}

/**
 * What the client's consent releases now, as far as it concerns you: to you, or of your
 * content. `nothingReleased` says explicitly that nothing is released (an empty answer is not
 * "nothing to report").
 */
export class EffectiveConsentDto {
  nothingReleased: boolean;
  @ApiProperty({ type: EffectiveGrantDto, isArray: true, maxItems: MAX_EFFECTIVE_GRANTS })
  grants: EffectiveGrantDto[];
}

/** A consent of your organisation running out soon; no client data beyond the id. */
export class ExpiringConsentDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  clientId: string;
  @ApiUuid()
  referralId: string;
  @ApiTimestamp()
  validFrom: Date;
  @ApiTimestamp()
  validUntil: Date;
  /** The categories still released by it. */
  @ApiProperty({
    enum: DataCategory,
    enumName: 'DataCategory',
    isArray: true,
    maxItems: Object.values(DataCategory).length,
  })
  categories: DataCategory[];
}
