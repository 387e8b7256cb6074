import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind } from '../../identity/organisation.entity';
import { ServiceKind } from '../../providers/service-kind';
import { ReferralState } from '../../referrals/referral-state';

/**
 * A count as published. Counts of 1 to 4 are suppressed (`count: null, suppressed: true`), and
 * so are further cells where a suppressed one could otherwise be recovered by subtracting
 * published cells from a published total. A 0 is published.
 */
export class CountCellDto {
  /** The count; null when suppressed. */
  @ApiProperty({ type: Number, nullable: true, minimum: 0 })
  count: number | null;
  suppressed: boolean;
}

export class StateCountDto extends CountCellDto {
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  state: ReferralState;
}

/** Sent referrals by their current state (drafts never count). */
export class StateCountsDto {
  /** Every state but `draft`, always in the same order. */
  items: StateCountDto[];
  /** All referrals sent in the period. */
  total: CountCellDto;
}

export class OutcomeCountDto extends CountCellDto {
  /**
   * The outcome code: for `completed` a completion outcome, for `rejected` the reject reason,
   * for `cancelled` the cancel reason (commissioning data); for `ended` the end reason, which
   * is participation content: a jobcenter counts it only for clients whose consent releases
   * participation of the provider to it now, and counts every other ended referral as
   * `not_released`. `unspecified` counts referrals without a code.
   * @example goals_reached
   */
  outcome: string;
}

/** The closed referrals of one state, by outcome. */
export class OutcomeGroupDto {
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  state: ReferralState;
  /** The same count as this state's in `byState` (and suppressed alike). */
  total: CountCellDto;
  outcomes: OutcomeCountDto[];
}

/** One organisation's referrals per month. */
export class OrganisationMonthRowDto {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  organisationName: string;
  /** One cell per month of `months`. */
  cells: CountCellDto[];
  total: CountCellDto;
}

/** Referrals per organisation (rows) and month sent (columns), with the margins. */
export class OrganisationMonthTableDto {
  /** Organisations with at least one referral in the period, by name. */
  rows: OrganisationMonthRowDto[];
  /** Referrals per month, one per month of `months`. */
  columnTotals: CountCellDto[];
  total: CountCellDto;
}

/** One service's requests per month. */
export class ServiceMonthRowDto {
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind' })
  service: ServiceKind;
  cells: CountCellDto[];
  total: CountCellDto;
}

/**
 * Requested services (rows, every service kind) per month sent (columns): a referral counts
 * once for each service it requests, so the totals count requests, not referrals.
 */
export class ServiceMonthTableDto {
  rows: ServiceMonthRowDto[];
  columnTotals: CountCellDto[];
  total: CountCellDto;
}

/** A share between 0 and 1, or null when suppressed. */
export class RateDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  rate: number | null;
  suppressed: boolean;
}

/** A median in days (one decimal), or null when suppressed (fewer than 5 referrals). */
export class MedianDto {
  @ApiProperty({ type: Number, nullable: true })
  days: number | null;
  suppressed: boolean;
}

/** The use of one contract valid today: capacity data, not personal data, never suppressed. */
export class CapacityUseDto {
  @ApiProperty({ format: 'uuid' })
  contractId: string;
  /** The jobcenter's contract number. */
  contractNumber: string;
  @ApiProperty({ format: 'uuid' })
  providerId: string;
  providerName: string;
  @ApiProperty({ format: 'uuid' })
  jobcenterId: string;
  jobcenterName: string;
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind', isArray: true })
  services: ServiceKind[];
  /** Concurrent open referrals the contract allows. */
  capacity: number;
  /** Referrals sent and not closed under the contract now, whenever sent. */
  openReferrals: number;
  /** openReferrals / capacity, three decimals; above 1 when the capacity was lowered. */
  share: number;
}

/**
 * Aggregate statistics of the referrals sent in a period (by the month they were sent, in
 * Europe/Berlin): a jobcenter's own referrals, or those sent to a provider. No referral and no
 * client appears; counts of 1 to 4 are suppressed (see `CountCellDto`).
 */
export class ReferralStatisticsDto {
  /** Whose referrals: a jobcenter's own, or those sent to a provider. */
  @ApiProperty({ enum: [OrganisationKind.Jobcenter, OrganisationKind.Provider] })
  perspective: OrganisationKind.Jobcenter | OrganisationKind.Provider;
  /** @example 2026-01 */
  from: string;
  /** @example 2026-12 */
  to: string;
  /** Every month of the period, the columns of the month tables. */
  months: string[];
  /** Counts below this (and above 0) are suppressed. @example 5 */
  minimumCount: number;
  byState: StateCountsDto;
  /** The closed states (`completed`, `ended`, `rejected`, `cancelled`), each by outcome. */
  byOutcome: OutcomeGroupDto[];
  /** Jobcenters only: referrals per provider and month. */
  @ApiPropertyOptional({ type: OrganisationMonthTableDto })
  byProviderAndMonth?: OrganisationMonthTableDto;
  /** Providers only: referrals per jobcenter and month. */
  @ApiPropertyOptional({ type: OrganisationMonthTableDto })
  byJobcenterAndMonth?: OrganisationMonthTableDto;
  byServiceAndMonth: ServiceMonthTableDto;
  /**
   * Accepted (or later) among the decided (accepted or rejected) referrals. Suppressed when
   * fewer than 5 were decided, or when the accepted or the rejected ones number 1 to 4 (the
   * rate would give them back).
   */
  acceptanceRate: RateDto;
  /** Days from sending to acceptance, over the accepted referrals. */
  medianDaysToAcceptance: MedianDto;
  /**
   * Days from acceptance to the first contact. Whether and when contact was made is
   * participation content: for a jobcenter only over clients whose consent releases
   * participation of the provider to it now.
   */
  medianDaysToFirstContact: MedianDto;
  /** Days from sending to closing, over the referrals that were accepted and are closed. */
  medianDaysToClosure: MedianDto;
  /** The contracts valid today (not limited to the period), by provider and jobcenter name. */
  capacityUse: CapacityUseDto[];
}
