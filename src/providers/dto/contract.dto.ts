import { ApiProperty } from '@nestjs/swagger';
import { ServiceKind } from '../service-kind';

/** A jobcenter's contract with a provider: services, period and capacity. */
export class ContractDto {
  id: string;
  jobcenterId: string;
  /** @example "Jobcenter Musterstadt" */
  jobcenterName: string;
  providerId: string;
  /** @example "Aufwind Sozialdienste gGmbH" */
  providerName: string;
  /** The jobcenter's contract number, unique per jobcenter. @example "AH-2026-014" */
  number: string;
  /** First day of validity. */
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01' })
  validFrom: string;
  /** Last day of validity (inclusive); null: open-ended. */
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-12-31' })
  validUntil: string | null;
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind', isArray: true })
  services: ServiceKind[];
  /** How many referrals the provider holds open under this contract at once. @example 25 */
  capacity: number;
  /** Working days from acceptance of a referral until the first contact is due. @example 10 */
  firstContactWorkingDays: number;
  createdAt: Date;
  updatedAt: Date;
}
