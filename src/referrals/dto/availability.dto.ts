import { IsEnum, IsString, Matches, MaxLength } from 'class-validator';
import { MUNICIPALITY, MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';
import { IsPostcode } from '../../common/validation/postcode';
import { Omittable } from '../../common/validation/normalise';
import { ApiServiceKinds, ServiceKind } from '../../providers/service-kind';
import { ApiText, ApiUuid, NAME_MAX_LENGTH } from '../../common/validation/bounds';

export class AvailabilityQueryDto {
  @Omittable()
  @IsEnum(ServiceKind)
  service?: ServiceKind;

  /** Only providers whose service area includes this postcode. */
  @Omittable()
  @IsPostcode()
  postcode?: string;

  /**
   * Only providers whose service area includes this municipality (Gemeinde), without regard to
   * case: for a client without a fixed address. @example "Bensheim"
   */
  @Omittable()
  @IsString()
  @MaxLength(MUNICIPALITY_MAX_LENGTH)
  @Matches(MUNICIPALITY, { message: 'municipality must be a place name' })
  municipality?: string;
}

/** Free places under one contract valid today: counts only, no personal data. */
export class AvailabilityDto {
  @ApiUuid()
  contractId: string;
  @ApiUuid()
  providerId: string;
  @ApiText(NAME_MAX_LENGTH)
  providerName: string;
  @ApiUuid()
  jobcenterId: string;
  @ApiText(NAME_MAX_LENGTH)
  jobcenterName: string;
  @ApiServiceKinds()
  services: ServiceKind[];
  /** Concurrent open referrals the contract allows. */
  capacity: number;
  /** Referrals sent and not closed under this contract. */
  openReferrals: number;
  /** capacity − openReferrals, never below 0. */
  freePlaces: number;
  /**
   * openReferrals − capacity, never below 0: open referrals beyond a capacity the jobcenter's
   * lead lowered below them (`confirmOverCommitment`). No referral is booked under the contract
   * until they are closed down to the capacity.
   */
  overCommitted: number;
}
