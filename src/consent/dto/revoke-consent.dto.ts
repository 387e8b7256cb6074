import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Omittable } from '../../identity/dto/normalise';

/** No reason is asked: the client owes none. */
export class RevokeConsentDto {
  /**
   * The grants to revoke; omit to revoke every grant still in force that you may revoke (all
   * of them for the releasing organisation, those to your jobcenter for a case manager).
   */
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  grantIds?: string[];
}
