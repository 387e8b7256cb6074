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
  CARE_OF_MAX_LENGTH,
  MUNICIPALITY_MAX_LENGTH,
  WHEREABOUTS_MAX_LENGTH,
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

  /** The address of residence; street, postcode and city are null without a fixed address. */
  @ApiText(STREET_MAX_LENGTH, { nullable: true, example: 'Lindenstraße 12' })
  street: string | null;

  @ApiText(POSTCODE_LENGTH, { nullable: true, example: '12345' })
  postcode: string | null;

  @ApiText(CITY_MAX_LENGTH, { nullable: true, example: 'Musterstadt' })
  city: string | null;

  /** Erreichbarkeit: a postal address c/o (Beratungsstelle, Tagesaufenthalt, Postfach). */
  @ApiText(CARE_OF_MAX_LENGTH, { nullable: true })
  careOf: string | null;

  /** Erreichbarkeit: where the person is usually met. */
  @ApiText(WHEREABOUTS_MAX_LENGTH, { nullable: true })
  usualWhereabouts: string | null;

  /** The municipality whose providers serve the person; set when there is no address. */
  @ApiText(MUNICIPALITY_MAX_LENGTH, { nullable: true, example: 'Bensheim' })
  municipality: string | null;

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
