import { IsBoolean, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OrganisationKind } from '../organisation.entity';
import { Omittable, Trim } from './normalise';

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
