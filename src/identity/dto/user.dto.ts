import { Permission } from '../../auth/permission';
import { Role } from '../../auth/role';
import { OrganisationKind } from '../../common/organisation-kind';
import { ActivationCodeDto } from './activation-code.dto';
import { ApiProperty } from '@nestjs/swagger';
import {
  ApiText,
  ApiTimestamp,
  ApiUuid,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
} from '../../common/validation/bounds';

export class UserOrganisationDto {
  @ApiUuid()
  id: string;
  @ApiText(NAME_MAX_LENGTH)
  name: string;
  kind: OrganisationKind;
}

export class UserDto {
  @ApiUuid()
  id: string;
  /** @example "erika.musterfrau@jobcenter-musterstadt.de" */
  @ApiText(EMAIL_MAX_LENGTH, { format: 'email' })
  email: string;
  /** @example "Erika Musterfrau" */
  @ApiText(NAME_MAX_LENGTH)
  displayName: string;
  organisation: UserOrganisationDto;
  @ApiProperty({
    enum: Role,
    enumName: 'Role',
    isArray: true,
    maxItems: Object.values(Role).length,
  })
  roles: Role[];
  /** A disabled user cannot sign in; their sessions ended when they were disabled. */
  active: boolean;
  /**
   * false for a new user, and after a password reset, until the user chooses a password with
   * their activation code (`POST /auth/activate`); they cannot sign in until then.
   */
  passwordSet: boolean;
  /** When the password was last chosen or, by a reset, taken away. */
  @ApiTimestamp()
  passwordChangedAt: Date;
  @ApiTimestamp()
  createdAt: Date;
  @ApiTimestamp()
  updatedAt: Date;
}

/**
 * A user just created by their organisation's lead (or by the approval of an admin's request),
 * with the one-time code for them to choose their password.
 */
export class CreatedUserDto extends UserDto {
  activation: ActivationCodeDto;
}

/** The signed-in user, with what their roles allow (for showing or hiding parts of a UI). */
export class MeDto extends UserDto {
  @ApiProperty({
    enum: Permission,
    enumName: 'Permission',
    isArray: true,
    maxItems: Object.values(Permission).length,
  })
  permissions: Permission[];
}
