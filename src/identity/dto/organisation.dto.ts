import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { OrganisationKind } from '../../common/organisation-kind';
import { CreatedUserDto } from './user.dto';
import { ApiText, ApiTimestamp, ApiUuid, NAME_MAX_LENGTH } from '../../common/validation/bounds';

export class OrganisationDto {
  @ApiUuid()
  id: string;
  kind: OrganisationKind;
  /** @example "Jobcenter Musterstadt" */
  @ApiText(NAME_MAX_LENGTH)
  name: string;
  /** A deactivated organisation's users cannot sign in and its API keys do not work. */
  active: boolean;
  @ApiTimestamp()
  createdAt: Date;
  @ApiTimestamp()
  updatedAt: Date;
}

/** Whether every member of the organisation signs in with a second factor (ADR 0017). */
export class MfaRequirementDto {
  /**
   * `true`: every member's password sign-in needs a second factor (TOTP); who has none sets
   * one up at their next sign-in. Admins and auditors need one whatever this says.
   */
  @IsBoolean()
  required: boolean;
}

/** A new organisation, and its first lead if one was asked for. */
export class CreatedOrganisationDto extends OrganisationDto {
  /** The first lead with their activation code; null when none was asked for. */
  @ApiProperty({ type: CreatedUserDto, nullable: true })
  firstLead: CreatedUserDto | null;
}
