import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { RestrictionGround } from '../client.entity';
import { ApiTimestamp, ApiUuid } from '../../common/validation/bounds';

/** Restrict the processing of a client's data (Art. 18 GDPR), on one ground of Art. 18(1). */
export class RestrictClientDto {
  @ApiProperty({ enum: RestrictionGround, enumName: 'RestrictionGround' })
  @IsEnum(RestrictionGround)
  ground: RestrictionGround;
}

/** A client's restriction of processing: since when, on which ground. No personal data. */
export class ClientRestrictionDto {
  @ApiUuid()
  clientId: string;

  @ApiProperty({ enum: RestrictionGround, enumName: 'RestrictionGround' })
  ground: RestrictionGround;

  @ApiTimestamp()
  restrictedAt: Date;
}
