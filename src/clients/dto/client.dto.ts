import { ApiProperty } from '@nestjs/swagger';
import { ClientContactWay } from '../client.entity';

/** A client (Kundin/Kunde) as their jobcenter registered them; its `ETag` is its version. */
export class ClientDto {
  id: string;

  /** The jobcenter the client belongs to. */
  jobcenterId: string;

  /**
   * The jobcenter's customer number (Kundennummer).
   * @example "123D456789"
   */
  customerNumber: string;

  /** @example "Erika" */
  givenName: string;

  /** @example "Musterfrau" */
  familyName: string;

  @ApiProperty({ type: String, format: 'date', example: '1984-03-07' })
  dateOfBirth: string;

  /** @example "Lindenstraße 12" */
  street: string;

  /** @example "12345" */
  postcode: string;

  /** @example "Musterstadt" */
  city: string;

  @ApiProperty({ type: String, nullable: true, example: '+49 30 1234567' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'erika.musterfrau@example.org' })
  email: string | null;

  @ApiProperty({ enum: ClientContactWay, enumName: 'ClientContactWay' })
  preferredContact: ClientContactWay;

  /** When the client is best reached. */
  @ApiProperty({ type: String, nullable: true, example: 'Nachmittags' })
  preferredContactTimes: string | null;

  /** The case manager's note to the provider. */
  @ApiProperty({ type: String, nullable: true })
  noteToProvider: string | null;

  createdAt: Date;

  /** Changes with every update; lists are ordered by it, newest first. */
  updatedAt: Date;
}
