import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrganisationKind } from '../../common/organisation-kind';
import { ApiServiceKinds, ServiceKind } from '../../providers/service-kind';
import { ReferralState } from '../../common/referral-states';
import { ApiText, ApiUuid, CODE_MAX_LENGTH, NAME_MAX_LENGTH } from '../../common/validation/bounds';
import { CONTRACT_NUMBER_MAX_LENGTH } from '../../providers/dto/create-contract.dto';
import { CancelReason, CompletionOutcome, RejectReason } from '../../referrals/referral-codes';
import { MAX_MONTHS, MONTH_LENGTH } from './referral-statistics-query.dto';

/**
 * A count as published. Counts of 1 to 4 are suppressed (`count: null, suppressed: true`), and
 * so are further cells where a suppressed one could otherwise be recovered by subtracting
 * published cells from a published total. A 0 is published.
 */
/**
 * Rows of one table (organisations) and contracts of the capacity table. A documented bound, not
 * enforced: a jobcenter works with tens of providers, not thousands.
 */
export const STATISTICS_MAX_ROWS = 1000;
const MAX_CELLS = MAX_MONTHS;
/** Outcome codes of one state, at most all codes there are. */
const OUTCOMES_MAX_ITEMS = [RejectReason, CancelReason, CompletionOutcome].reduce(
  (sum, codes) => sum + Object.values(codes).length,
  0,
);

/** Whether the disclosure check of a statistics answer finished (ADR 0012, "The audit's budget"). */
export enum DisclosureCheck {
  Complete = 'complete',
  Incomplete = 'incomplete',
}

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
  @ApiProperty({
    type: () => StateCountDto,
    isArray: true,
    maxItems: Object.values(ReferralState).length,
  })
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
  @ApiText(CODE_MAX_LENGTH)
  outcome: string;
  /**
   * True for a jobcenter's end reasons: the count covers only the ended referrals whose client's
   * consent releases participation to the jobcenter now; the others count under `not_released`,
   * so a 0 here does not mean that no referral ended for this reason.
   */
  releasedOnly: boolean;
}

/** The closed referrals of one state, by outcome. */
export class OutcomeGroupDto {
  @ApiProperty({ enum: ReferralState, enumName: 'ReferralState' })
  state: ReferralState;
  /** The same count as this state's in `byState` (and suppressed alike). */
  total: CountCellDto;
  @ApiProperty({ type: () => OutcomeCountDto, isArray: true, maxItems: OUTCOMES_MAX_ITEMS })
  outcomes: OutcomeCountDto[];
}

/** One organisation's referrals per month. */
export class OrganisationMonthRowDto {
  @ApiUuid()
  organisationId: string;
  @ApiText(NAME_MAX_LENGTH)
  organisationName: string;
  /** One cell per month of `months`. */
  @ApiProperty({ type: () => CountCellDto, isArray: true, maxItems: MAX_CELLS })
  cells: CountCellDto[];
  total: CountCellDto;
}

/** Referrals per organisation (rows) and month sent (columns), with the margins. */
export class OrganisationMonthTableDto {
  /** Organisations with at least one referral in the period, by name. */
  @ApiProperty({
    type: () => OrganisationMonthRowDto,
    isArray: true,
    maxItems: STATISTICS_MAX_ROWS,
  })
  rows: OrganisationMonthRowDto[];
  /** Referrals per month, one per month of `months`. */
  @ApiProperty({ type: () => CountCellDto, isArray: true, maxItems: MAX_CELLS })
  columnTotals: CountCellDto[];
  total: CountCellDto;
}

/** One service's requests per month. */
export class ServiceMonthRowDto {
  @ApiProperty({ enum: ServiceKind, enumName: 'ServiceKind' })
  service: ServiceKind;
  @ApiProperty({ type: () => CountCellDto, isArray: true, maxItems: MAX_CELLS })
  cells: CountCellDto[];
  total: CountCellDto;
}

/**
 * Requested services (rows, every service kind) per month sent (columns): a referral counts
 * once for each service it requests, so the totals count requests, not referrals.
 */
export class ServiceMonthTableDto {
  @ApiProperty({
    type: () => ServiceMonthRowDto,
    isArray: true,
    maxItems: Object.values(ServiceKind).length,
  })
  rows: ServiceMonthRowDto[];
  @ApiProperty({ type: () => CountCellDto, isArray: true, maxItems: MAX_CELLS })
  columnTotals: CountCellDto[];
  total: CountCellDto;
}

/**
 * The acceptance rate, accepted ÷ decided, with both counts as published: withheld (null,
 * `suppressed`) when either is suppressed or none was decided.
 */
export class RateDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  rate: number | null;
  suppressed: boolean;
  /** Accepted at some time (also if cancelled since): the numerator. */
  accepted: CountCellDto;
  /** Accepted or rejected: the denominator. */
  decided: CountCellDto;
}

/**
 * A median in whole days (halfway between two, so one decimal), with the count it is taken
 * over: withheld (null, `suppressed`) when that count is suppressed or 0.
 */
export class MedianDto {
  @ApiProperty({ type: Number, nullable: true })
  days: number | null;
  suppressed: boolean;
  /** The referrals the median is taken over, as a cell of the statistics. */
  basis: CountCellDto;
  /**
   * True when only referrals whose client's consent releases participation to the reader now
   * are counted (a jobcenter's first contacts).
   */
  releasedOnly: boolean;
}

/**
 * The use of one contract valid today. The open referrals are published unsuppressed, as the
 * availability answer publishes them for booking; the statistics treat them as known to the
 * reader, so no suppressed cell can be recovered with them.
 */
export class CapacityUseDto {
  @ApiUuid()
  contractId: string;
  /** The jobcenter's contract number. */
  @ApiText(CONTRACT_NUMBER_MAX_LENGTH)
  contractNumber: string;
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
/** A calendar month, `YYYY-MM`. */
const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export class ReferralStatisticsDto {
  /** Whose referrals: a jobcenter's own, or those sent to a provider. */
  @ApiProperty({ enum: [OrganisationKind.Jobcenter, OrganisationKind.Provider] })
  perspective: OrganisationKind.Jobcenter | OrganisationKind.Provider;
  /** The reporting year (Europe/Berlin): the referrals sent in it. @example 2026 */
  @ApiProperty({ minimum: 2000, maximum: 2099 })
  year: number;
  /**
   * When these figures were computed. They are still exact: any change that counts (a
   * referral's state, a consent, a contract) makes the next request compute them again.
   */
  @ApiProperty({ format: 'date-time', maxLength: 30 })
  computedAt: string;
  /** @example 2026-01 */
  @ApiText(MONTH_LENGTH, { pattern: MONTH_PATTERN })
  from: string;
  /** @example 2026-12 */
  @ApiText(MONTH_LENGTH, { pattern: MONTH_PATTERN })
  to: string;
  /** Every month of the year, the columns of the month tables. */
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: MAX_MONTHS,
    maxLength: MONTH_LENGTH,
    pattern: MONTH_PATTERN,
  })
  months: string[];
  /** Counts below this (and above 0) are suppressed. @example 5 */
  minimumCount: number;
  /**
   * `complete`: every count that is published was checked, with all the others, to give no
   * suppressed count away. `incomplete`: that check did not finish within its budget, so every
   * count is suppressed and only `capacityUse` is published (it fails closed); asking again gives
   * the same answer until the figures change.
   */
  @ApiProperty({ enum: DisclosureCheck, enumName: 'DisclosureCheck' })
  disclosureCheck: DisclosureCheck;
  byState: StateCountsDto;
  /** The closed states (`completed`, `ended`, `rejected`, `cancelled`), each by outcome. */
  @ApiProperty({
    type: () => OutcomeGroupDto,
    isArray: true,
    maxItems: Object.values(ReferralState).length,
  })
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
  @ApiProperty({ type: () => CapacityUseDto, isArray: true, maxItems: STATISTICS_MAX_ROWS })
  capacityUse: CapacityUseDto[];
}
