import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/validation/bounds';

/** Rows of one table, every column as stored (snake_case names, as in the database). */
const ROWS = {
  type: 'array',
  maxItems: 1_000_000,
  items: { type: 'object', additionalProperties: true },
} as const;

/**
 * The Art. 15 copy: what the client's jobcenter holds about them, machine-readable. Each section
 * is the rows of one table, every column; of the providers' content only what the client
 * released to the jobcenter (report sections, history reasons), as for every other read; the
 * providers' own records are theirs to disclose. `disclosures` is the disclosure record.
 */
export class DataCopyDto {
  @ApiUuid()
  clientId: string;

  @ApiTimestamp()
  createdAt: Date;

  /** The client record (master data, Erreichbarkeit, restriction). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  client: Record<string, unknown>;

  @ApiProperty(ROWS)
  referrals: Record<string, unknown>[];

  /** Every step of the referrals, with its reason. */
  @ApiProperty(ROWS)
  history: Record<string, unknown>[];

  @ApiProperty(ROWS)
  reports: Record<string, unknown>[];

  @ApiProperty(ROWS)
  reportSections: Record<string, unknown>[];

  /** The consent history: every record, superseded ones too, with its evidence. */
  @ApiProperty(ROWS)
  consents: Record<string, unknown>[];

  /** The grants of the consents, with their revocations. */
  @ApiProperty(ROWS)
  consentGrants: Record<string, unknown>[];

  /** The disclosure record: who received what about the client, when. */
  @ApiProperty(ROWS)
  disclosures: Record<string, unknown>[];
}
