import { ApiProperty } from '@nestjs/swagger';
import { ApiServiceKinds, ServiceKind } from '../service-kind';
import {
  ApiText,
  ApiTimestamp,
  ApiUuid,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from '../../common/validation/bounds';
import {
  MAX_LANGUAGES,
  MAX_MUNICIPALITIES,
  MAX_POSTCODES,
  WEBSITE_MAX_LENGTH,
} from './update-provider.dto';
import { MUNICIPALITY_MAX_LENGTH } from '../../common/validation/municipality';

/** A provider (Träger) as the directory shows it. */
export class ProviderDto {
  @ApiUuid()
  id: string;
  /** @example "Aufwind Sozialdienste gGmbH" */
  @ApiText(NAME_MAX_LENGTH)
  name: string;
  /** false: deactivated; it is not listed in the directory and takes no referrals. */
  active: boolean;
  @ApiServiceKinds()
  services: ServiceKind[];
  /** The service area: postcodes (PLZ) its workers visit. @example ["12043", "12045"] */
  @ApiProperty({ type: String, isArray: true, maxItems: MAX_POSTCODES, maxLength: 5 })
  postcodes: string[];
  /** The service area by municipality (Gemeinde). @example ["Bensheim"] */
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: MAX_MUNICIPALITIES,
    maxLength: MUNICIPALITY_MAX_LENGTH,
  })
  municipalities: string[];

  /** ISO 639-1 codes of the languages its workers speak. @example ["de", "ar", "tr"] */
  @ApiProperty({ type: String, isArray: true, maxItems: MAX_LANGUAGES, maxLength: 2 })
  languages: string[];
  /** @example "kontakt@aufwind.example" */
  @ApiText(EMAIL_MAX_LENGTH, { nullable: true })
  contactEmail: string | null;
  /** @example "+49 30 1234567" */
  @ApiText(PHONE_MAX_LENGTH, { nullable: true })
  contactPhone: string | null;
  /** @example "https://aufwind.example" */
  @ApiText(WEBSITE_MAX_LENGTH, { nullable: true })
  website: string | null;
  @ApiText(TEXT_MAX_LENGTH, { nullable: true })
  description: string | null;
  /** When the profile last changed; null until it is first filled in. */
  @ApiTimestamp({ nullable: true })
  updatedAt: Date | null;
}
