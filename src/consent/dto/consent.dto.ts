import { ApiProperty } from '@nestjs/swagger';
import { DataCategory } from '../../confidentiality/data-category';
import { ConsentEvidenceForm } from '../consent-record.entity';
import { ConsentStatus } from '../consent-status';

export class ConsentPartyDto {
  id: string;
  name: string;
}

/** Who did something: always the organisation; the person only when it is your own. */
export class ConsentActorDto {
  organisationId: string;
  /** The user; absent when they belong to another organisation than yours. */
  id?: string;
  /** Absent when they belong to another organisation than yours. */
  displayName?: string;
}

/** The version of the consent text the client saw. */
export class ConsentTemplateRefDto {
  id: string;
  /** @example schweigepflichtentbindung-jobcenter */
  key: string;
  version: number;
  title: string;
}

export class ConsentEvidenceDto {
  @ApiProperty({ enum: ConsentEvidenceForm, enumName: 'ConsentEvidenceForm' })
  form: ConsentEvidenceForm;
  /** @example 2026-11-20 */
  givenOn: string;
  /** Where the signed form is kept; null when none, or for organisations other than the releasing one. */
  @ApiProperty({ type: String, nullable: true })
  documentReference: string | null;
}

export class ConsentGrantDto {
  id: string;
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  recipient: ConsentPartyDto;
  /** When it was revoked; null while it stands. */
  @ApiProperty({ type: Date, nullable: true })
  revokedAt: Date | null;
  @ApiProperty({ type: ConsentActorDto, nullable: true })
  revokedBy: ConsentActorDto | null;
}

/**
 * One consent record as given (never changed) with its revocations and where it stands now.
 * An organisation other than the releasing one sees only the grants to itself.
 */
export class ConsentDto {
  id: string;
  clientId: string;
  /** The purpose: the referral it serves. */
  referralId: string;
  /** Whose content it releases. */
  releasingOrganisation: ConsentPartyDto;
  template: ConsentTemplateRefDto;
  validFrom: Date;
  /** Exclusive; null: until revoked. */
  @ApiProperty({ type: Date, nullable: true })
  validUntil: Date | null;
  evidence: ConsentEvidenceDto;
  recordedBy: ConsentActorDto;
  recordedAt: Date;
  /** The record this one replaced; null when none, or when that one released nothing to you. */
  @ApiProperty({ type: String, nullable: true })
  supersedesId: string | null;
  /** The record that replaced this one; null when none, or when it releases nothing to you. */
  @ApiProperty({ type: String, nullable: true })
  supersededById: string | null;
  /**
   * Now: `withdrawn` (every grant revoked), else `superseded`, else `expired` (validUntil
   * passed), else `given`.
   */
  @ApiProperty({ enum: ConsentStatus, enumName: 'ConsentStatus' })
  status: ConsentStatus;
  @ApiProperty({ type: ConsentGrantDto, isArray: true })
  grants: ConsentGrantDto[];
}

/** A release in force now. */
export class EffectiveGrantDto {
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory' })
  category: DataCategory;
  recipientOrganisationId: string;
  recipientName: string;
  releasingOrganisationId: string;
  releasingName: string;
  /** The consent record it comes from. */
  consentId: string;
  @ApiProperty({ type: Date, nullable: true })
  validUntil: Date | null;
}

/**
 * What the client's consent releases now, as far as it concerns you: to you, or of your
 * content. `nothingReleased` says explicitly that nothing is released (an empty answer is not
 * "nothing to report").
 */
export class EffectiveConsentDto {
  nothingReleased: boolean;
  @ApiProperty({ type: EffectiveGrantDto, isArray: true })
  grants: EffectiveGrantDto[];
}

/** A consent of your organisation running out soon; no client data beyond the id. */
export class ExpiringConsentDto {
  id: string;
  clientId: string;
  referralId: string;
  validFrom: Date;
  validUntil: Date;
  /** The categories still released by it. */
  @ApiProperty({ enum: DataCategory, enumName: 'DataCategory', isArray: true })
  categories: DataCategory[];
}
