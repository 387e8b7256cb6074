import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { ErasureReason } from '../retention';

/** Erase a client on request (Art. 17 GDPR), with the ground of Art. 17(1). */
export class EraseClientDto {
  @ApiProperty({ enum: ErasureReason, enumName: 'ErasureReason' })
  @IsEnum(ErasureReason)
  reason: ErasureReason;
}

/** What an erasure answers: the id and the reason; nothing of the erased data. */
export class ErasureDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: ErasureReason, enumName: 'ErasureReason' })
  reason: ErasureReason;

  @ApiTimestamp()
  erasedAt: Date;
}
