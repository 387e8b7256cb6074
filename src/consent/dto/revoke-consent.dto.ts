import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray } from 'class-validator';
import { Omittable } from '../../identity/dto/normalise';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUuidField } from '../../common/validation/bounds';
import { MAX_GRANTS } from './record-consent.dto';

/** No reason is asked: the client owes none. */
export class RevokeConsentDto {
  /**
   * The grants to revoke; omit to revoke every grant still in force that you may revoke (all
   * of them for the releasing organisation, those to your jobcenter for a case manager).
   */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRANTS)
  @ApiPropertyOptional({ maxItems: MAX_GRANTS })
  @ArrayUnique()
  @IsUuidField({ each: true })
  grantIds?: string[];
}
