import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../../identity/password/is-acceptable-password.decorator';

export class ActivateAccountDto {
  /**
   * The one-time code your organisation's lead (or the operator, for a new organisation's
   * first lead) handed you; dashes, spaces and case do not matter.
   * @example "K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R9FG"
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[A-Za-z2-7 -]+$/, { message: 'code must be letters, digits 2–7, dashes and spaces' })
  code: string;

  /**
   * The password you choose: 12 to 256 characters, no composition rules; common passwords and
   * your own email address are refused.
   */
  @IsString()
  @IsAcceptablePassword()
  newPassword: string;
}
