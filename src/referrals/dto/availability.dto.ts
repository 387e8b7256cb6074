import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { IsPostcode } from '../../common/validation/postcode';
import { Omittable } from '../../identity/dto/normalise';
import { ServiceKind } from '../../providers/service-kind';

export class AvailabilityQueryDto {
  @Omittable()
  @IsEnum(ServiceKind)
  service?: ServiceKind;

  /** Only providers whose service area includes this postcode. */
  @Omittable()
  @IsPostcode()
  postcode?: string;
}

/** Free places under one contract valid today: counts only, no personal data. */
export class AvailabilityDto {
  contractId: string;
  providerId: string;
  providerName: string;
  jobcenterId: string;
  jobcenterName: string;
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind', isArray: true })
  services: ServiceKind[];
  /** Concurrent open referrals the contract allows. */
  capacity: number;
  /** Referrals sent and not closed under this contract. */
  openReferrals: number;
  /** capacity − openReferrals, never below 0. */
  freePlaces: number;
}
