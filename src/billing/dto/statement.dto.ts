import { ApiProperty } from '@nestjs/swagger';
import { ApiText, ApiTimestamp, ApiUuid } from '../../common/validation/bounds';
import { ApiBillingUnit, BillingUnit } from '../../providers/billing-unit';
import { CONTRACT_NUMBER_MAX_LENGTH } from '../../providers/dto/create-contract.dto';
import { CorrectionReason } from '../billing-statement.entity';

/** The most lines one edition holds (the schema's bound). */
export const MAX_STATEMENT_LINES = 50_000;
/** The most editions of one month. */
export const MAX_EDITIONS = 100;

const EUROS = { type: String, pattern: '^\\d+\\.\\d{2}$', maxLength: 20, example: '1350.00' };

/** One billed line: a referral and a unit, nothing about the person or the work. */
export class StatementLineDto {
  @ApiUuid()
  referralId: string;
  @ApiBillingUnit()
  unit: BillingUnit;
  /** The unit's price in cents when the edition was made. @example 45000 */
  unitPriceCents: number;
  /** The same in euros. */
  @ApiProperty(EUROS)
  amount: string;
}

/** One unit's sum. */
export class StatementSubtotalDto {
  @ApiBillingUnit()
  unit: BillingUnit;
  /** Lines of the unit. @example 3 */
  count: number;
  /** @example 45000 */
  unitPriceCents: number;
  /** @example 135000 */
  amountCents: number;
  @ApiProperty(EUROS)
  amount: string;
}

/** One edition of a month's statement, without its lines. */
export class StatementSummaryDto {
  @ApiUuid()
  id: string;
  @ApiUuid()
  contractId: string;
  /** The jobcenter's contract number. @example "AH-2026-014" */
  @ApiText(CONTRACT_NUMBER_MAX_LENGTH)
  contractNumber: string;
  @ApiUuid()
  jobcenterId: string;
  @ApiUuid()
  providerId: string;
  /** @example "2026-10" */
  @ApiProperty({ pattern: '^\\d{4}-\\d{2}$', minLength: 7, maxLength: 7 })
  month: string;
  /** 1 for the first statement of the month; each correction the next. @example 1 */
  edition: number;
  /** Why this edition corrects the one before; null for the first. */
  @ApiProperty({ enum: CorrectionReason, enumName: 'CorrectionReason', nullable: true })
  correctionReason: CorrectionReason | null;
  /** @example 3 */
  lineCount: number;
  /** The total in cents (exact integer). @example 135000 */
  totalCents: number;
  /** The total in euros, e.g. "1350.00" (from the cents, never a float). */
  @ApiProperty(EUROS)
  total: string;
  @ApiTimestamp()
  createdAt: Date;
}

/** One edition with its subtotals and lines. */
export class StatementDto extends StatementSummaryDto {
  @ApiProperty({
    type: () => StatementSubtotalDto,
    isArray: true,
    maxItems: Object.values(BillingUnit).length,
  })
  subtotals: StatementSubtotalDto[];
  @ApiProperty({ type: () => StatementLineDto, isArray: true, maxItems: MAX_STATEMENT_LINES })
  lines: StatementLineDto[];
}

/** The editions of one month, the first first. */
export class StatementListDto {
  @ApiProperty({ type: () => StatementSummaryDto, isArray: true, maxItems: MAX_EDITIONS })
  items: StatementSummaryDto[];
}
