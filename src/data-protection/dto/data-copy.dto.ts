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

  /** The client's appointments with the jobcenter, with their outcome (ADR 0021). */
  @ApiProperty(ROWS)
  appointments: Record<string, unknown>[];

  /**
   * The providers' records of accompaniments to those appointments, only where the client
   * released participation to the jobcenter, without the providers' internal notes.
   */
  @ApiProperty(ROWS)
  appointmentAttendances: Record<string, unknown>[];

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

/**
 * A provider's part of the Art. 15 copy: what that provider itself holds about the client, each
 * section the rows of one table (snake_case columns). Of the referrals only the facts of the
 * provider's own work; its steps, activities, reports with every section, the consents it
 * recorded with their grants, and the disclosures it was a party to. Nothing of another
 * organisation.
 */
export class ProviderDataCopyDto {
  @ApiUuid()
  clientId: string;

  /** The provider whose part this is. */
  @ApiUuid()
  providerId: string;

  @ApiTimestamp()
  createdAt: Date;

  /** The referrals sent to the provider: state, assigned worker, dates, outcome. */
  @ApiProperty(ROWS)
  referrals: Record<string, unknown>[];

  /** The provider's own steps in those referrals, with their reasons. */
  @ApiProperty(ROWS)
  history: Record<string, unknown>[];

  /** Contacts and appointments the provider recorded. */
  @ApiProperty(ROWS)
  activities: Record<string, unknown>[];

  /** The provider's records of its accompaniments to the client's jobcenter appointments. */
  @ApiProperty(ROWS)
  appointmentAttendances: Record<string, unknown>[];

  /** The provider's reports, drafts too. */
  @ApiProperty(ROWS)
  reports: Record<string, unknown>[];

  /** Every section of those reports, released or not. */
  @ApiProperty(ROWS)
  reportSections: Record<string, unknown>[];

  /** The consent records the provider recorded, with their evidence. */
  @ApiProperty(ROWS)
  consents: Record<string, unknown>[];

  @ApiProperty(ROWS)
  consentGrants: Record<string, unknown>[];

  /** The disclosure record entries the provider was a party to. */
  @ApiProperty(ROWS)
  disclosures: Record<string, unknown>[];
}
