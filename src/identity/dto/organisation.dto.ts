import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEnum, ValidateIf } from 'class-validator';
import { FederalState } from '../../common/public-holidays';
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
  /**
   * A jobcenter's Bundesland (ISO 3166-2 code without `DE-`): its public holidays are not
   * working days for first-contact due dates. Null: only the holidays of every Land count.
   */
  @ApiProperty({ enum: FederalState, enumName: 'FederalState', nullable: true, example: 'HE' })
  federalState: FederalState | null;
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

/** Which Land's public holidays a jobcenter's first-contact due dates skip. */
export class FederalStateSettingDto {
  /**
   * The jobcenter's Bundesland (ISO 3166-2 code without `DE-`, e.g. `HE` Hessen, `NW`
   * Nordrhein-Westfalen); null: only the holidays of every Land. Applies to referrals accepted
   * from now on: due dates already set stay.
   */
  @ApiProperty({ enum: FederalState, enumName: 'FederalState', nullable: true, example: 'HE' })
  @ValidateIf((_, value) => value !== null)
  @IsEnum(FederalState)
  federalState: FederalState | null;
}

/** A new organisation, and its first lead if one was asked for. */
export class CreatedOrganisationDto extends OrganisationDto {
  /** The first lead with their activation code; null when none was asked for. */
  @ApiProperty({ type: CreatedUserDto, nullable: true })
  firstLead: CreatedUserDto | null;
}
