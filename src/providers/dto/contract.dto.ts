import { ApiServiceKinds, ServiceKind } from '../service-kind';
import {
  ApiDate,
  ApiText,
  ApiTimestamp,
  ApiUuid,
  NAME_MAX_LENGTH,
} from '../../common/validation/bounds';
import { ApiProperty } from '@nestjs/swagger';
import { BillingUnit } from '../billing-unit';
import { BillingTermDto } from './billing-term.dto';
import { CONTRACT_NUMBER_MAX_LENGTH } from './create-contract.dto';

/** A jobcenter's contract with a provider: services, period and capacity. */
export class ContractDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  jobcenterId: string;
  /** @example "Jobcenter Musterstadt" */
  @ApiText(NAME_MAX_LENGTH)
  jobcenterName: string;
  @ApiUuid()
  providerId: string;
  /** @example "Aufwind Sozialdienste gGmbH" */
  @ApiText(NAME_MAX_LENGTH)
  providerName: string;
  /** The jobcenter's contract number, unique per jobcenter. @example "AH-2026-014" */
  @ApiText(CONTRACT_NUMBER_MAX_LENGTH)
  number: string;
  /** First day of validity. */
  @ApiDate({ example: '2026-01-01' })
  validFrom: string;
  /** Last day of validity (inclusive); null: open-ended. */
  @ApiDate({ nullable: true, example: '2027-12-31' })
  validUntil: string | null;
  @ApiServiceKinds()
  services: ServiceKind[];
  /** How many referrals the provider holds open under this contract at once. @example 25 */
  capacity: number;
  /** Working days from acceptance of a referral until the first contact is due. @example 10 */
  firstContactWorkingDays: number;
  /** What the contract pays for, each unit with its price in cents (ADR 0023); may be empty. */
  @ApiProperty({
    type: () => BillingTermDto,
    isArray: true,
    maxItems: Object.values(BillingUnit).length,
  })
  billingTerms: BillingTermDto[];
  @ApiTimestamp()
  createdAt: Date;
  @ApiTimestamp()
  updatedAt: Date;
}
