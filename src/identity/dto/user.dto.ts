import { Permission } from '../../auth/permission';
import { Role } from '../../auth/role';
import { OrganisationKind } from '../organisation.entity';

export class UserOrganisationDto {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export class UserDto {
  id: string;
  /** @example "erika.musterfrau@jobcenter-musterstadt.de" */
  email: string;
  /** @example "Erika Musterfrau" */
  displayName: string;
  organisation: UserOrganisationDto;
  roles: Role[];
  /** A disabled user cannot sign in; their sessions ended when they were disabled. */
  active: boolean;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** The signed-in user, with what their roles allow (for showing or hiding parts of a UI). */
export class MeDto extends UserDto {
  permissions: Permission[];
}
