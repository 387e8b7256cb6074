import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import { Role } from '../../auth/role';
import { IsAcceptablePassword } from '../password/is-acceptable-password.decorator';
import { NormaliseEmail, Omittable, Trim } from '../../common/validation/normalise';
import { IsUuidField } from '../../common/validation/bounds';

/** A person to be: address and name. The user chooses their password with an activation code. */
export class NewPersonDto {
  /** Unique across Lotse, compared case-insensitively. */
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;
}

/** A new member, without a password: they choose it with the activation code. */
export class CreateUserDto extends NewPersonDto {
  @IsUuidField()
  organisationId: string;

  /** Roles must fit the organisation: caseworker and jobcenter_lead at a jobcenter, etc. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];
}

export class UpdateUserDto {
  @Omittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles?: Role[];

  /** false disables the user and ends all their sessions at once. */
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  /** 12 to 256 characters; your other sessions end. */
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
}
