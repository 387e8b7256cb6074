import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiText, ApiTimestamp, ApiUuid, IsUuidField } from '../../../common/validation/bounds';

export const SUBJECT_MAX_LENGTH = 255;

export class CreateIdentityLinkDto {
  /** The user of this organisation who signs in as the subject. */
  @IsUuidField()
  userId: string;

  /**
   * The identity provider's subject (`sub`) of the person, as a refused first sign-in reported
   * it. Keycloak: the user's ID. @example "5b1c6a8e-1f0d-4a44-9d1b-6f3c1a2b9e77"
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUBJECT_MAX_LENGTH)
  subject: string;
}

/** "This subject at the organisation's identity provider signs in as this user." */
export class IdentityLinkDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  organisationId: string;
  @ApiUuid()
  providerId: string;
  @ApiText(SUBJECT_MAX_LENGTH)
  subject: string;
  @ApiUuid()
  userId: string;
  /** The lead who linked, or who approved an admin's request to. */
  @ApiUuid()
  createdBy: string;
  @ApiTimestamp()
  createdAt: Date;
}
