import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OrganisationKind } from '../../common/organisation-kind';
import { NewPersonDto } from './create-user.dto';
import { Omittable, Trim } from '../../common/validation/normalise';

export class CreateOrganisationDto {
  /** jobcenter, provider (Träger) or operator. Cannot be changed later. */
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  /** Unique. @example "Jobcenter Musterstadt" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /**
   * A jobcenter's or provider's first lead (`jobcenter_lead`, `provider_lead`), created without
   * a password. The answer holds their one-time activation code, shown this once: hand it over
   * yourself, out of band. From then on the lead manages the organisation's members.
   */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewPersonDto)
  firstLead?: NewPersonDto;
}

export class UpdateOrganisationDto {
  @Omittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** false deactivates: its users are signed out on their next request, its API keys stop working. */
  @Omittable()
  @IsBoolean()
  active?: boolean;
}
