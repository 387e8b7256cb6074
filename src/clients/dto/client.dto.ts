import { ApiProperty } from '@nestjs/swagger';
import { ClientContactWay } from '../client.entity';
import {
  ApiDate,
  ApiText,
  ApiTimestamp,
  ApiUuid,
  EMAIL_MAX_LENGTH,
  PHONE_MAX_LENGTH,
} from '../../common/validation/bounds';
import { POSTCODE_LENGTH } from '../../common/validation/postcode';
import {
  CITY_MAX_LENGTH,
  CONTACT_TIMES_MAX_LENGTH,
  CUSTOMER_NUMBER_MAX_LENGTH,
  NOTE_TO_PROVIDER_MAX_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  STREET_MAX_LENGTH,
} from './create-client.dto';

/** A client (Kundin/Kunde) as their jobcenter registered them; its `ETag` is its version. */
export class ClientDto {
  @ApiUuid()
  id: string;

  /** The jobcenter the client belongs to. */
  @ApiUuid()
  jobcenterId: string;

  /**
   * The jobcenter's customer number (Kundennummer).
   * @example "123D456789"
   */
  @ApiText(CUSTOMER_NUMBER_MAX_LENGTH)
  customerNumber: string;

  /** @example "Erika" */
  @ApiText(PERSON_NAME_MAX_LENGTH)
  givenName: string;

  /** @example "Musterfrau" */
  @ApiText(PERSON_NAME_MAX_LENGTH)
  familyName: string;

  @ApiDate({ example: '1984-03-07' })
  dateOfBirth: string;

  /** @example "Lindenstraße 12" */
  @ApiText(STREET_MAX_LENGTH)
  street: string;

  /** @example "12345" */
  @ApiText(POSTCODE_LENGTH)
  postcode: string;

  /** @example "Musterstadt" */
  @ApiText(CITY_MAX_LENGTH)
  city: string;

  @ApiText(PHONE_MAX_LENGTH, { nullable: true, example: '+49 30 1234567' })
  phone: string | null;

  @ApiText(EMAIL_MAX_LENGTH, { nullable: true, example: 'erika.musterfrau@example.org' })
  email: string | null;

  @ApiProperty({ enum: ClientContactWay, enumName: 'ClientContactWay' })
  preferredContact: ClientContactWay;

  /** When the client is best reached. */
  @ApiText(CONTACT_TIMES_MAX_LENGTH, { nullable: true, example: 'Nachmittags' })
  preferredContactTimes: string | null;

  /** The case manager's note to the provider. */
  @ApiText(NOTE_TO_PROVIDER_MAX_LENGTH, { nullable: true })
  noteToProvider: string | null;

  @ApiTimestamp()
  createdAt: Date;

  /** Changes with every update; lists are ordered by it, newest first. */
  @ApiTimestamp()
  updatedAt: Date;
}
