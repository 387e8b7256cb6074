import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '../../identity/dto/normalise';
import { ActivityKind } from '../referral-codes';

export class CreateActivityDto {
  @IsEnum(ActivityKind)
  kind: ActivityKind;

  /** When it happened (ISO 8601); not in the future. */
  @IsDateString({ strict: true })
  @MaxLength(40)
  occurredAt: string;

  /** Minutes, 0–1440. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  durationMinutes?: number | null;

  /** Whether the client was reached. The first reached contact counts as the first contact. */
  @IsBoolean()
  reached: boolean;

  /** Provider-internal; never disclosed to the jobcenter, whatever the consent. */
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class ActivityDto {
  id: string;
  referralId: string;
  @ApiProperty({ enum: ActivityKind, enumName: 'ActivityKind' })
  kind: ActivityKind;
  occurredAt: Date;
  @ApiProperty({ type: Number, nullable: true })
  durationMinutes: number | null;
  reached: boolean;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ enum: ['user', 'api_key'] })
  recordedByKind: 'user' | 'api_key';
  recordedById: string;
  createdAt: Date;
}
