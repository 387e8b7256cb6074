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
import { NormaliseEmail, Omittable, Trim } from './normalise';
import { IsUuidField } from '../../common/validation/bounds';

export class CreateUserDto {
  @IsUuidField()
  organisationId: string;

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

  /** Roles must fit the organisation: caseworker and jobcenter_lead at a jobcenter, etc. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  /**
   * 12 to 256 characters, no composition rules; common passwords are refused. Hand it to the
   * user by a separate channel.
   */
  @IsString()
  @IsAcceptablePassword()
  initialPassword: string;
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

export class ResetPasswordDto {
  /** The new password; all of the user's sessions end. */
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
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
