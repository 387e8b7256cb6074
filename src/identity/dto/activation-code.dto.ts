import { ApiProperty } from '@nestjs/swagger';
import { ApiText, ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { ActivationPurpose } from '../activation-code.entity';

/** 32 characters of `A–Z2–7` in eight groups of four, joined by dashes. */
export const ACTIVATION_CODE_LENGTH = 39;

/**
 * A one-time code with which the user chooses their own password (`POST /auth/activate`). It
 * is shown this once, to you alone, and Lotse keeps only its hash: hand it to the person
 * yourself, by a channel you trust (not to an address a request named).
 */
export class ActivationCodeDto {
  /** Whose code it is. */
  @ApiUuid()
  userId: string;
  /** @example "K7QH-2MZR-W4TD-XB3N-J6PA-5VYE-LC2S-R9FG" */
  @ApiText(ACTIVATION_CODE_LENGTH, { pattern: '^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$' })
  code: string;
  /** A new account, or a reset of a lost password. */
  @ApiProperty({ enum: ActivationPurpose, enumName: 'ActivationPurpose' })
  purpose: ActivationPurpose;
  /** After this the code no longer works; ask for a new one. */
  @ApiTimestamp()
  expiresAt: Date;
}
